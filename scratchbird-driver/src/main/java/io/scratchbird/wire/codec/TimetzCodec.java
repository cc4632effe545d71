package io.scratchbird.wire.codec;

import io.scratchbird.wire.LittleEndian;

import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * {@code timetz} (OID 1266): binary {@code i64} microseconds since midnight + {@code i32} zone
 * offset in seconds <em>west</em> of UTC (PostgreSQL's sign: UTC+02:00 is -7200), 12 bytes; the
 * 8-byte form some servers send (time only, UTC, spec 10.4) is also decoded. Text
 * {@code HH:mm:ss[.ffffff]+hh[:mm[:ss]]}.
 */
final class TimetzCodec extends BaseCodec<OffsetTime> {

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    TimetzCodec() {
        super(TypeOids.TIMETZ, "timetz", OffsetTime.class);
    }

    @Override
    byte[] encodeBinaryValue(OffsetTime value) {
        byte[] out = new byte[12];
        LittleEndian.putLong(out, 0, MicrosOfDay.of(value.toLocalTime()));
        LittleEndian.putInt(out, 8, -value.getOffset().getTotalSeconds());
        return out;
    }

    @Override
    OffsetTime decodeBinaryValue(byte[] buf, int offset, int length) {
        if (length != 8) {
            requireLength(length, 12);
        }
        int secondsWest = length == 8 ? 0 : LittleEndian.getInt(buf, offset + 8);
        if (secondsWest < -MAX_OFFSET_SECONDS || secondsWest > MAX_OFFSET_SECONDS) {
            throw reject(8, "zone offset " + secondsWest + " s is outside -18:00..+18:00");
        }
        return OffsetTime.of(MicrosOfDay.toTime(typeName(), LittleEndian.getLong(buf, offset), 0),
                ZoneOffset.ofTotalSeconds(-secondsWest));
    }

    @Override
    String encodeTextValue(OffsetTime value) {
        return DateTimeText.formatTimetz(value);
    }

    @Override
    OffsetTime decodeTextValue(String text) {
        return DateTimeText.parseTimetz(typeName(), text);
    }
}
