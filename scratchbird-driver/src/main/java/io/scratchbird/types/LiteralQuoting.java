package io.scratchbird.types;

/**
 * Writing one item of a PostgreSQL-style composite literal: a range bound ({@code [a,b)}) or an
 * array element ({@code {a,b}}). An item is written as is unless it is empty, contains whitespace
 * or one of the literal's special characters; then it is double-quoted with {@code "} and
 * {@code \} backslash-escaped, which every reader of those literals understands.
 */
public final class LiteralQuoting {

    /** Characters that delimit range literals and quoting itself. */
    public static final String RANGE_SPECIALS = ",()[]\"\\";
    /** Characters that delimit array literals and quoting itself. */
    public static final String ARRAY_SPECIALS = "{},\"\\";

    private LiteralQuoting() {
    }

    /** Appends {@code text}, quoted when it is empty, has whitespace or a character of {@code specials}. */
    public static StringBuilder appendItem(StringBuilder sb, String text, String specials) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (specials.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                return appendQuoted(sb, text);
            }
        }
        return text.isEmpty() ? appendQuoted(sb, text) : sb.append(text);
    }

    /** Appends {@code text} in double quotes, {@code "} and {@code \} backslash-escaped. */
    public static StringBuilder appendQuoted(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"');
    }
}
