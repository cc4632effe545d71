package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a projection (a SELECT list or a RETURNING list) before translation: for each item the label
 * the client must see and, when the expression itself declares it, the SBsql type. Items without an
 * alias get one ({@code AS "count"}, {@code AS "?column?"}, PostgreSQL's naming), so storage never
 * names a column after its translated expression text.
 */
final class SelectList {

    /** Words never taken as an implicit alias, and never ending an expression that one follows. */
    private static final Set<String> RESERVED = Set.of(
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "CASE", "WHEN",
            "THEN", "ELSE", "END", "AS", "IN", "LIKE", "ILIKE", "BETWEEN", "EXISTS", "DISTINCT", "ALL", "ANY", "SOME",
            "ON", "JOIN", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "ZONE", "TIME", "AT", "ESCAPE",
            "COLLATE", "ASC", "DESC", "NULLS", "FIRST", "LAST", "OVER", "FILTER", "WITHIN", "ROWS", "ROW", "ARRAY",
            "INTERVAL", "DATE", "TIMESTAMP", "TO", "SYMMETRIC");
    /** Niladic functions written without parentheses: expressions labelled by their name, not columns. */
    private static final Set<String> NILADIC = Set.of(
            "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_CATALOG", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "USER");
    /** Words that can end an expression and still be followed by an implicit alias. */
    private static final Set<String> LITERAL_WORDS = Set.of("END", "NULL", "TRUE", "FALSE", "UNKNOWN");

    /** The projection with aliases added, and one hint per item. */
    record Analysis(List<SqlToken> tokens, List<ColumnHint> hints) {
    }

    private SelectList() {
    }

    /** Analyses the items in [from, to) of {@code in}; the rest of the statement is copied unchanged. */
    static Analysis analyze(TokenList in, int from, int to) throws EngineException {
        List<SqlToken> out = new ArrayList<>(in.slice(0, from));
        List<ColumnHint> hints = new ArrayList<>();
        List<int[]> items = in.splitTopLevel(from, to);
        for (int n = 0; n < items.size(); n++) {
            int a = items.get(n)[0];
            int b = items.get(n)[1];
            if (n > 0) {
                out.add(in.get(a - 1));
            }
            out.addAll(in.slice(a, b));
            Item item = item(in, a, b);
            hints.add(item.hint);
            if (item.addAlias) {
                out.add(SqlToken.raw("AS " + SystemSchemas.quote(item.hint.label()), in.get(b - 1).end()));
            }
        }
        out.addAll(in.slice(to, in.size()));
        return new Analysis(out, hints);
    }

    /** Hints for a VALUES statement: columns {@code column1…n} typed like the first row's expressions. */
    static List<ColumnHint> valuesHints(TokenList in, int open) throws EngineException {
        List<ColumnHint> hints = new ArrayList<>();
        int close = in.matching(open);
        int n = 1;
        for (int[] item : in.splitTopLevel(open + 1, close)) {
            hints.add(new ColumnHint("column" + n++, typeOf(in, item[0], item[1]), false));
        }
        return hints;
    }

    private record Item(ColumnHint hint, boolean addAlias) {
    }

    private static Item item(TokenList in, int a, int b) throws EngineException {
        SqlToken last = in.get(b - 1);
        if (last.is("*")) {
            return new Item(ColumnHint.STAR, false);
        }
        String alias = null;
        int exprEnd = b;
        if (b - a >= 3 && in.get(b - 2).isWord("AS") && last.isIdentifier()) {
            alias = last.identifierName();
            exprEnd = b - 2;
        } else if (b - a >= 2 && isImplicitAlias(in.get(b - 2), last)) {
            alias = last.identifierName();
            exprEnd = b - 1;
        }
        if (isColumnReference(in, a, exprEnd)) {
            return new Item(new ColumnHint(alias, null, false), false);
        }
        SqlType type = typeOf(in, a, exprEnd);
        return new Item(new ColumnHint(alias != null ? alias : label(in, a, exprEnd), type, false), alias == null);
    }

    private static boolean isImplicitAlias(SqlToken before, SqlToken last) {
        boolean aliasLike = last.kind() == Kind.QUOTED_IDENTIFIER
                || last.kind() == Kind.WORD && !RESERVED.contains(last.upper());
        boolean endsExpression = switch (before.kind()) {
            case STRING, NUMBER, PARAMETER, QUOTED_IDENTIFIER -> true;
            case PUNCTUATION -> before.is(")") || before.is("]");
            case WORD -> !RESERVED.contains(before.upper()) || LITERAL_WORDS.contains(before.upper());
            default -> false;
        };
        return aliasLike && endsExpression;
    }

    private static boolean isColumnReference(TokenList in, int a, int end) {
        if (!in.get(a).isIdentifier() || in.get(a).kind() == Kind.WORD
                && (RESERVED.contains(in.get(a).upper()) || NILADIC.contains(in.get(a).upper()))) {
            return false;
        }
        int k = a + 1;
        while (k + 1 < end && in.get(k).is(".") && in.get(k + 1).isIdentifier()) {
            k += 2;
        }
        return k == end;
    }

    /** PostgreSQL's default label: function name, cast target, typed literal, {@code case}, or {@code ?column?}. */
    private static String label(TokenList in, int a, int end) throws EngineException {
        SqlToken first = in.get(a);
        if (end == a + 1 && first.kind() == Kind.WORD && NILADIC.contains(first.upper())) {
            return first.text().toLowerCase(Locale.ROOT);
        }
        if (isTypedLiteral(in, a, end)) {
            return first.text().toLowerCase(Locale.ROOT);
        }
        int primaryEnd = safeEnd(in, a);
        if (primaryEnd < 0) {
            return "?column?";
        }
        if (primaryEnd < end && castsOnly(in, primaryEnd, end)) {
            return castLabel(in, a, primaryEnd, a, end);
        }
        int callEnd = primaryEnd == end ? end : afterWindowClauses(in, primaryEnd, end) == end ? primaryEnd : -1;
        int paren = callEnd > 0 ? callParenthesis(in, a, callEnd) : -1;
        if (paren > 0 && first.isWord("CAST")) {
            int as = in.findTopLevelWord(paren + 1, end - 1, "AS");
            return castLabel(in, paren + 1, Math.max(as, paren + 1), a, end);
        }
        if (paren > 0) {
            return in.get(paren - 1).identifierName().toLowerCase(Locale.ROOT);
        }
        if (first.isWord("CASE")) {
            return "case";
        }
        if (first.isWord("ARRAY")) {
            return "array";
        }
        return "?column?";
    }

    /** A cast is labelled after the column it casts ([operandStart, operandEnd)), otherwise after its target type. */
    private static String castLabel(TokenList in, int operandStart, int operandEnd, int a, int end) throws EngineException {
        if (operandEnd > operandStart && isColumnReference(in, operandStart, operandEnd)) {
            return in.get(operandEnd - 1).identifierName();
        }
        SqlType cast = typeOf(in, a, end);
        return cast == null ? "?column?" : cast.name();
    }

    /** {@code DATE '…'}, {@code INTERVAL '1' DAY}: a typed literal, possibly with interval fields. */
    private static boolean isTypedLiteral(TokenList in, int a, int end) {
        if (!(in.get(a).kind() == Kind.WORD && PrimaryScan.TYPED_LITERALS.contains(in.get(a).upper())
                && in.get(a + 1).isPlainString())) {
            return false;
        }
        for (int k = a + 2; k < end; k++) {
            if (!in.get(k).isWordIn("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO")) {
                return false;
            }
        }
        return true;
    }

    /** The end of {@code FILTER (…)} and {@code OVER (…)}/{@code OVER name} clauses starting at {@code from}. */
    private static int afterWindowClauses(TokenList in, int from, int end) {
        int k = from;
        while (k < end && in.get(k).isWordIn("FILTER", "OVER")) {
            if (in.get(k + 1).is("(")) {
                k = in.matching(k + 1) + 1;
            } else if (in.get(k).isWord("OVER") && in.get(k + 1).isIdentifier()) {
                k += 2;
            } else {
                return -1;
            }
        }
        return k;
    }

    /** Whether [from, end) is nothing but {@code ::type} casts. */
    private static boolean castsOnly(TokenList in, int from, int end) throws EngineException {
        int k = from;
        while (k < end && in.get(k).is("::")) {
            k = SbTypeParser.parse(in, k + 1).next();
        }
        return k == end;
    }

    /** The index of the argument list's {@code (} when [a, end) is exactly a call {@code name(…)}, else -1. */
    private static int callParenthesis(TokenList in, int a, int end) {
        int k = a;
        while (in.get(k + 1).is(".") && in.get(k + 2).isIdentifier()) {
            k += 2;
        }
        return in.get(a).isIdentifier() && in.get(k + 1).is("(") && in.matching(k + 1) == end - 1 ? k + 1 : -1;
    }

    private static int safeEnd(TokenList in, int a) {
        try {
            return PrimaryScan.endOf(in, a);
        } catch (EngineException e) {
            return -1;
        }
    }

    /**
     * The declared type of the expression in [a, end) when the text says it: a primary (cast, typed
     * literal, library function of a text-stored type, parenthesised expression) followed by any
     * number of {@code ::type} casts and {@code ->}/{@code ->>} steps. Null means storage decides.
     */
    static SqlType typeOf(TokenList in, int a, int end) throws EngineException {
        int e = safeEnd(in, a);
        if (e < 0 || e > end) {
            return null;
        }
        SqlType type = typeOfPrimary(in, a, e);
        while (e < end) {
            SqlToken op = in.get(e);
            if (op.is("::")) {
                SbTypeParser.Parsed cast = SbTypeParser.parse(in, e + 1);
                type = cast.type().reported();
                e = cast.next();
            } else if (op.is("->") || op.is("->>")) {
                e = PrimaryScan.endWithCasts(in, e + 1);
                type = op.is("->") ? SbTypes.JSONB : SbTypes.TEXT;
            } else {
                return null;
            }
        }
        return e == end ? type : null;
    }

    private static SqlType typeOfPrimary(TokenList in, int a, int e) throws EngineException {
        SqlToken first = in.get(a);
        if (first.is("(")) {
            return typeOf(in, a + 1, e - 1);
        }
        if (first.kind() == Kind.WORD && PrimaryScan.TYPED_LITERALS.contains(first.upper()) && in.get(a + 1).isPlainString()) {
            return first.isWordIn("DATE", "TIME", "TIMESTAMP", "INTERVAL") ? null
                    : SbTypeParser.parseWhole(first.text()).reported();
        }
        int paren = callParenthesis(in, a, e);
        if (paren < 0) {
            return null;
        }
        String name = in.get(paren - 1).identifierName().toLowerCase(Locale.ROOT);
        if (name.equals("cast")) {
            int as = in.findTopLevelWord(paren + 1, e - 1, "AS");
            return as < 0 ? null : SbTypeParser.parse(in, as + 1).type().reported();
        }
        if (name.equals("json_value")) {
            int returning = in.findTopLevelWord(paren + 1, e - 1, "RETURNING");
            return returning < 0 ? SbTypes.TEXT : SbTypeParser.parse(in, returning + 1).type().reported();
        }
        FunctionCatalog.Entry fn = paren == a + 1 ? FunctionCatalog.lookup(name) : null;
        return fn == null ? null : fn.returns();
    }
}
