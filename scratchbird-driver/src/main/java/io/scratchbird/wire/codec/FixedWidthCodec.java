package io.scratchbird.wire.codec;

/**
 * A type whose binary form is one little-endian two's complement integer of fixed width: bool (1
 * byte), the integers, the floats (their IEEE-754 bits), time, date and the timestamps. Any other
 * length is rejected before a byte is read.
 */
abstract class FixedWidthCodec<T> extends BaseCodec<T> {

    private final int width;

    FixedWidthCodec(int oid, String typeName, Class<T> javaType, int width) {
        super(oid, typeName, javaType);
        this.width = width;
    }

    /** The integer to send, of which the low {@code width} bytes are written. */
    abstract long toBits(T value);

    /** The value of an integer read from {@code width} bytes, sign-extended. */
    abstract T fromBits(long bits);

    @Override
    final byte[] encodeBinaryValue(T value) {
        long bits = toBits(value);
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (bits >>> (8 * i));
        }
        return out;
    }

    @Override
    final T decodeBinaryValue(byte[] buf, int offset, int length) {
        requireLength(length, width);
        long bits = 0;
        for (int i = width - 1; i >= 0; i--) {
            bits = bits << 8 | (buf[offset + i] & 0xFF);
        }
        int unused = 64 - 8 * width;
        return fromBits(bits << unused >> unused);
    }
}
