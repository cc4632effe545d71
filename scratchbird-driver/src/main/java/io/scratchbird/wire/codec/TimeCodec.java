package io.scratchbird.wire.codec;

import java.time.LocalTime;

/**
 * {@code time} (OID 1083): binary {@code i64} microseconds since midnight (0..86 399 999 999);
 * text {@code HH:mm:ss[.ffffff]}. Encoding rounds nanoseconds half up to microseconds, clamped at
 * 23:59:59.999999; text decoding keeps up to nine fraction digits exactly.
 */
final class TimeCodec extends FixedWidthCodec<LocalTime> {

    TimeCodec() {
        super(TypeOids.TIME, "time", LocalTime.class, 8);
    }

    @Override
    long toBits(LocalTime value) {
        return MicrosOfDay.of(value);
    }

    @Override
    LocalTime fromBits(long micros) {
        return MicrosOfDay.toTime(typeName(), micros, 0);
    }

    @Override
    String encodeTextValue(LocalTime value) {
        return DateTimeText.formatTime(MicrosOfDay.of(value));
    }

    @Override
    LocalTime decodeTextValue(String text) {
        return DateTimeText.parseTime(typeName(), text);
    }
}
