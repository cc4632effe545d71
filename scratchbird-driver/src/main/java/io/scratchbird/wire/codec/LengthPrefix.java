package io.scratchbird.wire.codec;

import io.scratchbird.wire.LittleEndian;
import io.scratchbird.wire.ValueFormatException;

/**
 * The {@code u32 length + body} binary form shared by the text-like types, numeric, json, vector,
 * arrays (UTF-8 text) and bytea (raw bytes), spec 10.1. The prefix must agree exactly with the
 * slice: a longer slice would hide trailing garbage, a shorter one is a truncated value.
 */
final class LengthPrefix {

    static final int SIZE = 4;

    private LengthPrefix() {
    }

    static byte[] wrap(byte[] body) {
        byte[] out = new byte[SIZE + body.length];
        LittleEndian.putInt(out, 0, body.length);
        System.arraycopy(body, 0, out, SIZE, body.length);
        return out;
    }

    /** Checks the prefix of {@code buf[offset, offset + length)} and returns the body length. */
    static int bodyLength(String typeName, byte[] buf, int offset, int length) {
        if (length < SIZE) {
            throw new ValueFormatException(typeName, length,
                    "binary form needs a 4-byte length prefix but the value has " + length + " byte(s)");
        }
        long declared = LittleEndian.getInt(buf, offset) & 0xFFFF_FFFFL;
        if (declared != length - SIZE) {
            throw new ValueFormatException(typeName, 0,
                    "length prefix declares " + declared + " byte(s) but " + (length - SIZE) + " follow it");
        }
        return length - SIZE;
    }
}
