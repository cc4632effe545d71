package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.time.LocalTime;

/** Time of day as {@code i64} microseconds since midnight, the binary form of time and timetz. */
final class MicrosOfDay {

    /** The last microsecond of a day, 23:59:59.999999. */
    static final long MAX = 86_399_999_999L;

    private MicrosOfDay() {
    }

    /** Rounds half up to whole microseconds, clamped at 23:59:59.999999 rather than wrapping to midnight. */
    static long of(LocalTime time) {
        return Math.min(MAX, (time.toNanoOfDay() + 500) / 1000);
    }

    static LocalTime toTime(String typeName, long micros, long reportOffset) {
        if (micros < 0 || micros > MAX) {
            throw new ValueFormatException(typeName, reportOffset,
                    "time of day " + micros + " is outside 0.." + MAX + " microseconds");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }
}
