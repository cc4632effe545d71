package io.scratchbird.wire.codec;

import io.scratchbird.types.Range;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact forms and rejections of the six range types. */
class RangeCodecTest {

    private static final List<ValueCodec<?>> ALL = List.of(Codecs.INT4RANGE, Codecs.INT8RANGE, Codecs.NUMRANGE,
            Codecs.DATERANGE, Codecs.TSRANGE, Codecs.TSTZRANGE);

    @Test
    void binaryFlagsPaddingAndLengthPrefixedBounds() {
        assertArrayEquals(hex("02000000 04000000 01000000 04000000 05000000"),
                Codecs.INT4RANGE.encodeBinary(Range.closedOpen(1, 5)));
        assertArrayEquals(hex("01000000"), Codecs.INT4RANGE.encodeBinary(Range.empty()));
        assertArrayEquals(hex("18000000"), Codecs.INT4RANGE.encodeBinary(Range.all()));
        assertArrayEquals(hex("0c000000 04000000 03000000"), Codecs.INT4RANGE.encodeBinary(Range.atMost(3)));
        assertArrayEquals(hex("12000000 08000000 0300000000000000"), Codecs.INT8RANGE.encodeBinary(Range.atLeast(3L)));
        assertArrayEquals(hex("06000000 07000000 03000000 312e35 05000000 01000000 32"),
                Codecs.NUMRANGE.encodeBinary(Range.closed(new BigDecimal("1.5"), new BigDecimal("2"))));
        assertArrayEquals(hex("06000000 04000000 00000000 04000000 01000000"),
                Codecs.DATERANGE.encodeBinary(Range.closed(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2))));
    }

    @Test
    void textFormsQuoteWhatNeedsQuoting() {
        assertEquals("[1,5)", Codecs.INT4RANGE.encodeText(Range.closedOpen(1, 5)));
        assertEquals("empty", Codecs.INT8RANGE.encodeText(Range.empty()));
        assertEquals("(,)", Codecs.NUMRANGE.encodeText(Range.all()));
        assertEquals("(,5]", Codecs.INT4RANGE.encodeText(Range.atMost(5)));
        assertEquals("[2020-01-01,infinity)", Codecs.DATERANGE.encodeText(Range.closedOpen(LocalDate.of(2020, 1, 1), LocalDate.MAX)));
        assertEquals("[\"2020-01-01 00:00:00\",\"2020-01-02 00:00:00\")", Codecs.TSRANGE.encodeText(
                Range.closedOpen(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 2, 0, 0))));
        assertEquals("(\"2020-01-01 00:00:00+02\",)", Codecs.TSTZRANGE.encodeText(
                Range.greaterThan(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)))));
    }

    @Test
    void textReadingIsLenientAboutQuotesCaseAndBlanks() {
        assertEquals(Range.empty(), Codecs.INT4RANGE.decodeText(" EMPTY "));
        assertEquals(Range.closedOpen(1, 5), Codecs.INT4RANGE.decodeText(" [ 1 , 5 ) "));
        assertEquals(Range.closedOpen(1, 5), Codecs.INT4RANGE.decodeText("[\"1\",\"5\")"));
        assertEquals(Range.atLeast(3), Codecs.INT4RANGE.decodeText("[3,)"));
        assertEquals(Range.atMost(5L), Codecs.INT8RANGE.decodeText("(,5]"));
        assertEquals(Range.all(), Codecs.INT8RANGE.decodeText("(,)"));
        // An unbounded side is never inclusive, whatever the bracket says.
        assertEquals(Range.atMost(5), Codecs.INT4RANGE.decodeText("[,5]"));
        assertEquals(Range.closedOpen(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 2, 0, 0)),
                Codecs.TSRANGE.decodeText("[\"2020-01-01 00:00:00\",\"2020-01-02 00:00:00\")"));
        assertEquals(Range.closed(new BigDecimal("1.50"), new BigDecimal("2")), Codecs.NUMRANGE.decodeText("[1.50,2]"));
        // Kept as given: no canonicalisation of discrete ranges.
        assertEquals(Range.closed(1, 5), Codecs.INT4RANGE.decodeText("[1,5]"));
        assertEquals(Range.closedOpen(5, 5), Codecs.INT4RANGE.decodeText("[5,5)"));
    }

    @Test
    void boundQuotingRoundTripsAnyText() {
        // A text range is not an SBWP type, but it exercises quoting with every awkward character.
        RangeCodec<String> textRange = new RangeCodec<>(0, "textrange", Codecs.TEXT);
        assertEquals("[\"\",\"a \\\"b\\\\\")", textRange.encodeText(Range.closedOpen("", "a \"b\\")));
        assertEquals(Range.closedOpen("", "a \"b\\"), textRange.decodeText("[\"\",\"a \\\"b\\\\\")"));
        assertEquals(Range.closed("say \"hi\"", "x"), textRange.decodeText("[\"say \"\"hi\"\"\",x]"));
        assertEquals(Range.closed("a b", "a b"), textRange.decodeText("[a\\ b,\"a\" b]"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            String a = Samples.randomString(random);
            String b = Samples.randomString(random);
            Range<String> range = Range.of(a.compareTo(b) <= 0 ? a : b, a.compareTo(b) <= 0 ? b : a, random.nextBoolean(), true);
            CodecAssertions.assertRoundTrip(textRange, range);
        }
    }

    @Test
    void malformedTextIsRejectedWithOffsets() {
        for (String bad : new String[] {"", "[", "[1,5", "[1;5)", "1,5", "{1,5}", "[1,5)x", "[1,2,3)", "[\"1,5)", "[a,5)",
                "[5,1)", "emptyx", "[1,5)]", "[1\\", "[2147483648,)"}) {
            assertRejectsText(Codecs.INT4RANGE, bad);
        }
        var e = assertRejectsText(Codecs.INT4RANGE, "[1,x)");
        assertEquals(3, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("upper bound"), e.getMessage());
        assertTrue(assertRejectsText(Codecs.DATERANGE, "[2020-02-30,)").getMessage().contains("lower bound"));
    }

    @Test
    void boundsTheElementCannotEncodeAreRejectedAsTheRangeType() {
        CodecAssertions.assertRejectsEncoding(Codecs.NUMRANGE, Range.atLeast(new BigDecimal("1E-20000")));
        CodecAssertions.assertRejectsBinaryEncoding(Codecs.DATERANGE, Range.atMost(LocalDate.of(9_000_000, 1, 1)));
    }

    @Test
    void malformedBinaryIsRejectedWithOffsets() {
        for (ValueCodec<?> codec : ALL) {
            assertRejectsBinary(codec, new byte[0]);
            assertRejectsBinary(codec, hex("000000"));
            assertRejectsBinary(codec, hex("20000000"));                 // unknown flag bit
            assertRejectsBinary(codec, hex("01000000 00"));              // empty range with a bound
            assertRejectsBinary(codec, hex("03000000"));                 // empty and inclusive
            assertRejectsBinary(codec, hex("0a000000"));                 // infinite and inclusive
            assertRejectsBinary(codec, hex("18010000"));                 // padding not zero
            assertRejectsBinary(codec, hex("10000000"));                 // lower bound missing
            assertRejectsBinary(codec, hex("10000000 ffffff7f"));        // huge bound length
            assertRejectsBinary(codec, hex("10000000 ffffffff"));        // negative bound length
            assertRejectsBinary(codec, hex("18000000 00"));              // trailing byte
        }
        // A 3-byte int4 bound: reported where the bound ran out of bytes.
        assertEquals(11, assertRejectsBinary(Codecs.INT4RANGE, hex("10000000 03000000 010000")).offset());
        assertEquals(4, assertRejectsBinary(Codecs.INT4RANGE,
                hex("06000000 04000000 05000000 04000000 01000000")).offset()); // lower > upper
    }
}
