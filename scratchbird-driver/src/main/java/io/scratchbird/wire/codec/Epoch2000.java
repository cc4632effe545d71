package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Arithmetic of SBWP's (and PostgreSQL's) binary epoch, 2000-01-01 00:00:00: {@code i32} days for
 * date, {@code i64} microseconds for timestamp/timestamptz. The extreme values of each integer
 * are the {@code infinity}/{@code -infinity} sentinels, handled by the codecs; here a finite value
 * that would collide with a sentinel or overflow is rejected.
 */
final class Epoch2000 {

    /** 2000-01-01 as a {@link LocalDate#toEpochDay()}. */
    static final long EPOCH_DAY = 10_957;
    /** 2000-01-01T00:00:00Z in Unix seconds. */
    static final long EPOCH_SECOND = 946_684_800L;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Epoch2000() {
    }

    static LocalDate dateFromDays(int days) {
        return LocalDate.ofEpochDay(EPOCH_DAY + days);
    }

    /** Finite date to days; dates outside the {@code i32} range (sentinels excluded) are rejected. */
    static int daysFromDate(String typeName, LocalDate date) {
        long days = date.toEpochDay() - EPOCH_DAY;
        if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
            throw new ValueFormatException(typeName, 0, date + " is outside the range of i32 days since 2000-01-01");
        }
        return (int) days;
    }

    /** Finite microseconds to an instant. */
    static Instant instantFromMicros(long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        long micro = Math.floorMod(micros, MICROS_PER_SECOND);
        return Instant.ofEpochSecond(EPOCH_SECOND + seconds, micro * 1000);
    }

    /**
     * Microseconds since the epoch for a Unix second and nanosecond, the nanoseconds rounded half up;
     * values outside the {@code i64} range (sentinels excluded) are rejected.
     */
    static long microsFrom(String typeName, long unixSecond, int nano) {
        long seconds = unixSecond - EPOCH_SECOND;
        long micro = (nano + 500) / 1000; // 0..1_000_000
        if (seconds < 0 && micro > 0) {
            // Borrow a second so the product cannot underflow when the sum would not (Long.MIN_VALUE + 1).
            seconds++;
            micro -= MICROS_PER_SECOND;
        }
        try {
            long micros = Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micro);
            if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
                return micros;
            }
        } catch (ArithmeticException overflow) {
            // reported below
        }
        throw new ValueFormatException(typeName, 0, "value is outside the range of i64 microseconds since 2000-01-01");
    }
}
