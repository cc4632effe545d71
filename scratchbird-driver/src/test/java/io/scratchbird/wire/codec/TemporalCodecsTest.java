package io.scratchbird.wire.codec;

import io.scratchbird.types.Interval;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinaryEncoding;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact forms and rejections of date, time, timetz, timestamp, timestamptz and interval. */
class TemporalCodecsTest {

    private static final ZoneOffset PLUS_2 = ZoneOffset.ofHours(2);

    @Test
    void dateBinaryCountsDaysFrom2000() {
        assertArrayEquals(hex("01000000"), Codecs.DATE.encodeBinary(LocalDate.of(2000, 1, 2)));
        assertArrayEquals(hex("ffffffff"), Codecs.DATE.encodeBinary(LocalDate.of(1999, 12, 31)));
        assertArrayEquals(hex("ffffff7f"), Codecs.DATE.encodeBinary(LocalDate.MAX));
        assertArrayEquals(hex("00000080"), Codecs.DATE.encodeBinary(LocalDate.MIN));
        assertEquals(LocalDate.of(1970, 1, 1), Codecs.DATE.decodeBinary(hex("33d5ffff")));
    }

    @Test
    void dateTextFollowsPostgres() {
        assertEquals("2024-02-29", Codecs.DATE.encodeText(LocalDate.of(2024, 2, 29)));
        assertEquals("0001-01-01", Codecs.DATE.encodeText(LocalDate.of(1, 1, 1)));
        assertEquals("0001-12-31 BC", Codecs.DATE.encodeText(LocalDate.of(0, 12, 31)));
        assertEquals("0044-03-15 BC", Codecs.DATE.encodeText(LocalDate.of(-43, 3, 15)));
        assertEquals("10000-01-01", Codecs.DATE.encodeText(LocalDate.of(10000, 1, 1)));
        assertEquals("infinity", Codecs.DATE.encodeText(LocalDate.MAX));
        assertEquals("-infinity", Codecs.DATE.encodeText(LocalDate.MIN));
        assertEquals(LocalDate.of(10000, 1, 1), Codecs.DATE.decodeText("+10000-01-01"));
        assertEquals(LocalDate.of(-43, 3, 15), Codecs.DATE.decodeText("-0043-03-15"));
        assertEquals(LocalDate.of(-43, 3, 15), Codecs.DATE.decodeText("0044-03-15 bc"));
        assertEquals(LocalDate.of(0, 1, 1), Codecs.DATE.decodeText("+0000-01-01"));
        assertEquals(LocalDate.MAX, Codecs.DATE.decodeText("Infinity"));
        assertEquals(LocalDate.MAX, Codecs.DATE.decodeText("+infinity"));
    }

    @Test
    void dateRejections() {
        for (String bad : new String[] {"", "2024-2-29", "24-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32",
                "2024/01/01", "2024-01-01 ", "0000-01-01", "0000-01-01 BC", "+0044-03-15 BC", "2024-01-01T00:00",
                "10000000000-01-01", "1000000000-01-01", "infinite", "2024-01-01 AD"}) {
            assertRejectsText(Codecs.DATE, bad);
        }
        assertEquals(0, assertRejectsText(Codecs.DATE, "2023-02-29").offset());
        assertEquals(5, assertRejectsText(Codecs.DATE, "2024-1x-01").offset());
        assertRejectsBinary(Codecs.DATE, hex("010000"));
        assertRejectsBinary(Codecs.DATE, hex("0100000000"));
        assertRejectsBinaryEncoding(Codecs.DATE, LocalDate.of(9_000_000, 1, 1));
        assertRejectsBinaryEncoding(Codecs.DATE, Epoch2000.dateFromDays(Integer.MAX_VALUE - 1).plusDays(1));
    }

    @Test
    void timeIsMicrosSinceMidnight() {
        assertArrayEquals(hex("ff5fd71d14000000"), Codecs.TIME.encodeBinary(LocalTime.of(23, 59, 59, 999_999_000)));
        assertEquals("23:59:59.999999", Codecs.TIME.encodeText(LocalTime.of(23, 59, 59, 999_999_000)));
        assertEquals("12:00:00.5", Codecs.TIME.encodeText(LocalTime.NOON.plusNanos(500_000_000)));
        assertEquals("00:00:00", Codecs.TIME.encodeText(LocalTime.MIDNIGHT));
        assertEquals(LocalTime.of(1, 2), Codecs.TIME.decodeText("01:02"));
        assertEquals(LocalTime.of(1, 2, 3, 123_456_789), Codecs.TIME.decodeText("01:02:03.123456789"));
    }

    @Test
    void timeEncodingRoundsHalfUpToMicrosAndClampsAtMidnight() {
        assertEquals("00:00:00.000001", Codecs.TIME.encodeText(LocalTime.of(0, 0, 0, 500)));
        assertEquals("00:00:00", Codecs.TIME.encodeText(LocalTime.of(0, 0, 0, 499)));
        assertEquals("23:59:59.999999", Codecs.TIME.encodeText(LocalTime.MAX));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), Codecs.TIME.decodeBinary(Codecs.TIME.encodeBinary(LocalTime.MAX)));
    }

    @Test
    void timeRejections() {
        for (String bad : new String[] {"", "24:00:00", "23:60:00", "23:59:60", "1:02:03", "01:02:03.", "01:02:03.1234567890",
                "01:02:03+02", "T01:02:03", "01-02-03"}) {
            assertRejectsText(Codecs.TIME, bad);
        }
        assertRejectsBinary(Codecs.TIME, hex("0060d71d14000000")); // 86 400 000 000
        assertRejectsBinary(Codecs.TIME, hex("ffffffffffffffff"));
        assertRejectsBinary(Codecs.TIME, hex("00000000"));
    }

    @Test
    void timetzStoresSecondsWestOfUtc() {
        OffsetTime t = OffsetTime.of(LocalTime.of(12, 0), PLUS_2);
        assertArrayEquals(hex("00b0eb0e0a000000 e0e3ffff"), Codecs.TIMETZ.encodeBinary(t));
        assertEquals("12:00:00+02", Codecs.TIMETZ.encodeText(t));
        assertEquals("12:00:00+05:30", Codecs.TIMETZ.encodeText(OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("12:00:00-03:30", Codecs.TIMETZ.encodeText(OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHoursMinutes(-3, -30))));
        assertEquals("12:00:00+01:02:03", Codecs.TIMETZ.encodeText(OffsetTime.of(LocalTime.NOON, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3))));
        for (String text : new String[] {"12:00:00+02", "12:00+0200", "12:00:00+02:00", "12:00:00.000+02:00:00"}) {
            assertEquals(t, Codecs.TIMETZ.decodeText(text), text);
        }
        assertEquals(OffsetTime.of(LocalTime.NOON, ZoneOffset.UTC), Codecs.TIMETZ.decodeText("12:00:00Z"));
        // The 8-byte form (time only, UTC) some servers send, spec 10.4.
        assertEquals(OffsetTime.of(LocalTime.NOON, ZoneOffset.UTC), Codecs.TIMETZ.decodeBinary(hex("00b0eb0e0a000000")));
    }

    @Test
    void timetzRejections() {
        for (String bad : new String[] {"12:00:00", "12:00:00+", "12:00:00+2", "12:00:00+19", "12:00:00+02:60", "12:00:00 +02",
                "12:00:00+02:00:00:00", "12:00:00UTC"}) {
            assertRejectsText(Codecs.TIMETZ, bad);
        }
        assertRejectsBinary(Codecs.TIMETZ, hex("00b0eb0e0a000000 e0e3ff"));
        assertRejectsBinary(Codecs.TIMETZ, hex("00b0eb0e0a000000 e0e3ffff00"));
        assertEquals(8, assertRejectsBinary(Codecs.TIMETZ, hex("00b0eb0e0a000000 00000100")).offset());
    }

    @Test
    void timestampForms() {
        assertArrayEquals(hex("0000000000000000"), Codecs.TIMESTAMP.encodeBinary(LocalDateTime.of(2000, 1, 1, 0, 0)));
        assertArrayEquals(hex("0010a5d4e8000000"), Codecs.TIMESTAMP.encodeBinary(LocalDateTime.of(2000, 1, 12, 13, 46, 40)));
        assertArrayEquals(hex("ffffffffffffff7f"), Codecs.TIMESTAMP.encodeBinary(LocalDateTime.MAX));
        assertEquals("2038-01-19 03:14:08", Codecs.TIMESTAMP.encodeText(LocalDateTime.of(2038, 1, 19, 3, 14, 8)));
        assertEquals("0044-03-15 12:00:00.25 BC", Codecs.TIMESTAMP.encodeText(LocalDateTime.of(-43, 3, 15, 12, 0, 0, 250_000_000)));
        assertEquals("-infinity", Codecs.TIMESTAMP.encodeText(LocalDateTime.MIN));
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0), Codecs.TIMESTAMP.decodeText("2020-01-01T00:00:00"));
        assertEquals(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1), Codecs.TIMESTAMP.decodeText("2020-01-01 00:00:00.000000001"));
        assertEquals(LocalDateTime.of(-43, 3, 15, 12, 0), Codecs.TIMESTAMP.decodeText("0044-03-15 12:00 BC"));
        // Half-up rounding to microseconds, in both forms.
        LocalDateTime nanos = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_500);
        assertEquals("2000-01-01 00:00:00", Codecs.TIMESTAMP.encodeText(nanos));
        assertArrayEquals(hex("0000000000000000"), Codecs.TIMESTAMP.encodeBinary(nanos));
    }

    @Test
    void timestampRejections() {
        for (String bad : new String[] {"2020-01-01", "2020-01-01 25:00:00", "2020-01-01  00:00:00", "2020-01-01 00:00:00+02",
                "2020-01-01X00:00:00", "2020-02-30 00:00:00"}) {
            assertRejectsText(Codecs.TIMESTAMP, bad);
        }
        assertRejectsBinary(Codecs.TIMESTAMP, hex("00000000"));
        assertRejectsBinaryEncoding(Codecs.TIMESTAMP, LocalDateTime.of(300_000, 1, 1, 0, 0));
        assertRejectsBinaryEncoding(Codecs.TIMESTAMP, LocalDateTime.of(-300_000, 1, 1, 0, 0));
    }

    @Test
    void timestamptzForms() {
        OffsetDateTime utc = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        assertEquals("2024-03-01 10:00:00+00", Codecs.TIMESTAMPTZ.encodeText(utc));
        assertEquals("2024-03-01 12:00:00.5+02",
                Codecs.TIMESTAMPTZ.encodeText(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 500_000_000, PLUS_2)));
        assertEquals("2024-03-01 15:30:00+05:30",
                Codecs.TIMESTAMPTZ.encodeText(utc.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("0044-03-15 12:00:00+00 BC",
                Codecs.TIMESTAMPTZ.encodeText(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC)));
        // The binary form is the instant; it comes back at offset UTC.
        OffsetDateTime plus2 = utc.withOffsetSameInstant(PLUS_2);
        assertArrayEquals(Codecs.TIMESTAMPTZ.encodeBinary(utc), Codecs.TIMESTAMPTZ.encodeBinary(plus2));
        assertEquals(utc, Codecs.TIMESTAMPTZ.decodeBinary(Codecs.TIMESTAMPTZ.encodeBinary(plus2)));
        assertArrayEquals(hex("0000000000000000"),
                Codecs.TIMESTAMPTZ.encodeBinary(OffsetDateTime.of(2000, 1, 1, 2, 0, 0, 0, PLUS_2)));
        for (String text : new String[] {"2024-03-01 12:00:00+02", "2024-03-01T12:00:00+02:00", "2024-03-01 12:00:00+0200"}) {
            assertEquals(plus2, Codecs.TIMESTAMPTZ.decodeText(text), text);
        }
        assertEquals(utc, Codecs.TIMESTAMPTZ.decodeText("2024-03-01T10:00:00Z"));
        assertEquals(OffsetDateTime.MAX, Codecs.TIMESTAMPTZ.decodeText("infinity"));
        assertEquals(OffsetDateTime.MIN, Codecs.TIMESTAMPTZ.decodeBinary(hex("0000000000000080")));
    }

    @Test
    void timestamptzRejections() {
        for (String bad : new String[] {"2024-03-01 10:00:00", "2024-03-01 10:00:00+", "2024-03-01 10:00:00 +02",
                "2024-03-01 10:00:00+19:00", "2024-03-01 10:00:00+02 AD", "2024-03-01 10:00:00+02BC"}) {
            assertRejectsText(Codecs.TIMESTAMPTZ, bad);
        }
        assertRejectsBinary(Codecs.TIMESTAMPTZ, hex("00000000000000"));
        assertRejectsBinaryEncoding(Codecs.TIMESTAMPTZ, OffsetDateTime.of(300_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void intervalForms() {
        Interval mixed = new Interval(14, 3, 14_706_500_000L);
        assertArrayEquals(hex("0e000000 03000000 a061936c03000000"), Codecs.INTERVAL.encodeBinary(mixed));
        assertEquals("P1Y2M3DT4H5M6.5S", Codecs.INTERVAL.encodeText(mixed));
        assertEquals("PT0S", Codecs.INTERVAL.encodeText(Interval.ZERO));
        assertEquals("P-1M", Codecs.INTERVAL.encodeText(new Interval(-1, 0, 0)));
        assertEquals("PT-0.5S", Codecs.INTERVAL.encodeText(new Interval(0, 0, -500_000)));
        assertEquals("P1M-1DT0.000001S", Codecs.INTERVAL.encodeText(new Interval(1, -1, 1)));
    }

    @Test
    void intervalReadsIsoAndPostgresVerbose() {
        assertEquals(new Interval(14, -3, 14_706_500_000L), Codecs.INTERVAL.decodeText("1 year 2 mons -3 days 04:05:06.5"));
        assertEquals(new Interval(0, -1, 0), Codecs.INTERVAL.decodeText("@ 1 day ago"));
        assertEquals(new Interval(0, 0, -3_723_000_000L), Codecs.INTERVAL.decodeText("-01:02:03"));
        assertEquals(new Interval(0, 0, 0), Codecs.INTERVAL.decodeText("00:00:00"));
        assertEquals(new Interval(120, 14, 1_500_000), Codecs.INTERVAL.decodeText("1 decade 2 weeks 1.5 seconds"));
        assertEquals(new Interval(0, 0, 1_001), Codecs.INTERVAL.decodeText("1 ms 1 us"));
        assertEquals(new Interval(0, 1, 0), Codecs.INTERVAL.decodeText("1day"));
        assertEquals(new Interval(0, 10, 0), Codecs.INTERVAL.decodeText("P1W3D"));
        assertEquals(new Interval(-14, -3, 0), Codecs.INTERVAL.decodeText("-P1Y2M3D"));
        assertEquals(new Interval(0, 0, 5_400_000_000L), Codecs.INTERVAL.decodeText("PT1.5H"));
        assertEquals(new Interval(0, 0, 1), Codecs.INTERVAL.decodeText("PT0.0000005S"));
        assertEquals(new Interval(-12, 0, 0), Codecs.INTERVAL.decodeText("p-1y"));
    }

    @Test
    void intervalRejections() {
        for (String bad : new String[] {"", "P", "PT", "P1", "P1S", "P1D1Y", "P1.5D", "PT1H2H", "1", "1 parsec", "1 year ago ago",
                "ago", "1.5 months", "@", "01:60:00", "1 year garbage", "P99999999999Y", "2147483648 days",
                "9223372036854775807 hours", "P1Y T1H"}) {
            assertRejectsText(Codecs.INTERVAL, bad);
        }
        assertEquals(2, assertRejectsText(Codecs.INTERVAL, "1 parsec").offset());
        assertRejectsBinary(Codecs.INTERVAL, new byte[15]);
        assertRejectsBinary(Codecs.INTERVAL, new byte[17]);
    }
}
