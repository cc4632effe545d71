package io.scratchbird.wire.codec;

import io.scratchbird.types.Interval;
import io.scratchbird.wire.LittleEndian;

/**
 * {@code interval} (OID 1186): binary {@code i32} months, {@code i32} days, {@code i64}
 * microseconds, in this order (spec 10.7; not PostgreSQL's order), 16 bytes. Text written as
 * ISO-8601 ({@link Interval#toString()}); read as ISO-8601 or PostgreSQL's verbose style
 * ({@link IntervalText}).
 */
final class IntervalCodec extends BaseCodec<Interval> {

    IntervalCodec() {
        super(TypeOids.INTERVAL, "interval", Interval.class);
    }

    @Override
    byte[] encodeBinaryValue(Interval value) {
        byte[] out = new byte[16];
        LittleEndian.putInt(out, 0, value.months());
        LittleEndian.putInt(out, 4, value.days());
        LittleEndian.putLong(out, 8, value.micros());
        return out;
    }

    @Override
    Interval decodeBinaryValue(byte[] buf, int offset, int length) {
        requireLength(length, 16);
        return new Interval(LittleEndian.getInt(buf, offset), LittleEndian.getInt(buf, offset + 4),
                LittleEndian.getLong(buf, offset + 8));
    }

    @Override
    String encodeTextValue(Interval value) {
        return value.toString();
    }

    @Override
    Interval decodeTextValue(String text) {
        return IntervalText.parse(typeName(), text);
    }
}
