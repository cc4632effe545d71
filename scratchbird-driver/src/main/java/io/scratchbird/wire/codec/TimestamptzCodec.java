package io.scratchbird.wire.codec;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamptz} (OID 1184): binary {@code i64} microseconds since 2000-01-01 00:00:00 UTC,
 * decoded at offset UTC, with the extremes as {@code infinity} / {@code -infinity}
 * ({@link OffsetDateTime#MAX} / {@link OffsetDateTime#MIN}); text in the value's own offset,
 * {@code 2024-03-01 12:00:00.5+02} (see {@link DateTimeText}). Nanoseconds are rounded half up to
 * microseconds when encoding.
 */
final class TimestamptzCodec extends EpochCodec<OffsetDateTime> {

    TimestamptzCodec() {
        super(TypeOids.TIMESTAMPTZ, "timestamptz", OffsetDateTime.class, 8, OffsetDateTime.MAX, OffsetDateTime.MIN);
    }

    @Override
    long countOf(OffsetDateTime value) {
        return Epoch2000.microsFrom(typeName(), value.toEpochSecond(), value.getNano());
    }

    @Override
    OffsetDateTime valueOf(long micros) {
        return Epoch2000.instantFromMicros(micros).atOffset(ZoneOffset.UTC);
    }

    @Override
    String formatFinite(OffsetDateTime value) {
        return DateTimeText.formatTimestamptz(value);
    }

    @Override
    OffsetDateTime parseFinite(String text) {
        return DateTimeText.parseTimestamptz(typeName(), text);
    }
}
