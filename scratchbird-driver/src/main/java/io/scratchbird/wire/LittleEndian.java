package io.scratchbird.wire;

/** Byte-order helpers shared by the reader, the writer and the value codecs. */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int getInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    public static long getLong(byte[] b, int i) {
        return (getInt(b, i) & 0xFFFF_FFFFL) | ((long) getInt(b, i + 4)) << 32;
    }

    public static void putInt(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    public static void putLong(byte[] b, int i, long v) {
        putInt(b, i, (int) v);
        putInt(b, i + 4, (int) (v >>> 32));
    }

    /** UUIDs travel in RFC 4122 (big-endian) order, the one exception to little-endian SBWP. */
    public static long getLongBigEndian(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = v << 8 | (b[i + k] & 0xFF);
        }
        return v;
    }

    public static void putLongBigEndian(byte[] b, int i, long v) {
        for (int k = 7; k >= 0; k--) {
            b[i + k] = (byte) v;
            v >>>= 8;
        }
    }
}
