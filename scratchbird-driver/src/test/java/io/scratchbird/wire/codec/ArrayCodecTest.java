package io.scratchbird.wire.codec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact forms and rejections of the array types. */
class ArrayCodecTest {

    @Test
    void namesAndElementCodecs() {
        assertEquals("int4[]", Codecs.INT4_ARRAY.typeName());
        assertEquals(TypeOids.INT4_ARRAY, Codecs.INT4_ARRAY.oid());
        assertEquals(Codecs.INT4, Codecs.INT4_ARRAY.elementCodec());
        assertEquals("timestamptz[]", Codecs.TIMESTAMPTZ_ARRAY.typeName());
    }

    @Test
    void textLiterals() {
        assertEquals("{1,2,NULL}", Codecs.INT4_ARRAY.encodeText(Arrays.asList(1, 2, null)));
        assertEquals("{{1,2},{3,4}}", Codecs.INT4_ARRAY.encodeText(List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals("{}", Codecs.TEXT_ARRAY.encodeText(List.of()));
        assertEquals("{true,false}", Codecs.BOOL_ARRAY.encodeText(List.of(true, false)));
        assertEquals("{\"\",\"NULL\",\"null\",\"a b\",\"x,y\",\"{}\",\"q\\\"\",\"b\\\\s\",plain,é}",
                Codecs.TEXT_ARRAY.encodeText(List.of("", "NULL", "null", "a b", "x,y", "{}", "q\"", "b\\s", "plain", "é")));
        assertEquals("{\"2020-01-01 00:00:00\"}", Codecs.TIMESTAMP_ARRAY.encodeText(List.of(LocalDateTime.of(2020, 1, 1, 0, 0))));
        assertEquals("{\"\\\\x01ff\"}", Codecs.BYTEA_ARRAY.encodeText(List.of(new byte[] {1, -1})));
        assertEquals("{NaN,-Infinity,1.0E-5}", Codecs.FLOAT4_ARRAY.encodeText(List.of(Float.NaN, Float.NEGATIVE_INFINITY, 1e-5f)));
        assertEquals("{infinity,\"0044-03-15 BC\"}", Codecs.DATE_ARRAY.encodeText(List.of(LocalDate.MAX, LocalDate.of(-43, 3, 15))));
    }

    @Test
    void binaryIsTheLiteralLengthPrefixed() {
        assertArrayEquals(hex("0a000000 7b312c322c4e554c4c7d"), Codecs.INT4_ARRAY.encodeBinary(Arrays.asList(1, 2, null)));
        assertArrayEquals(hex("02000000 7b7d"), Codecs.INT8_ARRAY.encodeBinary(List.of()));
    }

    @Test
    void encodingAcceptsJavaArrays() {
        assertEquals("{{1,2},{3,NULL}}", Codecs.INT4_ARRAY.encodeText(new Integer[][] {{1, 2}, {3, null}}));
        assertEquals("{a,b}", Codecs.TEXT_ARRAY.encodeText(new Object[] {"a", "b"}));
        assertArrayEquals(Codecs.INT4_ARRAY.encodeBinary(List.of(1)), Codecs.INT4_ARRAY.encodeBinary(new Integer[] {1}));
    }

    @Test
    void decodingHonoursQuotesEscapesNullsAndBlanks() {
        assertEquals(Arrays.asList(1, null, 3), Codecs.INT4_ARRAY.decodeText("{ 1 , null ,3}"));
        assertEquals(Arrays.asList("NULL", null, "a b", "", "q\"", "x\\y", "a b", "NULL"),
                Codecs.TEXT_ARRAY.decodeText("{\"NULL\",NULL,\"a b\",\"\",\"q\\\"\",x\\\\y, a b ,N\\ULL}"));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), Codecs.INT4_ARRAY.decodeText("{{1,2},{3,4}}"));
        assertEquals(List.of(), Codecs.INT4_ARRAY.decodeText(" {} "));
        assertEquals(List.of(new BigDecimal("1.50")), Codecs.NUMERIC_ARRAY.decodeText("{1.50}"));
        assertEquals(List.of(true, false), Codecs.BOOL_ARRAY.decodeText("{t,f}"));
        // Quoted and unquoted stretches of one element join up (as in PostgreSQL); "" inside quotes is a quote.
        assertEquals(List.of("ab c", "x\"y"), Codecs.TEXT_ARRAY.decodeText("{a\"b c\",\"x\"\"y\"}"));
    }

    @Test
    void decodedListsAreUnmodifiable() {
        List<?> list = Codecs.INT4_ARRAY.decodeText("{{1,2},{3,4}}");
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) list.get(0)).clear());
        assertNull(Codecs.INT4_ARRAY.decodeText("{NULL}").get(0));
    }

    @Test
    void malformedLiteralsAreRejectedWithOffsets() {
        for (String bad : new String[] {"", "1,2", "{1,2", "{1,,2}", "{,}", "{1,}", "{{1,2},{3}}", "{{1,2},3}", "{1,{2}}",
                "{{}}", "{{1},{}}", "{\"a}", "{1}}", "{1} x", "{a}", "{1 2}", "{1{2}}", "[1:2]={1,2}",
                "{2147483648}", "{{{{{{{1}}}}}}}"}) {
            assertRejectsText(Codecs.INT4_ARRAY, bad);
        }
        assertEquals(7, assertRejectsText(Codecs.INT4_ARRAY, "{{1,2},{3}}").offset());
        var element = assertRejectsText(Codecs.INT4_ARRAY, "{1,x}");
        assertEquals(3, element.offset());
        assertTrue(element.getMessage().contains("int4"), element.getMessage());
        assertEquals(List.of(List.of(List.of(List.of(List.of(List.of(1)))))), Codecs.INT4_ARRAY.decodeText("{{{{{{1}}}}}}"));
        assertRejectsText(Codecs.INT4_ARRAY, "{".repeat(100_000));
        assertRejectsBinary(Codecs.INT4_ARRAY, hex("03000000 7b317d00"));
        assertRejectsBinary(Codecs.INT4_ARRAY, hex("ffffffff 7b7d"));
        assertEquals(5, assertRejectsBinary(Codecs.INT4_ARRAY, hex("03000000 7b787d")).offset());
    }

    @Test
    void encodingRejectsRaggedMixedTooDeepAndWrongElementTypes() {
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of(List.of(1, 2), List.of(3)));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of(List.of(1), 2));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, Arrays.asList(1, List.of(2)));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, Arrays.asList(List.of(1), null));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of(List.of()));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of("1"));
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of(1L));
        List<Object> deep = new ArrayList<>(List.of(1));
        for (int i = 0; i < 6; i++) {
            deep = new ArrayList<>(List.of(deep));
        }
        CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, deep);
        var e = CodecAssertions.assertRejectsEncoding(Codecs.INT4_ARRAY, List.of(List.of(1, 2), List.of(3, "4")));
        assertTrue(e.getMessage().contains("[1][1]"), e.getMessage());
    }
}
