package io.scratchbird.wire.codec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * The PostgreSQL-style text forms of the date/time types, written and read by hand so that the
 * rules stay explicit and every rejection carries an offset.
 *
 * <p>Written: {@code yyyy-MM-dd} for years 1-9999, more digits for later years
 * ({@code 10000-01-01}), years up to 0 as PostgreSQL BC years ({@code 0044-03-15 BC}, BC year =
 * 1 - ISO year, the suffix last, after any time and offset); times {@code HH:mm:ss[.ffffff]} with
 * the fraction rounded half up to microseconds and trailing zeros trimmed; offsets {@code +hh},
 * {@code +hh:mm} or {@code +hh:mm:ss}. ({@code infinity}/{@code -infinity} are handled by
 * {@link EpochCodec}.)
 *
 * <p>Read: the same, plus ISO signed years ({@code +10000-01-01}, {@code -0043-03-15}), a
 * {@code T} between date and time, optional seconds, up to nine fraction digits (kept exactly),
 * offsets {@code Z}, {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}, {@code ±hh:mm:ss}.
 */
final class DateTimeText {

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private DateTimeText() {
    }

    // ---- writing ----

    static String formatDate(LocalDate date) {
        StringBuilder sb = new StringBuilder(16);
        return appendEra(sb, appendDate(sb, date));
    }

    static String formatTimestamp(LocalDateTime value) {
        StringBuilder sb = new StringBuilder(32);
        return appendEra(sb, appendDateTime(sb, roundedToMicros(value)));
    }

    static String formatTimestamptz(OffsetDateTime value) {
        StringBuilder sb = new StringBuilder(40);
        boolean bc = appendDateTime(sb, roundedToMicros(value.toLocalDateTime()));
        appendOffset(sb, value.getOffset());
        return appendEra(sb, bc);
    }

    static String formatTime(long microsOfDay) {
        StringBuilder sb = new StringBuilder(15);
        appendTime(sb, microsOfDay);
        return sb.toString();
    }

    static String formatTimetz(OffsetTime value) {
        StringBuilder sb = new StringBuilder(24);
        appendTime(sb, MicrosOfDay.of(value.toLocalTime()));
        appendOffset(sb, value.getOffset());
        return sb.toString();
    }

    /** Appends the date and returns whether the value needs the {@code BC} suffix. */
    private static boolean appendDate(StringBuilder sb, LocalDate date) {
        int isoYear = date.getYear();
        boolean bc = isoYear <= 0;
        String year = Integer.toString(bc ? 1 - isoYear : isoYear);
        sb.append("0".repeat(Math.max(0, 4 - year.length()))).append(year).append('-');
        appendTwo(sb, date.getMonthValue()).append('-');
        appendTwo(sb, date.getDayOfMonth());
        return bc;
    }

    private static boolean appendDateTime(StringBuilder sb, LocalDateTime value) {
        boolean bc = appendDate(sb, value.toLocalDate());
        appendTime(sb.append(' '), value.toLocalTime().toNanoOfDay() / 1000);
        return bc;
    }

    private static String appendEra(StringBuilder sb, boolean bc) {
        return (bc ? sb.append(" BC") : sb).toString();
    }

    private static void appendTime(StringBuilder sb, long microsOfDay) {
        long seconds = microsOfDay / 1_000_000;
        appendTwo(sb, (int) (seconds / 3600)).append(':');
        appendTwo(sb, (int) (seconds / 60 % 60)).append(':');
        appendTwo(sb, (int) (seconds % 60));
        int micro = (int) (microsOfDay % 1_000_000);
        if (micro != 0) {
            String digits = Integer.toString(1_000_000 + micro).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }

    private static void appendOffset(StringBuilder sb, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        appendTwo(sb.append(total < 0 ? '-' : '+'), abs / 3600);
        if (abs % 3600 != 0) {
            appendTwo(sb.append(':'), abs / 60 % 60);
            if (abs % 60 != 0) {
                appendTwo(sb.append(':'), abs % 60);
            }
        }
    }

    private static StringBuilder appendTwo(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Half-up to whole microseconds; at the very end of the time line it truncates instead of overflowing. */
    private static LocalDateTime roundedToMicros(LocalDateTime value) {
        int belowMicro = value.getNano() % 1000;
        if (belowMicro >= 500) {
            try {
                return value.plusNanos(1000 - belowMicro);
            } catch (DateTimeException atMax) {
                // fall through to truncation
            }
        }
        return value.minusNanos(belowMicro);
    }

    // ---- reading ----

    static LocalDate parseDate(String typeName, String text) {
        return TextCursor.readAll(typeName, text, c -> dateFields(c).resolve(c, acceptBc(c)));
    }

    static LocalDateTime parseTimestamp(String typeName, String text) {
        return TextCursor.readAll(typeName, text, c -> dateTime(c, false, (dateTime, offset) -> dateTime));
    }

    static OffsetDateTime parseTimestamptz(String typeName, String text) {
        return TextCursor.readAll(typeName, text, c -> dateTime(c, true, OffsetDateTime::of));
    }

    static LocalTime parseTime(String typeName, String text) {
        return TextCursor.readAll(typeName, text, DateTimeText::time);
    }

    static OffsetTime parseTimetz(String typeName, String text) {
        return TextCursor.readAll(typeName, text, c -> OffsetTime.of(time(c), offset(c)));
    }

    /** Date, separator, time, the offset when {@code zoned}, and the era suffix. */
    private static <T> T dateTime(TextCursor c, boolean zoned, BiFunction<LocalDateTime, ZoneOffset, T> make) {
        DateFields date = dateFields(c);
        LocalTime time = separatorAndTime(c);
        ZoneOffset offset = zoned ? offset(c) : null;
        return make.apply(LocalDateTime.of(date.resolve(c, acceptBc(c)), time), offset);
    }

    /** Year, month and day as written; the era is only known once the suffix has been read. */
    private record DateFields(int start, boolean signed, long year, int month, int day) {

        LocalDate resolve(TextCursor c, boolean bc) {
            long isoYear = year;
            if (bc) {
                if (signed) {
                    throw c.errorAt(start, "a signed ISO year cannot also carry BC");
                }
                if (year == 0) {
                    throw c.errorAt(start, "there is no year 0 BC");
                }
                isoYear = 1 - year;
            } else if (!signed && year == 0) {
                throw c.errorAt(start, "there is no year 0000: write 0001 BC or the ISO form +0000");
            }
            try {
                return LocalDate.of(Math.toIntExact(isoYear), month, day);
            } catch (DateTimeException | ArithmeticException e) {
                throw c.errorAt(start, "invalid date: " + e.getMessage());
            }
        }
    }

    private static DateFields dateFields(TextCursor c) {
        int start = c.position();
        boolean negative = c.peek() == '-';
        boolean signed = c.accept('+') || c.accept('-');
        long year = c.digits(4, 10, "year");
        c.expect('-');
        int month = c.twoDigits(12, "month");
        c.expect('-');
        int day = c.twoDigits(31, "day");
        return new DateFields(start, signed, negative ? -year : year, month, day);
    }

    private static boolean acceptBc(TextCursor c) {
        return c.acceptIgnoreCase(" BC");
    }

    private static LocalTime separatorAndTime(TextCursor c) {
        if (!c.accept(' ') && !c.accept('T') && !c.accept('t')) {
            throw c.error("expected ' ' or 'T' between date and time but found " + c.describeNext());
        }
        return time(c);
    }

    private static LocalTime time(TextCursor c) {
        int hour = c.twoDigits(23, "hour");
        c.expect(':');
        int minute = c.twoDigits(59, "minute");
        int second = 0;
        int nano = 0;
        if (c.accept(':')) {
            second = c.twoDigits(59, "second");
            if (c.accept('.')) {
                int start = c.position();
                long fraction = c.digits(1, 9, "fraction of a second");
                nano = (int) (fraction * POWERS_OF_TEN[9 - (c.position() - start)]);
            }
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    private static ZoneOffset offset(TextCursor c) {
        if (c.accept('Z') || c.accept('z')) {
            return ZoneOffset.UTC;
        }
        int start = c.position();
        int sign = c.accept('+') ? 1 : c.accept('-') ? -1 : 0;
        if (sign == 0) {
            throw c.error("expected a UTC offset (Z, +hh, +hh:mm) but found " + c.describeNext());
        }
        int hours = c.twoDigits(99, "offset hours");
        int minutes = 0;
        int seconds = 0;
        if (c.accept(':') || TextCursor.isDigit(c.peek())) {
            minutes = c.twoDigits(59, "offset minutes");
            if (c.accept(':') || TextCursor.isDigit(c.peek())) {
                seconds = c.twoDigits(59, "offset seconds");
            }
        }
        try {
            return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
        } catch (DateTimeException e) {
            throw c.errorAt(start, "UTC offset must lie within -18:00..+18:00");
        }
    }
}
