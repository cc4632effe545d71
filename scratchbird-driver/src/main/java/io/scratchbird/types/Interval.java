package io.scratchbird.types;

import java.time.Duration;
import java.time.Period;

/**
 * An SQL {@code interval}: months, days and microseconds kept apart, as PostgreSQL and SBWP keep
 * them, because a month has no fixed number of days and a day (across a DST change) no fixed
 * number of hours. Equal when all three fields are equal ({@code 1 mon} is not {@code 30 days}).
 *
 * <p>{@link #toString()} is the ISO-8601 text form sent on the wire, e.g. {@code P1Y2M3DT4H5M6.5S},
 * {@code P-1M}, {@code PT-0.5S}, and {@code PT0S} for zero; years are whole twelves of months.
 *
 * @param months whole months (years are twelve months)
 * @param days   whole days
 * @param micros microseconds
 */
public record Interval(int months, int days, long micros) {

    public static final Interval ZERO = new Interval(0, 0, 0);

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /** Years and months become months, days stay days. */
    public static Interval of(Period period) {
        long months = period.toTotalMonths();
        if (months != (int) months) {
            throw new IllegalArgumentException(period + " has more months than an interval holds (" + Integer.MAX_VALUE + ")");
        }
        return new Interval((int) months, period.getDays(), 0);
    }

    /** The duration as microseconds; a duration with a fraction of a microsecond is not representable. */
    public static Interval of(Duration duration) {
        if (duration.getNano() % 1000 != 0) {
            throw new IllegalArgumentException(duration + " has a fraction of a microsecond, which an interval cannot hold");
        }
        try {
            return new Interval(0, 0, Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
                    duration.getNano() / 1000));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(duration + " is longer than an interval's microsecond field holds", e);
        }
    }

    /** @throws ArithmeticException when the interval has a time part, which a {@link Period} cannot hold */
    public Period toPeriod() {
        if (micros != 0) {
            throw new ArithmeticException(this + " has a time part of " + micros + " microseconds; a Period holds only years, months and days");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * Days count as exactly 24 hours (as in {@link Duration#ofDays}).
     *
     * @throws ArithmeticException when the interval has months, whose length in time is not fixed
     */
    public Duration toDuration() {
        if (months != 0) {
            throw new ArithmeticException(this + " has " + months + " month(s), which have no fixed length as a Duration");
        }
        return Duration.ofDays(days).plus(Duration.ofSeconds(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000));
    }

    /** ISO-8601, e.g. {@code P1Y2M3DT4H5M6.5S}; zero is {@code PT0S}. */
    @Override
    public String toString() {
        if (months == 0 && days == 0 && micros == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder("P");
        appendField(sb, months / 12, 'Y');
        appendField(sb, months % 12, 'M');
        appendField(sb, days, 'D');
        if (micros != 0) {
            sb.append('T');
            appendField(sb, micros / MICROS_PER_HOUR, 'H');
            appendField(sb, micros % MICROS_PER_HOUR / MICROS_PER_MINUTE, 'M');
            appendSeconds(sb, micros % MICROS_PER_MINUTE);
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, long value, char designator) {
        if (value != 0) {
            sb.append(value).append(designator);
        }
    }

    /** Seconds with their fraction; the sign belongs to the whole field ({@code -0.5S}). */
    private static void appendSeconds(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        long abs = Math.abs(micros);
        sb.append(micros < 0 ? "-" : "").append(abs / MICROS_PER_SECOND);
        long fraction = abs % MICROS_PER_SECOND;
        if (fraction != 0) {
            String digits = Long.toString(MICROS_PER_SECOND + fraction).substring(1);
            sb.append('.').append(digits.replaceFirst("0+$", ""));
        }
        sb.append('S');
    }
}
