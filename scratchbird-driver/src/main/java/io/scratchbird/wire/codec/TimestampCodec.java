package io.scratchbird.wire.codec;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamp} (OID 1114): binary {@code i64} microseconds since 2000-01-01 00:00:00, with the
 * extremes as {@code infinity} / {@code -infinity} ({@link LocalDateTime#MAX} /
 * {@link LocalDateTime#MIN}); text {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (see {@link DateTimeText}).
 * Nanoseconds are rounded half up to microseconds when encoding.
 */
final class TimestampCodec extends EpochCodec<LocalDateTime> {

    TimestampCodec() {
        super(TypeOids.TIMESTAMP, "timestamp", LocalDateTime.class, 8, LocalDateTime.MAX, LocalDateTime.MIN);
    }

    @Override
    long countOf(LocalDateTime value) {
        return Epoch2000.microsFrom(typeName(), value.toEpochSecond(ZoneOffset.UTC), value.getNano());
    }

    @Override
    LocalDateTime valueOf(long micros) {
        return LocalDateTime.ofInstant(Epoch2000.instantFromMicros(micros), ZoneOffset.UTC);
    }

    @Override
    String formatFinite(LocalDateTime value) {
        return DateTimeText.formatTimestamp(value);
    }

    @Override
    LocalDateTime parseFinite(String text) {
        return DateTimeText.parseTimestamp(typeName(), text);
    }
}
