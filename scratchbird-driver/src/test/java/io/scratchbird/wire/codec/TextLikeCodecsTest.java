package io.scratchbird.wire.codec;

import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.wire.ValueFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact forms and rejections of the character types, bytea, uuid, json and jsonb. */
class TextLikeCodecsTest {

    private static final List<ValueCodec<String>> CHARACTER_TYPES =
            List.of(Codecs.TEXT, Codecs.VARCHAR, Codecs.BPCHAR, Codecs.CHAR, Codecs.XML);

    @Test
    void characterTypesAreUtf8LengthPrefixed() {
        for (ValueCodec<String> codec : CHARACTER_TYPES) {
            assertArrayEquals(hex("05000000 68656c6c6f"), codec.encodeBinary("hello"), codec.typeName());
            assertArrayEquals(hex("04000000 f09d849e"), codec.encodeBinary("𝄞"), codec.typeName());
            assertArrayEquals(hex("00000000"), codec.encodeBinary(""), codec.typeName());
            assertEquals("a b", codec.decodeText("a b"));
        }
    }

    @Test
    void characterTypesRejectMalformedUtf8AndLyingPrefixes() {
        for (ValueCodec<String> codec : CHARACTER_TYPES) {
            assertEquals(5, assertRejectsBinary(codec, hex("02000000 41ff")).offset());
            assertRejectsBinary(codec, hex("03000000 41c3"));          // truncated sequence
            assertRejectsBinary(codec, hex("02000000 c0af"));          // overlong '/'
            assertRejectsBinary(codec, hex("03000000 eda080"));        // encoded surrogate
            assertRejectsBinary(codec, hex("06000000 68656c6c6f"));    // prefix larger than the slice
            assertRejectsBinary(codec, hex("04000000 68656c6c6f"));    // prefix smaller than the slice
            assertRejectsBinary(codec, hex("ffffffff 41"));            // huge declared length
            assertRejectsBinary(codec, hex("0500"));                   // no room for a prefix
            assertRejectsBinary(codec, new byte[0]);
            assertEquals(1, assertThrows(ValueFormatException.class, () -> codec.decodeText(hex("41ff42"), 0, 3)).offset());
            assertEquals(5, assertThrows(ValueFormatException.class, () -> codec.encodeBinary("lone \uD800 surrogate")).offset());
            assertThrows(ValueFormatException.class, () -> codec.encode(ValueCodec.FORMAT_TEXT, "\uDC00"));
        }
    }

    @Test
    void byteaTextIsLowerCaseHexAndBinaryIsRaw() {
        byte[] bytes = {0, 1, (byte) 0xAB, (byte) 0xFF, '\\'};
        assertEquals("\\x0001abff5c", Codecs.BYTEA.encodeText(bytes));
        assertArrayEquals(hex("05000000 0001abff5c"), Codecs.BYTEA.encodeBinary(bytes));
        assertArrayEquals(bytes, Codecs.BYTEA.decodeText("\\x0001ABFF5c"));
        assertArrayEquals(bytes, Codecs.BYTEA.decodeText("0x0001abff5c"));
        assertArrayEquals(new byte[0], Codecs.BYTEA.decodeText("\\x"));
        assertArrayEquals(new byte[0], Codecs.BYTEA.decodeText(""));
    }

    @Test
    void byteaReadsPostgresEscapeFormat() {
        assertArrayEquals(new byte[] {'a', '\\', 'b'}, Codecs.BYTEA.decodeText("a\\\\b"));
        assertArrayEquals(new byte[] {0, (byte) 0377, 'z'}, Codecs.BYTEA.decodeText("\\000\\377z"));
        assertArrayEquals(hex("c3a9"), Codecs.BYTEA.decodeText("é"));
    }

    @Test
    void byteaRejectsBadHexAndEscapes() {
        assertRejectsText(Codecs.BYTEA, "\\x123");
        assertEquals(3, assertRejectsText(Codecs.BYTEA, "\\x0g").offset());
        assertRejectsText(Codecs.BYTEA, "0xzz");
        assertRejectsText(Codecs.BYTEA, "ab\\");
        assertRejectsText(Codecs.BYTEA, "\\400");
        assertRejectsText(Codecs.BYTEA, "\\12");
        assertRejectsText(Codecs.BYTEA, "\\q");
        assertRejectsBinary(Codecs.BYTEA, hex("03000000 0102"));
        assertRejectsBinary(Codecs.BYTEA, hex("ffffff7f 00"));
    }

    @Test
    void byteaDecodesFreshArrays() {
        byte[] wire = hex("02000000 0102");
        byte[] first = Codecs.BYTEA.decodeBinary(wire);
        first[0] = 99;
        assertArrayEquals(new byte[] {1, 2}, Codecs.BYTEA.decodeBinary(wire));
    }

    @Test
    void uuidIsBigEndianAndLowerCase() {
        UUID id = UUID.fromString("0190F3C2-5A1B-7C3D-8E4F-A1B2C3D4E5F6");
        assertArrayEquals(hex("0190f3c25a1b7c3d8e4fa1b2c3d4e5f6"), Codecs.UUID.encodeBinary(id));
        assertEquals("0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5f6", Codecs.UUID.encodeText(id));
        assertEquals(id, Codecs.UUID.decodeText("0190F3C25A1B7C3D8E4FA1B2C3D4E5F6"));
        assertEquals(id, Codecs.UUID.decodeText("0190f3c2-5a1b7c3d-8e4f-a1b2c3d4e5f6"));
    }

    @Test
    void uuidRejectsWrongDigitCountsAndLengths() {
        assertRejectsText(Codecs.UUID, "0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5f");
        assertRejectsText(Codecs.UUID, "0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5f60");
        assertEquals(35, assertRejectsText(Codecs.UUID, "0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5fg").offset());
        assertRejectsText(Codecs.UUID, "");
        assertRejectsText(Codecs.UUID, "{0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5f6}");
        assertRejectsBinary(Codecs.UUID, new byte[15]);
        assertRejectsBinary(Codecs.UUID, new byte[17]);
    }

    @Test
    void jsonIsVerbatimTextLengthPrefixed() {
        String text = " {\"k\" : [1, 2.50, \"é\"]} ";
        assertEquals(text, Codecs.JSON.decodeText(text).text());
        assertEquals(text, Codecs.JSONB.encodeText(Jsonb.of(text)));
        assertArrayEquals(hex("0b000000 7b226b223a5b312c325d7d"), Codecs.JSONB.encodeBinary(Jsonb.of("{\"k\":[1,2]}")));
        assertArrayEquals(Codecs.JSON.encodeBinary(Json.of("[]")), Codecs.JSONB.encodeBinary(Jsonb.of("[]")));
        assertNotEquals(Codecs.JSON.decodeText("1"), Codecs.JSONB.decodeText("1"));
    }

    @Test
    void jsonRejectsBadSyntaxWithOffsets() {
        for (ValueCodec<?> codec : List.of(Codecs.JSON, Codecs.JSONB)) {
            for (String bad : new String[] {"", " ", "{", "}", "[1,]", "{\"a\"}", "{\"a\":1,}", "{a:1}", "'x'", "01",
                    "1.", ".5", "-", "1e", "+1", "tru", "nul", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"a\nb\"", "\"open",
                    "NaN", "Infinity", "[1]]", "{} {}", "\"\\uZZZZ\""}) {
                assertRejectsText(codec, bad);
            }
            assertEquals(4, assertRejectsText(codec, "[1, }").offset());
            // In the binary form the offset counts UTF-8 bytes: "é" is two bytes.
            assertEquals(8, assertRejectsBinary(codec, hex("05000000 22c3a92278")).offset());
        }
    }

    @Test
    void jsonNestingIsBounded() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertEquals(deep, Codecs.JSONB.decodeText(deep).text());
        var e = assertRejectsText(Codecs.JSONB, "[".repeat(1001) + "]".repeat(1001));
        assertTrue(e.getMessage().contains("nesting"), e.getMessage());
        assertRejectsText(Codecs.JSON, "{\"a\":".repeat(200_000));
        assertRejectsText(Codecs.JSON, "[".repeat(1_000_000));
    }
}
