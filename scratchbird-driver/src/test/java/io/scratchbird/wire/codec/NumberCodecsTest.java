package io.scratchbird.wire.codec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact forms and rejections of bool, int2/int4/int8, float4/float8 and numeric. */
class NumberCodecsTest {

    @Test
    void boolForms() {
        assertArrayEquals(hex("01"), Codecs.BOOL.encodeBinary(true));
        assertArrayEquals(hex("00"), Codecs.BOOL.encodeBinary(false));
        assertEquals("true", Codecs.BOOL.encodeText(true));
        assertEquals("false", Codecs.BOOL.encodeText(false));
        for (String t : new String[] {"t", "TRUE", "True", "y", "yes", "ON", "1"}) {
            assertEquals(true, Codecs.BOOL.decodeText(t), t);
        }
        for (String f : new String[] {"f", "FALSE", "n", "No", "off", "0"}) {
            assertEquals(false, Codecs.BOOL.decodeText(f), f);
        }
    }

    @Test
    void boolRejectsAnythingElse() {
        for (String bad : new String[] {"", "2", "tru", "yess", " true", "o", "null"}) {
            assertRejectsText(Codecs.BOOL, bad);
        }
        assertRejectsBinary(Codecs.BOOL, hex("02"));
        assertRejectsBinary(Codecs.BOOL, hex("ff"));
        assertRejectsBinary(Codecs.BOOL, new byte[0]);
        assertRejectsBinary(Codecs.BOOL, hex("0100"));
    }

    @Test
    void integersAreLittleEndianOfTheirWidth() {
        assertArrayEquals(hex("07000000"), Codecs.INT4.encodeBinary(7));
        assertArrayEquals(hex("ffffffff"), Codecs.INT4.encodeBinary(-1));
        assertArrayEquals(hex("0080"), Codecs.INT2.encodeBinary(Short.MIN_VALUE));
        assertArrayEquals(hex("0100000000002000"), Codecs.INT8.encodeBinary(9_007_199_254_740_993L));
        assertEquals(Integer.MIN_VALUE, Codecs.INT4.decodeBinary(hex("00000080")));
        assertEquals((short) -2, Codecs.INT2.decodeBinary(hex("feff")));
        assertEquals(Long.MIN_VALUE, Codecs.INT8.decodeText("-9223372036854775808"));
        assertEquals(42, Codecs.INT4.decodeText("+42"));
        assertEquals(5, Codecs.INT4.decodeText("0005"));
    }

    @Test
    void integersRejectWrongLengthsGarbageAndOutOfRange() {
        assertRejectsBinary(Codecs.INT4, hex("070000"));
        assertRejectsBinary(Codecs.INT4, hex("0700000000"));
        assertRejectsBinary(Codecs.INT2, hex("07000000"));
        assertRejectsBinary(Codecs.INT8, hex("07000000"));
        for (String bad : new String[] {"", "-", "+", "1.0", "1e3", " 1", "1 ", "0x10", "１", "--1", "12a"}) {
            assertRejectsText(Codecs.INT4, bad);
        }
        var e = assertRejectsText(Codecs.INT2, "32768");
        assertTrue(e.getMessage().contains("[-32768, 32767]"), e.getMessage());
        assertRejectsText(Codecs.INT2, "-32769");
        assertRejectsText(Codecs.INT4, "2147483648");
        assertRejectsText(Codecs.INT8, "9223372036854775808");
        assertRejectsText(Codecs.INT8, "-9223372036854775809");
        assertRejectsText(Codecs.INT8, "99999999999999999999999999999999999");
    }

    @Test
    void floatsUseIeeeBitsAndJavaShortestText() {
        assertArrayEquals(hex("0000803f"), Codecs.FLOAT4.encodeBinary(1f));
        assertArrayEquals(hex("000000000000f03f"), Codecs.FLOAT8.encodeBinary(1d));
        assertArrayEquals(hex("00000080"), Codecs.FLOAT4.encodeBinary(-0f));
        assertEquals("1.0E-5", Codecs.FLOAT4.encodeText(1e-5f));
        assertEquals("NaN", Codecs.FLOAT8.encodeText(Double.NaN));
        assertEquals("-Infinity", Codecs.FLOAT4.encodeText(Float.NEGATIVE_INFINITY));
        assertEquals("0.1", Codecs.FLOAT8.encodeText(0.1));
    }

    @Test
    void floatTextAcceptsExponentsAndInfinitySpellings() {
        assertEquals(1e-5f, Codecs.FLOAT4.decodeText("1e-05"));
        assertEquals(1500d, Codecs.FLOAT8.decodeText("1.5E3"));
        assertEquals(0.5d, Codecs.FLOAT8.decodeText(".5"));
        assertEquals(-2d, Codecs.FLOAT8.decodeText("-2."));
        for (String inf : new String[] {"inf", "Infinity", "+Infinity", "INF", "+inf"}) {
            assertEquals(Double.POSITIVE_INFINITY, Codecs.FLOAT8.decodeText(inf), inf);
            assertEquals(Float.POSITIVE_INFINITY, Codecs.FLOAT4.decodeText(inf), inf);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Codecs.FLOAT8.decodeText("-inf"));
        assertEquals(Float.NEGATIVE_INFINITY, Codecs.FLOAT4.decodeText("-INFINITY"));
        assertTrue(Codecs.FLOAT4.decodeText("nan").isNaN());
        assertEquals(Float.MIN_VALUE, Codecs.FLOAT4.decodeText("1.4E-45"));
    }

    @Test
    void floatsRejectGarbageAndOutOfRangeText() {
        for (String bad : new String[] {"", "abc", "1.0f", "1d", "0x1p3", " 1", "1 ", "1e", "1e+", ".", "-", "--1", "NaN1", "infinit", "1,5"}) {
            assertRejectsText(Codecs.FLOAT8, bad);
            assertRejectsText(Codecs.FLOAT4, bad);
        }
        assertRejectsText(Codecs.FLOAT4, "1e39");
        assertRejectsText(Codecs.FLOAT4, "1e-50");
        assertRejectsText(Codecs.FLOAT8, "1e309");
        assertRejectsText(Codecs.FLOAT8, "-1e-400");
        assertEquals(0f, Codecs.FLOAT4.decodeText("0e-999"));
        assertRejectsBinary(Codecs.FLOAT4, hex("000080"));
        assertRejectsBinary(Codecs.FLOAT8, hex("0000803f"));
    }

    @Test
    void numericIsPlainTextLengthPrefixed() {
        assertArrayEquals(hex("04000000 312e3530"), Codecs.NUMERIC.encodeBinary(new BigDecimal("1.50")));
        assertEquals("1000", Codecs.NUMERIC.encodeText(new BigDecimal("1E+3")));
        assertEquals("0.000001", Codecs.NUMERIC.encodeText(new BigDecimal("1E-6")));
        BigDecimal d = Codecs.NUMERIC.decodeText("1.5e-3");
        assertEquals(new BigDecimal("0.0015"), d);
        assertEquals(4, d.scale());
        assertEquals(new BigDecimal("12"), Codecs.NUMERIC.decodeText("+12"));
    }

    @Test
    void numericNegativeScaleKeepsTheValueButNotTheScale() {
        BigDecimal thousand = new BigDecimal("1E+3");
        BigDecimal back = Codecs.NUMERIC.decodeBinary(Codecs.NUMERIC.encodeBinary(thousand));
        assertEquals(0, thousand.compareTo(back));
        assertEquals(0, back.scale());
        BigDecimal huge = new BigDecimal("1E+131072");
        assertEquals(0, huge.compareTo(Codecs.NUMERIC.decodeText(Codecs.NUMERIC.encodeText(huge))));
    }

    @Test
    void numericRejectsNaNGarbageAndHostileScales() {
        for (String bad : new String[] {"NaN", "Infinity", "-inf", "", "abc", "1.2.3", "1e", "1_000", " 1", "0x10", "1e5 "}) {
            assertRejectsText(Codecs.NUMERIC, bad);
        }
        assertRejectsText(Codecs.NUMERIC, "1e-999999999");
        assertRejectsText(Codecs.NUMERIC, "1e999999999999999999999");
        assertRejectsText(Codecs.NUMERIC, "1e131073");
        assertRejectsText(Codecs.NUMERIC, "0." + "0".repeat(16_383) + "1");
        assertRejectsText(Codecs.NUMERIC, "9".repeat(NumericCodec.MAX_TEXT_LENGTH + 1));
        CodecAssertions.assertRejectsEncoding(Codecs.NUMERIC, new BigDecimal("1E+999999999"));
        CodecAssertions.assertRejectsEncoding(Codecs.NUMERIC, new BigDecimal("1E-16384"));
        assertRejectsBinary(Codecs.NUMERIC, hex("05000000 312e3530"));
        assertRejectsBinary(Codecs.NUMERIC, hex("ffffffff 31"));
        // Offsets in the binary form count bytes of the value, prefix included.
        assertEquals(7, assertRejectsBinary(Codecs.NUMERIC, hex("04000000 312e3578")).offset());
        assertEquals(5, assertRejectsBinary(Codecs.NUMERIC, hex("04000000 3278c3a9")).offset());
    }
}
