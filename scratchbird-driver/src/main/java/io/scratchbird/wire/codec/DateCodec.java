package io.scratchbird.wire.codec;

import java.time.LocalDate;

/**
 * {@code date} (OID 1082): binary {@code i32} days since 2000-01-01, with the extremes as
 * {@code infinity} / {@code -infinity} ({@link LocalDate#MAX} / {@link LocalDate#MIN});
 * text as described in {@link DateTimeText}.
 */
final class DateCodec extends EpochCodec<LocalDate> {

    DateCodec() {
        super(TypeOids.DATE, "date", LocalDate.class, 4, LocalDate.MAX, LocalDate.MIN);
    }

    @Override
    long countOf(LocalDate value) {
        return Epoch2000.daysFromDate(typeName(), value);
    }

    @Override
    LocalDate valueOf(long count) {
        return Epoch2000.dateFromDays((int) count);
    }

    @Override
    String formatFinite(LocalDate value) {
        return DateTimeText.formatDate(value);
    }

    @Override
    LocalDate parseFinite(String text) {
        return DateTimeText.parseDate(typeName(), text);
    }
}
