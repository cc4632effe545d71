package io.scratchbird.embedded.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a k-nearest-neighbour query an HNSW index can answer, recognised in a query's
 * storage text: {@code SELECT items FROM t [[AS] alias] [WHERE filter] ORDER BY
 * dist(col, expr) [ASC|DESC] [, tie-breaking keys] LIMIT n|?} (the distance may also be a select
 * item the ORDER BY names by position or alias), where {@code dist} is a vector distance of the library,
 * {@code col} a column of {@code t} and {@code expr} mentions no column (parameters, literals,
 * library functions, casts). Joins, grouping, DISTINCT, set operations, OFFSET and locking reads
 * are not this shape and always run as written.
 *
 * <p>{@link #restrictedSql} is the statement with the rows limited to a candidate set: the filter
 * becomes {@code alias.pk = ANY(?) AND (filter)}; the {@code ?} is storage parameter number
 * {@link #candidateParameter} (0-based), the others keep their order. The primary key's quoted
 * name replaces {@link #PK}.
 *
 * @param schema             the table's schema as written, or null (search path)
 * @param table              the table name
 * @param column             the vector column
 * @param metric             L2, COSINE or INNER_PRODUCT
 * @param maximize           for INNER_PRODUCT: nearest means the largest inner product
 * @param vectorSql          storage text of the query vector expression
 * @param vectorParameters   0-based storage parameter numbers inside {@code vectorSql}, in order
 * @param limit              the LIMIT literal, or -1 when it is a parameter
 * @param limitParameter     0-based storage parameter number of the LIMIT, or -1
 * @param restrictedSql      the statement limited to candidate rows
 * @param candidateParameter where the candidate array goes among the storage parameters of {@code restrictedSql}
 * @param rankedSql          {@code restrictedSql} with {@link #DISTANCE}{@code (alias.pk)} (the candidate's distance as
 *                           {@code function} computes it, handed over by the index) in place of the distance
 *                           as the first ORDER BY key, direction and further keys kept: its parameters are
 *                           {@code restrictedSql}'s, without {@code vectorParameters} when {@code distanceInOrderBy}
 * @param distanceInOrderBy  the distance is written in the ORDER BY (else it is a select item the ORDER BY names
 *                           by position or alias, and its parameters stay in {@code rankedSql})
 * @param function           storage's name of the distance function ({@code sb_l2_distance}, …)
 */
public record VectorSearchPlan(String schema, String table, String column, Metric metric, boolean maximize,
                               String vectorSql, int[] vectorParameters, long limit, int limitParameter,
                               String restrictedSql, int candidateParameter, String rankedSql,
                               boolean distanceInOrderBy, String function) {

    /** Placeholder for the quoted primary key column in {@link #restrictedSql} and {@link #rankedSql}. */
    public static final String PK = "\u0000pk\u0000";

    /** Placeholder for the candidate-distance function's storage name in {@link #rankedSql}. */
    public static final String DISTANCE = "\u0000distance\u0000";

    /** Distance families an HNSW index keeps a graph for. */
    public enum Metric {
        L2, COSINE, INNER_PRODUCT
    }

    private static final Map<String, Metric> FUNCTIONS = Map.of(
            "sb_l2_distance", Metric.L2, "sb_cosine_distance", Metric.COSINE,
            "sb_inner_product", Metric.INNER_PRODUCT, "sb_negative_inner_product", Metric.INNER_PRODUCT);

    private static final String[] REFUSED_WORDS = {"UNION", "INTERSECT", "EXCEPT", "MINUS", "GROUP", "HAVING",
        "DISTINCT", "OFFSET", "FETCH", "FOR", "JOIN", "WINDOW", "QUALIFY", "WITH", "INTO", "TOP"};

    /** The plan of {@code h2Sql} (a query's storage text), or null when it is not this shape. */
    public static VectorSearchPlan of(String h2Sql) {
        try {
            return parse(TokenList.of(h2Sql));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static VectorSearchPlan parse(TokenList in) {
        int n = in.size();
        if (n < 8 || !in.get(0).isWord("SELECT")) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (in.get(i).is(";")) {
                return null;
            }
        }
        if (in.findTopLevelWord(0, n, REFUSED_WORDS) >= 0) {
            return null;
        }
        int from = in.findTopLevelWord(1, n, "FROM");
        int order = in.findTopLevelWord(1, n, "ORDER");
        int limit = in.findTopLevelWord(1, n, "LIMIT");
        int where = in.findTopLevelWord(1, n, "WHERE");
        if (from < 0 || order < 0 || limit < 0 || !(order < limit) || !in.get(order + 1).isWord("BY")
                || where >= 0 && !(from < where && where < order)) {
            return null;
        }
        // FROM: name | schema . name, then [AS] alias
        int fromEnd = where >= 0 ? where : order;
        int k = from + 1;
        List<SqlToken> qualifier = new ArrayList<>();
        String schema = null;
        if (!in.get(k).isIdentifier()) {
            return null;
        }
        String table = in.get(k).identifierName();
        qualifier.add(in.get(k));
        k++;
        if (k < fromEnd && in.get(k).is(".")) {
            if (!in.get(k + 1).isIdentifier()) {
                return null;
            }
            schema = table;
            table = in.get(k + 1).identifierName();
            qualifier.add(in.get(k));
            qualifier.add(in.get(k + 1));
            k += 2;
        }
        if (k < fromEnd && in.get(k).isWord("AS")) {
            k++;
        }
        if (k < fromEnd) {
            if (!in.get(k).isIdentifier() || k + 1 != fromEnd) {
                return null;
            }
            qualifier = List.of(in.get(k));
        }
        // ORDER BY dist(a, b) [ASC|DESC] LIMIT x, or ORDER BY n | alias naming such a select item (as
        // Hibernate writes it: "select …, l2_distance(e.emb, ?) from … order by 8 limit ?")
        int f = order + 2;
        int[] item = selectItem(in, from, f);
        boolean distanceInOrderBy = item == null;
        if (item != null) {
            f = item[0];
        }
        String function;
        if (in.get(f).kind() == SqlToken.Kind.QUOTED_IDENTIFIER && in.get(f).identifierName().equals("sys.functions")
                && in.get(f + 1).is(".")) {
            function = in.get(f + 2).identifierName();
            f += 3;
        } else {
            return null;
        }
        Metric metric = FUNCTIONS.get(function.toLowerCase(Locale.ROOT));
        if (metric == null || !in.get(f).is("(")) {
            return null;
        }
        int close = in.matching(f);
        List<int[]> args = in.splitTopLevel(f + 1, close);
        if (args.size() != 2) {
            return null;
        }
        if (item != null && close + 1 != item[1]) {
            return null; // the select item is more than the distance call
        }
        boolean descending = false;
        int after = item != null ? order + 3 : close + 1;
        if (in.get(after).isWordIn("ASC", "DESC")) {
            descending = in.get(after).isWord("DESC");
            after++;
        }
        if (in.get(after).isWord("NULLS")) {
            return null;
        }
        // further ORDER BY keys only break ties between equal distances (", id" for a stable order)
        int tieBreakers = -1;
        if (in.get(after).is(",")) {
            tieBreakers = after;
            after = limit;
        }
        if (after != limit) {
            return null;
        }
        boolean maximize = false;
        if (metric == Metric.INNER_PRODUCT) {
            boolean negative = function.equalsIgnoreCase("sb_negative_inner_product");
            maximize = negative != descending;
        } else if (descending) {
            return null;
        }
        String column = columnOf(in, args.get(0), qualifier, table);
        int[] vector = args.get(1);
        if (column == null) {
            column = columnOf(in, args.get(1), qualifier, table);
            vector = args.get(0);
        }
        if (column == null || !isConstant(in, vector[0], vector[1])) {
            return null;
        }
        long limitValue = -1;
        int limitParameter = -1;
        SqlToken l = in.get(limit + 1);
        if (limit + 2 != n) {
            return null;
        }
        if (l.kind() == SqlToken.Kind.NUMBER) {
            limitValue = Long.parseLong(l.text());
        } else if (l.kind() == SqlToken.Kind.PARAMETER) {
            limitParameter = parametersBefore(in, limit + 1);
        } else {
            return null;
        }
        StringBuilder vectorSql = new StringBuilder();
        int[] vectorParameters = new int[parametersIn(in, vector[0], vector[1])];
        int first = parametersBefore(in, vector[0]);
        for (int i = 0; i < vectorParameters.length; i++) {
            vectorParameters[i] = first + i;
        }
        append(vectorSql, in, vector[0], vector[1]);
        // the statement limited to candidates
        StringBuilder restricted = new StringBuilder();
        StringBuilder key = new StringBuilder();
        for (SqlToken t : qualifier) {
            key.append(t.text());
        }
        key.append('.').append(PK).append(" = ANY(?) AND ");
        for (SqlToken t : qualifier) {
            key.append(t.text());
        }
        key.append('.').append(in.get(column.equals(columnOf(in, args.get(0), qualifier, table)) ? args.get(0)[1] - 1
                : args.get(1)[1] - 1).text()).append(" IS NOT NULL");
        int candidate;
        if (where >= 0) {
            append(restricted, in, 0, where + 1);
            candidate = parametersBefore(in, where + 1);
            restricted.append(' ').append(key).append(" AND (");
            append(restricted, in, where + 1, order);
            restricted.append(") ");
        } else {
            append(restricted, in, 0, order);
            candidate = parametersBefore(in, order);
            restricted.append(" WHERE ").append(key).append(' ');
        }
        StringBuilder ranked = new StringBuilder(restricted).append("ORDER BY ").append(DISTANCE).append('(');
        for (SqlToken t : qualifier) {
            ranked.append(t.text());
        }
        ranked.append('.').append(PK).append(')').append(descending ? " DESC" : "");
        if (tieBreakers >= 0) {
            append(ranked, in, tieBreakers, limit);
        }
        ranked.append(' ');
        append(ranked, in, limit, n);
        append(restricted, in, order, n);
        return new VectorSearchPlan(schema, table, column, metric, maximize, vectorSql.toString(), vectorParameters,
                limitValue, limitParameter, restricted.toString(), candidate, ranked.toString(), distanceInOrderBy,
                function.toLowerCase(Locale.ROOT));
    }

    /**
     * When the ORDER BY key at {@code key} is a lone position ({@code 8}) or a select-list alias
     * ({@code d}), the token range of that select item without its alias; else null.
     */
    private static int[] selectItem(TokenList in, int from, int key) {
        SqlToken t = in.get(key);
        SqlToken next = in.get(key + 1);
        if (!(next.isWordIn("ASC", "DESC", "LIMIT") || next.is(","))) {
            return null;
        }
        List<int[]> items = in.splitTopLevel(1, from);
        if (t.kind() == SqlToken.Kind.NUMBER) {
            int n;
            try {
                n = Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                return null;
            }
            return n < 1 || n > items.size() ? null : withoutAlias(in, items.get(n - 1));
        }
        if (!t.isIdentifier()) {
            return null;
        }
        for (int[] range : items) {
            int[] bare = withoutAlias(in, range);
            if (bare[1] < range[1] && in.get(range[1] - 1).identifierName().equalsIgnoreCase(t.identifierName())) {
                return bare;
            }
        }
        return null;
    }

    /** A select item's range without a trailing {@code [AS] alias} after a closing parenthesis. */
    private static int[] withoutAlias(TokenList in, int[] range) {
        int end = range[1];
        if (end - range[0] >= 2 && in.get(end - 1).isIdentifier()) {
            if (in.get(end - 2).isWord("AS")) {
                return new int[] {range[0], end - 2};
            }
            if (in.get(end - 2).is(")")) {
                return new int[] {range[0], end - 1};
            }
        }
        return range;
    }

    /** The column name when the tokens are {@code col} or {@code qualifier.col}, else null. */
    private static String columnOf(TokenList in, int[] range, List<SqlToken> qualifier, String table) {
        int len = range[1] - range[0];
        if (len == 1 && in.get(range[0]).isIdentifier()) {
            return in.get(range[0]).identifierName();
        }
        if (len >= 3 && in.get(range[1] - 1).isIdentifier() && in.get(range[1] - 2).is(".")) {
            String q = in.get(range[1] - 3).identifierName();
            String expected = qualifier.get(qualifier.size() - 1).identifierName();
            if ((q.equalsIgnoreCase(expected) || q.equalsIgnoreCase(table)) && (len == 3 || len == 5)) {
                return in.get(range[1] - 1).identifierName();
            }
        }
        return null;
    }

    /** Parameters, literals, library calls and casts to library types only: no column. */
    private static boolean isConstant(TokenList in, int from, int to) {
        for (int i = from; i < to; i++) {
            SqlToken t = in.get(i);
            switch (t.kind()) {
                case PARAMETER, STRING, NUMBER, PUNCTUATION, OPERATOR -> {
                }
                case QUOTED_IDENTIFIER -> {
                    String name = t.identifierName();
                    if (name.startsWith("sys.") && in.get(i + 1).is(".")) {
                        i += 2; // the function or domain name
                    } else {
                        return false;
                    }
                }
                case WORD -> {
                    if (!t.isWordIn("CAST", "AS", "ARRAY", "VARCHAR", "CHARACTER", "VARYING", "REAL", "DOUBLE",
                            "PRECISION", "FLOAT", "INTEGER", "NULL")) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static int parametersBefore(TokenList in, int index) {
        return parametersIn(in, 0, index);
    }

    private static int parametersIn(TokenList in, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (in.get(i).kind() == SqlToken.Kind.PARAMETER) {
                count++;
            }
        }
        return count;
    }

    private static void append(StringBuilder sb, TokenList in, int from, int to) {
        for (int i = from; i < to; i++) {
            SqlToken t = in.get(i);
            SqlToken previous = i > 0 ? in.get(i - 1) : null;
            if (sb.length() > 0 && !(t.is(".") || t.is(")") || t.is(",") || previous != null
                    && (previous.is(".") || previous.is("(")))) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
    }
}
