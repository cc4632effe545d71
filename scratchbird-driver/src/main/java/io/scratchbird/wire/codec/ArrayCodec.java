package io.scratchbird.wire.codec;

import io.scratchbird.types.LiteralQuoting;
import io.scratchbird.wire.ValueFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The array types ({@code int4[]}, {@code text[]}, ...), one instance per array OID,
 * parameterised by the element codec. Values are {@link List}s: one-dimensional arrays are lists
 * of elements, multi-dimensional arrays lists of lists; SQL NULL elements are {@code null}.
 * Decoded lists are unmodifiable. Encoding also accepts {@code Object[]} (nested for several
 * dimensions); arrays must be rectangular, with at most {@value #MAX_DIMENSIONS} dimensions (as in
 * PostgreSQL), and no empty sub-arrays.
 *
 * <p>Text: the PostgreSQL literal {@code {1,2,NULL}}, {@code {{1,2},{3,4}}}, {@code {}}; elements
 * are written in the element's text form, double-quoted (with {@code \"} and {@code \\}) when
 * empty, equal to {@code NULL} in any case, or containing {@code {},"\} or whitespace. Reading
 * honours quotes and backslash escapes ({@link LiteralItem}), ignores blanks around elements and
 * rejects ragged or malformed literals. Binary: the same literal, length-prefixed (spec 10.1).
 */
public final class ArrayCodec extends TextBackedCodec<List<?>> {

    public static final int MAX_DIMENSIONS = 6;

    private final ValueCodec<?> element;

    @SuppressWarnings("unchecked")
    ArrayCodec(int oid, ValueCodec<?> element) {
        super(oid, element.typeName() + "[]", (Class<List<?>>) (Class<?>) List.class);
        this.element = element;
    }

    /** The codec of the elements. */
    public ValueCodec<?> elementCodec() {
        return element;
    }

    /** Encodes a Java array (nested arrays for several dimensions) in the binary form. */
    public byte[] encodeBinary(Object[] values) {
        return encodeBinary(values == null ? null : Arrays.asList(values));
    }

    /** Encodes a Java array (nested arrays for several dimensions) in the text form. */
    public String encodeText(Object[] values) {
        return encodeText(values == null ? null : Arrays.asList(values));
    }

    // ---- writing ----

    @Override
    String encodeTextValue(List<?> value) {
        int[] dimensions = dimensions(value);
        StringBuilder sb = new StringBuilder(16 + value.size() * 8);
        appendArray(sb, value, dimensions, new int[dimensions.length], 0);
        return sb.toString();
    }

    /** The dimension lengths, taken from the first element at each level. */
    private int[] dimensions(List<?> value) {
        int[] dims = new int[MAX_DIMENSIONS];
        int rank = 0;
        for (List<?> level = value; level != null; level = level.isEmpty() ? null : asList(level.get(0))) {
            if (rank == MAX_DIMENSIONS) {
                throw reject(0, "more than " + MAX_DIMENSIONS + " dimensions");
            }
            if (level.isEmpty() && rank > 0) {
                throw reject(0, "empty sub-array at depth " + rank + " (only the whole array may be empty)");
            }
            dims[rank++] = level.size();
        }
        return Arrays.copyOf(dims, rank);
    }

    private void appendArray(StringBuilder sb, List<?> list, int[] dims, int[] path, int level) {
        if (list.size() != dims[level]) {
            throw reject(0, "array is not rectangular: the sub-array at " + describe(path, level) + " has "
                    + list.size() + " elements, its first sibling " + dims[level]);
        }
        sb.append('{');
        for (int i = 0; i < list.size(); i++) {
            path[level] = i;
            sb.append(i == 0 ? "" : ",");
            Object item = list.get(i);
            List<?> sub = asList(item);
            boolean subExpected = level + 1 < dims.length;
            if (subExpected != (sub != null)) {
                throw reject(0, "at " + describe(path, level + 1) + " expected " + (subExpected ? "a sub-array" : "an element")
                        + " but found " + (item == null ? "NULL" : item.getClass().getSimpleName()));
            }
            if (sub != null) {
                appendArray(sb, sub, dims, path, level + 1);
            } else if (item == null) {
                sb.append("NULL");
            } else {
                appendElement(sb, elementText(item, path, level + 1));
            }
        }
        sb.append('}');
    }

    @SuppressWarnings("unchecked")
    private String elementText(Object item, int[] path, int depth) {
        try {
            return ((ValueCodec<Object>) element).encodeText(item);
        } catch (ValueFormatException e) {
            throw Rejections.inPart(typeName(), 0, "element " + describe(path, depth), e);
        }
    }

    private static void appendElement(StringBuilder sb, String text) {
        if (text.equalsIgnoreCase("NULL")) {
            LiteralQuoting.appendQuoted(sb, text);
        } else {
            LiteralQuoting.appendItem(sb, text, LiteralQuoting.ARRAY_SPECIALS);
        }
    }

    /** A list for a List or an Object[] (a sub-array), null for anything else (an element). */
    private static List<?> asList(Object o) {
        return o instanceof List<?> l ? l : o instanceof Object[] a ? Arrays.asList(a) : null;
    }

    private static String describe(int[] path, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('[').append(path[i]).append(']');
        }
        return depth == 0 ? "top level" : sb.toString();
    }

    // ---- reading ----

    @Override
    List<?> decodeTextValue(String text) {
        TextCursor c = new TextCursor(typeName(), text);
        c.skipSpaces();
        if (c.peek() != '{') {
            throw c.error("an array literal starts with '{' but found " + c.describeNext());
        }
        List<Object> value = new LiteralReader(c).array(0);
        c.skipSpaces();
        c.expectEnd();
        return value;
    }

    /** Reads one literal, checking that every sub-array at a level has the same length. */
    private final class LiteralReader {

        private final TextCursor c;
        private final int[] dims = new int[MAX_DIMENSIONS];
        /** Nesting level whose arrays hold elements rather than sub-arrays; -1 until known. */
        private int leafLevel = -1;

        LiteralReader(TextCursor c) {
            this.c = c;
        }

        List<Object> array(int level) {
            int open = c.position();
            if (level == MAX_DIMENSIONS) {
                throw c.error("more than " + MAX_DIMENSIONS + " dimensions");
            }
            c.expect('{');
            c.skipSpaces();
            List<Object> items = new ArrayList<>();
            if (c.accept('}')) {
                if (level > 0) {
                    throw c.errorAt(open, "empty sub-array (only the whole array may be empty)");
                }
                return Collections.unmodifiableList(items);
            }
            do {
                c.skipSpaces();
                items.add(c.peek() == '{' ? subArray(level) : element(level));
                c.skipSpaces();
            } while (c.accept(','));
            if (!c.accept('}')) {
                throw c.error("expected ',' or '}' but found " + c.describeNext());
            }
            if (dims[level] != 0 && dims[level] != items.size()) {
                throw c.errorAt(open, "array is not rectangular: this sub-array has " + items.size()
                        + " elements, the first one at its level " + dims[level]);
            }
            dims[level] = items.size();
            return Collections.unmodifiableList(items);
        }

        private List<Object> subArray(int level) {
            if (leafLevel >= 0 && level >= leafLevel) {
                throw c.error("a sub-array where an element was expected (dimensions differ)");
            }
            return array(level + 1);
        }

        private Object element(int level) {
            if (leafLevel >= 0 && level != leafLevel) {
                throw c.error("an element where a sub-array was expected (dimensions differ)");
            }
            leafLevel = level;
            LiteralItem item = LiteralItem.read(c, ",}", "{");
            if (item.isAbsent()) {
                throw c.errorAt(item.start(), "empty element (an empty string is written \"\")");
            }
            return item.isBare("NULL") ? null : item.decodeWith(element, typeName(), "element");
        }
    }
}
