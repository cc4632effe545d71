package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON model for the JSON functions: objects are insertion-ordered {@link Map}s, arrays
 * {@link List}s, strings {@link String}s, numbers {@link JsonNumber} (the text as written, so
 * {@code 1.0} stays {@code 1.0}), booleans {@link Boolean}, and JSON null {@link #NULL} (Java null is
 * SQL NULL). Output is compact ({@code {"a":1,"b":[1,2]}}).
 */
public final class JsonText {

    /** JSON's {@code null}, as opposed to SQL NULL. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Nesting deeper than this is refused rather than risking the stack. */
    private static final int MAX_DEPTH = 512;

    /** A JSON number, kept as written. */
    public record JsonNumber(String text) {
    }

    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    /** @throws FunctionError 22P02 when {@code text} is not JSON */
    public static Object parse(String text) {
        JsonText p = new JsonText(text);
        p.skipBlanks();
        Object value = p.value(0);
        p.skipBlanks();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the JSON value");
        }
        return value;
    }

    public static String write(Object node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, -1, 0);
        return sb.toString();
    }

    /** Indented with four spaces, one member per line. */
    public static String pretty(Object node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, 4, 0);
        return sb.toString();
    }

    /** {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null}. */
    public static String typeOf(Object node) {
        if (node instanceof Map) {
            return "object";
        }
        if (node instanceof List) {
            return "array";
        }
        if (node instanceof String) {
            return "string";
        }
        if (node instanceof JsonNumber) {
            return "number";
        }
        return node instanceof Boolean ? "boolean" : "null";
    }

    private FunctionError error(String reason) {
        return new FunctionError("22P02", SqlErrors.REJECTED,
                "invalid input syntax for type json: " + reason + " at character " + (pos + 1));
    }

    private void skipBlanks() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        pos++;
        skipBlanks();
        if (accept('}')) {
            return members;
        }
        do {
            skipBlanks();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("object key expected");
            }
            String key = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            members.put(key, value(depth + 1));
            skipBlanks();
        } while (accept(','));
        expect('}');
        return members;
    }

    private List<Object> array(int depth) {
        List<Object> items = new ArrayList<>();
        pos++;
        skipBlanks();
        if (accept(']')) {
            return items;
        }
        do {
            skipBlanks();
            items.add(value(depth + 1));
            skipBlanks();
        } while (accept(','));
        expect(']');
        return items;
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private JsonNumber number() {
        int start = pos;
        accept('-');
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits || text.charAt(digits) == '0' && pos - digits > 1) {
            throw error("invalid number");
        }
        if (accept('.')) {
            requireDigits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (!accept('+')) {
                accept('-');
            }
            requireDigits();
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private void requireDigits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("invalid number");
        }
    }

    /** {@code indent < 0}: compact. */
    private static void write(StringBuilder sb, Object node, int indent, int level) {
        if (node instanceof Map<?, ?> map) {
            writeContainer(sb, '{', '}', map.entrySet(), indent, level, (e, out) -> {
                quote(out, (String) e.getKey());
                out.append(indent < 0 ? ":" : ": ");
                write(out, e.getValue(), indent, level + 1);
            });
        } else if (node instanceof List<?> list) {
            writeContainer(sb, '[', ']', list, indent, level, (item, out) -> write(out, item, indent, level + 1));
        } else if (node instanceof String s) {
            quote(sb, s);
        } else if (node instanceof JsonNumber n) {
            sb.append(n.text());
        } else {
            sb.append(node == null ? "null" : node.toString());
        }
    }

    private interface MemberWriter<T> {
        void write(T member, StringBuilder out);
    }

    private static <T> void writeContainer(StringBuilder sb, char open, char close, Iterable<T> members, int indent,
                                           int level, MemberWriter<T> writer) {
        sb.append(open);
        boolean first = true;
        for (T member : members) {
            sb.append(first ? "" : ",");
            newline(sb, indent, level + 1);
            writer.write(member, sb);
            first = false;
        }
        if (!first) {
            newline(sb, indent, level);
        }
        sb.append(close);
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
