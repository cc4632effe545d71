package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL/JSON path subset the JSON functions accept, in lax mode: {@code $}, {@code .key},
 * {@code ."quoted key"}, {@code .*}, {@code [n]}, {@code [last]}, {@code [last - n]} and {@code [*]}.
 * Filters, methods and strict mode are refused (0A000) rather than half-evaluated.
 */
final class JsonPath {

    /** One navigation step. */
    sealed interface Step permits Member, AnyMember, Element, AnyElement {
    }

    /** {@code .name} */
    record Member(String name) implements Step {
    }

    /** {@code .*} */
    record AnyMember() implements Step {
    }

    /** {@code [n]}, or counted from the end for {@code [last - n]}. */
    record Element(int index, boolean fromEnd) implements Step {
    }

    /** {@code [*]} */
    record AnyElement() implements Step {
    }

    private final List<Step> steps;

    private JsonPath(List<Step> steps) {
        this.steps = steps;
    }

    List<Step> steps() {
        return steps;
    }

    static JsonPath parse(String text) {
        return new Reader(text).read();
    }

    /** A PostgreSQL text-array path ({@code {a,b,0}} or an array value) as member/element steps. */
    static JsonPath ofKeys(List<String> keys) {
        List<Step> steps = new ArrayList<>();
        for (String key : keys) {
            steps.add(key.matches("-?\\d+") ? new Element(Math.abs(Integer.parseInt(key)) - (key.startsWith("-") ? 1 : 0),
                    key.startsWith("-")) : new Member(key));
        }
        return new JsonPath(steps);
    }

    /** Every item the path selects, in document order (lax: arrays are unwrapped for member steps). */
    List<Object> select(Object root) {
        List<Object> current = List.of(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object item : current) {
                apply(step, item, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, Object item, List<Object> out) {
        if (step instanceof Member m) {
            if (item instanceof Map<?, ?> map) {
                if (map.containsKey(m.name())) {
                    out.add(map.get(m.name()));
                }
            } else if (item instanceof List<?> list) {
                for (Object element : list) {
                    apply(step, element, out);
                }
            }
        } else if (step instanceof AnyMember) {
            if (item instanceof Map<?, ?> map) {
                out.addAll(map.values());
            }
        } else if (step instanceof Element e) {
            if (item instanceof List<?> list) {
                int i = e.fromEnd() ? list.size() - 1 - e.index() : e.index();
                if (i >= 0 && i < list.size()) {
                    out.add(list.get(i));
                }
            } else if (e.index() == 0 && !e.fromEnd()) {
                out.add(item);
            }
        } else if (item instanceof List<?> list) {
            out.addAll(list);
        } else {
            out.add(item);
        }
    }

    /** Reads path text with position-aware errors. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text.strip();
        }

        JsonPath read() {
            if (word("strict")) {
                throw new FunctionError(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED,
                        "strict SQL/JSON path mode is not supported");
            }
            word("lax");
            blanks();
            expect('$');
            List<Step> steps = new ArrayList<>();
            while (blanks() && pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    steps.add(member());
                } else if (c == '[') {
                    pos++;
                    steps.add(element());
                } else if (c == '?' || c == '(') {
                    throw new FunctionError(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED,
                            "SQL/JSON path filters are not supported");
                } else {
                    throw error();
                }
            }
            return new JsonPath(steps);
        }

        private boolean word(String w) {
            blanks();
            if (text.regionMatches(true, pos, w, 0, w.length()) && pos + w.length() < text.length()
                    && Character.isWhitespace(text.charAt(pos + w.length()))) {
                pos += w.length();
                return true;
            }
            return false;
        }

        private boolean blanks() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            return true;
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error();
            }
            pos++;
        }

        private Step member() {
            if (pos < text.length() && text.charAt(pos) == '*') {
                pos++;
                return new AnyMember();
            }
            if (pos < text.length() && text.charAt(pos) == '"') {
                int close = text.indexOf('"', pos + 1);
                if (close < 0) {
                    throw error();
                }
                String name = text.substring(pos + 1, close);
                pos = close + 1;
                return new Member(name);
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            if (pos == start) {
                throw error();
            }
            return new Member(text.substring(start, pos));
        }

        private Step element() {
            blanks();
            Step step;
            if (pos < text.length() && text.charAt(pos) == '*') {
                pos++;
                step = new AnyElement();
            } else if (text.startsWith("last", pos)) {
                pos += 4;
                blanks();
                int back = 0;
                if (pos < text.length() && text.charAt(pos) == '-') {
                    pos++;
                    blanks();
                    back = number();
                }
                step = new Element(back, true);
            } else {
                step = new Element(number(), false);
            }
            blanks();
            expect(']');
            return step;
        }

        private int number() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error();
            }
            return Integer.parseInt(text.substring(start, pos));
        }

        private FunctionError error() {
            return new FunctionError(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED,
                    "syntax error in SQL/JSON path \"" + text + "\" at character " + (pos + 1));
        }
    }
}
