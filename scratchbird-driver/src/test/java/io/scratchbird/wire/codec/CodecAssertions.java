package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Round-trip and rejection assertions shared by the codec tests. */
final class CodecAssertions {

    private static final HexFormat HEX = HexFormat.of();

    private CodecAssertions() {
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Asserts decode(encode(v)) in both forms, decoding from a slice in the middle of a larger
     * buffer so offset handling is exercised too.
     *
     * @param afterBinary what the binary form is expected to give back (timestamptz comes back in UTC)
     * @param same        equality for the type (arrays of bytes, BigDecimal scale...)
     */
    static <T> void assertRoundTrip(ValueCodec<T> codec, T value, UnaryOperator<T> afterBinary, BiPredicate<Object, Object> same) {
        byte[] binary = codec.encodeBinary(value);
        T fromBinary = codec.decodeBinary(embedded(binary), 3, binary.length);
        T expectedBinary = afterBinary.apply(value);
        if (!same.test(expectedBinary, fromBinary)) {
            fail(codec.typeName() + " binary round trip of " + show(value) + " gave " + show(fromBinary) + " via " + hex(binary));
        }
        assertArrayEquals(binary, codec.encodeBinary(fromBinary), () -> codec.typeName() + " binary re-encoding of " + show(value));

        String text = codec.encodeText(value);
        T fromText = codec.decodeText(text);
        if (!same.test(value, fromText)) {
            fail(codec.typeName() + " text round trip of " + show(value) + " gave " + show(fromText) + " via '" + text + "'");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        T fromUtf8 = codec.decodeText(embedded(utf8), 3, utf8.length);
        assertTrue(same.test(value, fromUtf8), () -> codec.typeName() + " text-from-bytes round trip of " + show(value));
        assertEquals(text, codec.encodeText(fromText), () -> codec.typeName() + " text re-encoding of " + show(value));
    }

    static <T> void assertRoundTrip(ValueCodec<T> codec, T value) {
        assertRoundTrip(codec, value, UnaryOperator.identity(), Values::same);
    }

    /** The bytes with three bytes of junk before and after. */
    private static byte[] embedded(byte[] bytes) {
        byte[] out = new byte[bytes.length + 6];
        Arrays.fill(out, (byte) 0x5A);
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    static ValueFormatException assertRejectsBinary(ValueCodec<?> codec, byte[] bytes) {
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> codec.decodeBinary(bytes),
                () -> codec.typeName() + " accepted binary " + hex(bytes));
        assertWellFormed(codec, e, bytes.length);
        return e;
    }

    static ValueFormatException assertRejectsText(ValueCodec<?> codec, String text) {
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> codec.decodeText(text),
                () -> codec.typeName() + " accepted text '" + abbreviate(text) + "'");
        assertWellFormed(codec, e, text.length());
        return e;
    }

    static <T> ValueFormatException assertRejectsEncoding(ValueCodec<T> codec, T value) {
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> codec.encodeText(value),
                () -> codec.typeName() + " encoded " + show(value) + " as text");
        assertWellFormed(codec, e, Long.MAX_VALUE);
        ValueFormatException binary = assertThrows(ValueFormatException.class, () -> codec.encodeBinary(value),
                () -> codec.typeName() + " encoded " + show(value) + " as binary");
        assertWellFormed(codec, binary, Long.MAX_VALUE);
        return e;
    }

    /** For values the text form can carry but the binary form cannot (dates beyond the i32/i64 range). */
    static <T> ValueFormatException assertRejectsBinaryEncoding(ValueCodec<T> codec, T value) {
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> codec.encodeBinary(value),
                () -> codec.typeName() + " encoded " + show(value) + " as binary");
        assertWellFormed(codec, e, Long.MAX_VALUE);
        return e;
    }

    /** The rejection names the codec's type and an offset inside (or just past) the input. */
    static void assertWellFormed(ValueCodec<?> codec, ValueFormatException e, long inputLength) {
        assertEquals(codec.typeName(), e.typeName(), () -> "wrong type name in: " + e.getMessage());
        assertTrue(e.offset() >= 0 && e.offset() <= inputLength,
                () -> "offset " + e.offset() + " outside [0, " + inputLength + "] in: " + e.getMessage());
        assertTrue(e.getMessage().contains(codec.typeName()), e::getMessage);
    }

    static String show(Object value) {
        if (value instanceof byte[] b) {
            return "bytes " + hex(b);
        }
        if (value instanceof List<?> l) {
            return l.stream().map(CodecAssertions::show).toList().toString();
        }
        return abbreviate(String.valueOf(value));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }
}
