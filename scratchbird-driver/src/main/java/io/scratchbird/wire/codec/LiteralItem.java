package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * Reading one item of a PostgreSQL-style composite literal: a range bound or an array element.
 * The item runs to the next unquoted delimiter; double-quoted stretches are taken literally (with
 * {@code \x} for x and {@code ""} for a quote inside them), a backslash outside quotes escapes
 * the next character, and blanks around the unquoted text are dropped.
 *
 * @param text    the item with quotes and escapes removed
 * @param quoted  whether any part was quoted (so an empty or {@code NULL} text is a real value)
 * @param escaped whether any backslash escape was used outside quotes
 * @param start   character index where the item starts
 */
record LiteralItem(String text, boolean quoted, boolean escaped, int start) {

    /**
     * @param delimiters characters that end the item when unquoted
     * @param forbidden  characters that may not appear unquoted
     */
    static LiteralItem read(TextCursor c, String delimiters, String forbidden) {
        c.skipSpaces();
        int start = c.position();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        int keep = 0; // trailing unquoted blanks beyond this length are dropped
        for (int ch = c.peek(); ch != -1 && delimiters.indexOf(ch) < 0; ch = c.peek()) {
            if (forbidden.indexOf(ch) >= 0) {
                throw c.error("unexpected '" + (char) ch + "' in an unquoted item (quote it)");
            }
            c.next();
            if (ch == '"') {
                quoted = true;
                readQuoted(c, sb);
            } else if (ch == '\\') {
                escaped = true;
                sb.append(c.next());
            } else {
                sb.append((char) ch);
                if (TextCursor.isSpace((char) ch)) {
                    continue;
                }
            }
            keep = sb.length();
        }
        sb.setLength(keep);
        return new LiteralItem(sb.toString(), quoted, escaped, start);
    }

    /** After an opening quote: up to the closing one. */
    private static void readQuoted(TextCursor c, StringBuilder sb) {
        int open = c.position() - 1;
        while (true) {
            if (c.atEnd()) {
                throw c.errorAt(open, "unterminated quoted item");
            }
            char ch = c.next();
            if (ch == '\\') {
                sb.append(c.next());
            } else if (ch == '"' && !c.accept('"')) {
                return;
            } else {
                sb.append(ch);
            }
        }
    }

    /** The text decoded by {@code codec}; its rejection is re-reported as one of {@code typeName} at this item. */
    <T> T decodeWith(ValueCodec<T> codec, String typeName, String part) {
        try {
            return codec.decodeText(text);
        } catch (ValueFormatException e) {
            throw Rejections.inPart(typeName, start, part, e);
        }
    }

    /** Neither quoted nor escaped, and equal to {@code word} in any case ({@code NULL} in arrays). */
    boolean isBare(String word) {
        return !quoted && !escaped && text.equalsIgnoreCase(word);
    }

    /** Nothing at all between the delimiters (an unbounded range side; an error in arrays). */
    boolean isAbsent() {
        return !quoted && text.isEmpty();
    }
}
