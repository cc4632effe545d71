package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.List;
import java.util.Set;

/**
 * Finds where the operand of a postfix operator ({@code ::}, {@code ->}) begins in already translated
 * tokens: a literal, parameter or name (with its dotted qualifiers), a parenthesised expression, a
 * function call or an {@code ARRAY[…]}/subscript, or a {@code DATE '…'}-style literal.
 */
final class PrimaryScan {

    /** Words that may stand before {@code (} without naming a function. */
    static final Set<String> KEYWORDS_BEFORE_PARENTHESIS = Set.of(
            "AND", "OR", "NOT", "IN", "EXISTS", "ANY", "ALL", "SOME", "SELECT", "WHERE", "ON", "AS", "VALUES", "FROM",
            "JOIN", "THEN", "ELSE", "WHEN", "CASE", "BY", "HAVING", "USING", "RETURNING", "SET", "INTO", "UNION",
            "INTERSECT", "EXCEPT", "LATERAL", "OVER", "FILTER", "WITHIN", "DISTINCT", "IS", "LIKE", "ILIKE", "BETWEEN",
            "WITH", "TABLE", "LIMIT", "OFFSET", "FETCH", "ORDER", "GROUP", "RECURSIVE", "CHECK", "DEFAULT", "KEY",
            "REFERENCES", "UNIQUE", "PRIMARY", "INCLUDE", "PARTITION", "WINDOW", "ROWS", "RANGE", "MATCHED");

    private PrimaryScan() {
    }

    /** Index where the last operand of {@code out} starts, or -1 when {@code out} does not end with one. */
    static int startOfLast(List<SqlToken> out) {
        int j = out.size() - 1;
        if (j < 0) {
            return -1;
        }
        SqlToken last = out.get(j);
        if (last.is(")") || last.is("]")) {
            j = new TokenList(out, 0).matchingBackwards(j);
            if (j < 0) {
                return -1;
            }
            if (j == 0 || !isName(out.get(j - 1))) {
                return j;
            }
            j--;
        } else if (!isOperand(last)) {
            return -1;
        }
        while (j >= 2 && out.get(j - 1).is(".") && isName(out.get(j - 2))) {
            j -= 2;
        }
        if (out.get(j).kind() == Kind.STRING && j > 0 && out.get(j - 1).isWordIn("DATE", "TIME", "TIMESTAMP")) {
            j--;
        }
        return j;
    }

    /** Words that, followed by a string, form a typed literal ({@code DATE '…'} stays as storage has it). */
    static final Set<String> TYPED_LITERALS = Set.of(
            "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP_TZ", "INTERVAL", "UUID", "JSON", "JSONB", "XML",
            "VECTOR", "INT4RANGE", "INT8RANGE", "NUMRANGE", "TSRANGE", "TSTZRANGE", "DATERANGE");

    /**
     * The end (exclusive) of the primary expression starting at {@code k} in untranslated tokens,
     * without any {@code ::} casts after it: a parenthesised expression, a signed number, a name with
     * its qualifiers (and its argument list when it is a call), a typed literal, or a single literal,
     * parameter or translated token.
     *
     * @throws EngineException 42601 when no expression starts at {@code k}
     */
    static int endOf(TokenList in, int k) throws EngineException {
        SqlToken t = in.get(k);
        if (t.is("(")) {
            return in.matching(k) + 1;
        }
        if (t.is("-") && in.get(k + 1).kind() == Kind.NUMBER) {
            return k + 2;
        }
        if (t.kind() == Kind.WORD && TYPED_LITERALS.contains(t.upper()) && in.get(k + 1).isPlainString()) {
            return k + 2;
        }
        if (t.isIdentifier()) {
            int end = k + 1;
            while (in.get(end).is(".") && in.get(end + 1).isIdentifier()) {
                end += 2;
            }
            if (in.get(end).is("(")) {
                return in.matching(end) + 1;
            }
            if (t.isWord("ARRAY") && in.get(end).is("[")) {
                return in.matching(end) + 1;
            }
            return end;
        }
        return switch (t.kind()) {
            case STRING, NUMBER, PARAMETER, DOLLAR_STRING, RAW -> k + 1;
            default -> throw t.text().isEmpty() ? SqlErrors.syntax("syntax error at end of input", t.start())
                    : SqlErrors.syntaxAt(t);
        };
    }

    /** {@link #endOf} followed by any {@code ::type} casts. */
    static int endWithCasts(TokenList in, int k) throws EngineException {
        int end = endOf(in, k);
        while (in.get(end).is("::")) {
            end = SbTypeParser.parse(in, end + 1).next();
        }
        return end;
    }

    private static boolean isName(SqlToken t) {
        return t.kind() == Kind.QUOTED_IDENTIFIER || t.kind() == Kind.RAW
                || t.kind() == Kind.WORD && !KEYWORDS_BEFORE_PARENTHESIS.contains(t.upper());
    }

    private static boolean isOperand(SqlToken t) {
        return switch (t.kind()) {
            case WORD -> !KEYWORDS_BEFORE_PARENTHESIS.contains(t.upper());
            case QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, RAW -> true;
            default -> false;
        };
    }
}
