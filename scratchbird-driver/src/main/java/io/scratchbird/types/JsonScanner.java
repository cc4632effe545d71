package io.scratchbird.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A validating scanner for RFC 8259 JSON text: any value at top level, strings with the standard
 * escapes and no raw control characters, numbers in JSON's (not JavaScript's) grammar. It builds
 * nothing and is iterative, with an explicit container stack bounded at {@value #MAX_DEPTH}, so
 * hostile input can neither overflow the call stack nor allocate more than the text itself.
 */
final class JsonScanner {

    static final int MAX_DEPTH = 1000;

    private final String s;
    private int pos;
    /** One entry per open container: true for an object, false for an array. */
    private boolean[] inObject = new boolean[16];
    private int depth;

    private JsonScanner(String s) {
        this.s = s;
    }

    /** @throws JsonSyntaxException at the first character that breaks the grammar */
    static void check(String text) {
        new JsonScanner(text).document();
    }

    private void document() {
        skipWhitespace();
        boolean valueExpected = true;
        while (true) {
            if (valueExpected) {
                char c = required("a JSON value");
                if (c == '{' || c == '[') {
                    open(c == '{');
                    if (accept(c == '{' ? '}' : ']')) {
                        depth--;
                        valueExpected = false;
                    } else if (c == '{') {
                        memberName();
                    }
                    continue;
                }
                scalar(c);
                valueExpected = false;
            }
            skipWhitespace();
            if (depth == 0) {
                break;
            }
            boolean object = inObject[depth - 1];
            char close = object ? '}' : ']';
            if (accept(',')) {
                skipWhitespace();
                if (object) {
                    memberName();
                }
                valueExpected = true;
            } else if (accept(close)) {
                depth--;
            } else {
                throw error("expected ',' or '" + close + "' but found " + describe());
            }
        }
        if (pos != s.length()) {
            throw error("unexpected " + describe() + " after the JSON value");
        }
    }

    private void open(boolean object) {
        if (depth == MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == inObject.length) {
            inObject = Arrays.copyOf(inObject, Math.min(MAX_DEPTH, depth * 2));
        }
        inObject[depth++] = object;
        pos++;
        skipWhitespace();
    }

    /** A member's {@code "name" :}, leaving the position at its value. */
    private void memberName() {
        if (required("a member name") != '"') {
            throw error("expected a member name in double quotes but found " + describe());
        }
        string();
        skipWhitespace();
        if (!accept(':')) {
            throw error("expected ':' after a member name but found " + describe());
        }
        skipWhitespace();
    }

    private void scalar(char c) {
        if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (!literal("true") && !literal("false") && !literal("null")) {
            throw error("unexpected " + describe() + " where a JSON value should start");
        }
    }

    private boolean literal(String word) {
        if (s.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void string() {
        int start = pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " must be escaped in a string");
            } else {
                pos++;
            }
        }
        throw new JsonSyntaxException(start, "unterminated string");
    }

    private void escape() {
        char e = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
        if ("\"\\/bfnrt".indexOf(e) >= 0) {
            pos += 2;
            return;
        }
        if (e != 'u') {
            throw error("invalid escape sequence in a string");
        }
        for (int i = pos + 2; i < pos + 6; i++) {
            if (i >= s.length() || !HexFormat.isHexDigit(s.charAt(i))) {
                throw error("\\u must be followed by four hexadecimal digits");
            }
        }
        pos += 6;
    }

    private void number() {
        accept('-');
        if (!accept('0')) {
            if (digits() == 0) {
                throw error("expected a digit but found " + describe());
            }
        }
        if (accept('.') && digits() == 0) {
            throw error("expected a digit after the decimal point but found " + describe());
        }
        if (accept('e') || accept('E')) {
            if (!accept('+')) {
                accept('-');
            }
            if (digits() == 0) {
                throw error("expected a digit in the exponent but found " + describe());
            }
        }
    }

    private int digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean accept(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char required(String what) {
        if (pos >= s.length()) {
            throw error("unexpected end of text; expected " + what);
        }
        return s.charAt(pos);
    }

    private String describe() {
        return pos < s.length() ? "'" + s.charAt(pos) + "'" : "end of text";
    }

    private JsonSyntaxException error(String reason) {
        return new JsonSyntaxException(pos, reason);
    }
}
