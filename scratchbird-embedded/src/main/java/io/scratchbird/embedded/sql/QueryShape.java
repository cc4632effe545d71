package io.scratchbird.embedded.sql;

import java.util.List;

/**
 * The result shape of a query: the main SELECT's list analysed (labels added, declared types noted),
 * after skipping any WITH list; for VALUES, PostgreSQL's {@code column1…n} labels.
 *
 * @param tokens  the query with aliases added
 * @param columns hints for the result columns, or null when nothing is known (parenthesised queries)
 */
record QueryShape(List<SqlToken> tokens, List<ColumnHint> columns) {

    private static final String[] SELECT_LIST_END = {
        "FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT",
        "EXCEPT", "MINUS", "QUALIFY",
    };

    static QueryShape of(TokenList in) throws EngineException {
        int i = in.get(0).isWord("WITH") ? mainStatement(in) : 0;
        SqlToken main = in.get(i);
        if (main.isWord("SELECT")) {
            int from = i + 1;
            if (in.get(from).isWordIn("DISTINCT", "ALL")) {
                from++;
            }
            int end = in.findTopLevelWord(from, in.size(), SELECT_LIST_END);
            int locking = lockingClause(in, from);
            end = end < 0 ? locking : locking < 0 ? end : Math.min(end, locking);
            SelectList.Analysis analysis = SelectList.analyze(in, from, end < 0 ? in.size() : end);
            return new QueryShape(analysis.tokens(), analysis.hints());
        }
        if (main.isWord("VALUES") && in.get(i + 1).is("(")) {
            return new QueryShape(in.all(), SelectList.valuesHints(in, i + 1));
        }
        return new QueryShape(in.all(), null);
    }

    /** The top-level {@code FOR UPDATE}-style clause after {@code from}, or -1 ({@code NEXT VALUE FOR} is not one). */
    private static int lockingClause(TokenList in, int from) {
        int k = from;
        while ((k = in.findTopLevelWord(k, in.size(), "FOR")) >= 0) {
            if (in.get(k + 1).isWordIn("UPDATE", "SHARE", "NO", "KEY")) {
                return k;
            }
            k++;
        }
        return -1;
    }

    /** The index of the statement after {@code WITH [RECURSIVE] name [(cols)] AS (…) [, …]}. */
    private static int mainStatement(TokenList in) throws EngineException {
        int i = in.get(1).isWord("RECURSIVE") ? 2 : 1;
        while (true) {
            if (!in.get(i).isIdentifier()) {
                throw SqlErrors.syntaxAt(in.get(i));
            }
            i++;
            if (in.get(i).is("(")) {
                i = in.matching(i) + 1;
            }
            if (!in.get(i).isWord("AS")) {
                throw SqlErrors.syntaxAt(in.get(i));
            }
            i++;
            if (in.get(i).isWord("NOT")) {
                i++;
            }
            if (in.get(i).isWord("MATERIALIZED")) {
                i++;
            }
            if (!in.get(i).is("(")) {
                throw SqlErrors.syntaxAt(in.get(i));
            }
            i = in.matching(i) + 1;
            if (!in.get(i).is(",")) {
                break;
            }
            i++;
        }
        if (in.get(i).isWordIn("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT")) {
            throw SqlErrors.unsupported("WITH … " + in.get(i).upper());
        }
        return i;
    }
}
