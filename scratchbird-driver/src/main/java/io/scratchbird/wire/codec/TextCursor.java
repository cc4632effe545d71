package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.util.function.Function;

/**
 * A read position in a text value, for the hand-written parsers of the structured text forms
 * (dates, intervals, ranges, arrays, vectors). Every failure names the type and the character
 * index where it was detected.
 */
final class TextCursor {

    private final String typeName;
    private final String text;
    private int pos;

    TextCursor(String typeName, String text) {
        this.typeName = typeName;
        this.text = text;
    }

    /** Runs {@code reader} over the whole of {@code text}: anything it leaves unread is rejected. */
    static <T> T readAll(String typeName, String text, Function<TextCursor, T> reader) {
        TextCursor c = new TextCursor(typeName, text);
        T value = reader.apply(c);
        c.expectEnd();
        return value;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or -1 at the end. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos++);
    }

    boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code word} if it comes next, ignoring case. */
    boolean acceptIgnoreCase(String word) {
        if (text.regionMatches(true, pos, word, 0, word.length())) {
            pos += word.length();
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "' but found " + describeNext());
        }
    }

    void expectEnd() {
        if (pos < text.length()) {
            throw error("unexpected " + describeNext() + " after the value");
        }
    }

    /** Skips the whitespace PostgreSQL's literal parsers skip: space, tab, CR, LF, VT, FF. */
    void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Advances to the next blank or character in {@code stops} (or the end). */
    void skipUntil(String stops) {
        while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0 && !isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Reads between {@code min} and {@code max} (at most 18) decimal digits. */
    long digits(int min, int max, String what) {
        int start = pos;
        long value = 0;
        while (pos - start < max && isDigit(peek())) {
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        int count = pos - start;
        if (count < min || isDigit(peek())) {
            pos = start;
            throw error(what + " must have " + (min == max ? min : min + " to " + max) + " digit(s)");
        }
        return value;
    }

    /** Reads exactly two digits in {@code [0, max]}; more digits may follow (as in {@code +0530}). */
    int twoDigits(int max, String what) {
        int start = pos;
        if (!isDigit(peek()) || pos + 1 >= text.length() || !isDigit(text.charAt(pos + 1))) {
            throw error(what + " must have 2 digits");
        }
        int value = (text.charAt(pos) - '0') * 10 + (text.charAt(pos + 1) - '0');
        pos += 2;
        if (value > max) {
            throw errorAt(start, what + " " + value + " is out of range 00-" + max);
        }
        return value;
    }

    String describeNext() {
        if (pos >= text.length()) {
            return "end of text";
        }
        return "'" + new String(Character.toChars(text.codePointAt(pos))) + "'";
    }

    ValueFormatException error(String detail) {
        return errorAt(pos, detail);
    }

    ValueFormatException errorAt(int at, String detail) {
        return new ValueFormatException(typeName, at, detail);
    }
}
