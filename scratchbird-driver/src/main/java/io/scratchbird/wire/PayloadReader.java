package io.scratchbird.wire;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Bounds-checked little-endian reader over a slice of a byte array. Every read names the field it
 * reads, so a short payload fails with a {@link WireFormatException} that says which field was cut
 * and at which byte offset, never with an {@code ArrayIndexOutOfBoundsException}. Length-prefixed
 * fields are checked against the remaining bytes before anything is allocated.
 */
public final class PayloadReader {

    private final byte[] buf;
    private final int end;
    private final long reportBase;
    private int pos;

    /**
     * @param reportBase the offset reported for {@code buf[offset]} in errors (40 when the slice is
     *                   the payload of a frame, so offsets are frame offsets)
     */
    public PayloadReader(byte[] buf, int offset, int length, long reportBase) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("slice [" + offset + ", +" + length + ") outside a buffer of " + buf.length);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.reportBase = reportBase - offset;
    }

    public PayloadReader(byte[] buf) {
        this(buf, 0, buf.length, 0);
    }

    /** Reader over a frame's payload, reporting frame offsets (payload byte 0 = offset 40). */
    public static PayloadReader ofPayload(byte[] payload) {
        return new PayloadReader(payload, 0, payload.length, FrameHeader.SIZE);
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Offset of the next byte, in the reporting frame of reference. */
    public long offset() {
        return reportBase + pos;
    }

    /** Absolute position in the underlying array (for callers that slice it). */
    public int position() {
        return pos;
    }

    public byte[] array() {
        return buf;
    }

    private void need(int n, String field) {
        if (end - pos < n) {
            throw new WireFormatException(WireFormatException.Problem.PAYLOAD_TOO_SHORT, offset(),
                    "field '" + field + "' needs " + n + " byte(s) but only " + (end - pos) + " remain");
        }
    }

    public int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public int u16(String field) {
        need(2, field);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public short i16(String field) {
        return (short) u16(field);
    }

    public int i32(String field) {
        need(4, field);
        int v = LittleEndian.getInt(buf, pos);
        pos += 4;
        return v;
    }

    /** Unsigned 32-bit value as a long. */
    public long u32(String field) {
        return i32(field) & 0xFFFF_FFFFL;
    }

    /**
     * Unsigned 32-bit count or length that must not exceed {@code max}; fails before the caller
     * allocates anything sized by it.
     */
    public int u32Bounded(String field, long max) {
        long at = offset();
        long v = u32(field);
        if (v > max) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                    "field '" + field + "' is " + v + ", above its limit of " + max);
        }
        return (int) v;
    }

    public long i64(String field) {
        need(8, field);
        long v = LittleEndian.getLong(buf, pos);
        pos += 8;
        return v;
    }

    public double f64(String field) {
        return Double.longBitsToDouble(i64(field));
    }

    public float f32(String field) {
        return Float.intBitsToFloat(i32(field));
    }

    /** 16 raw bytes in RFC 4122 order. */
    public UUID uuid(String field) {
        need(16, field);
        long msb = LittleEndian.getLongBigEndian(buf, pos);
        long lsb = LittleEndian.getLongBigEndian(buf, pos + 8);
        pos += 16;
        return new UUID(msb, lsb);
    }

    public byte[] bytes(int n, String field) {
        if (n < 0) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, offset(),
                    "field '" + field + "' has negative length " + n);
        }
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads {@code n} bytes as an immutable {@link Bytes}. */
    public Bytes fixed(int n, String field) {
        return Bytes.wrap(bytes(n, field));
    }

    public void skip(int n, String field) {
        need(n, field);
        pos += n;
    }

    public byte[] rest() {
        return bytes(remaining(), "rest");
    }

    /** {@code u32} byte length followed by that many UTF-8 bytes. */
    public String lpstr(String field) {
        int len = lengthPrefix(field);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** {@code u32} byte length followed by that many raw bytes. */
    public byte[] lpbytes(String field) {
        int len = lengthPrefix(field);
        return bytes(len, field);
    }

    private int lengthPrefix(String field) {
        long at = offset();
        long len = u32(field + ".length");
        if (len > end - pos) {
            throw new WireFormatException(WireFormatException.Problem.PAYLOAD_TOO_SHORT, at,
                    "field '" + field + "' declares " + len + " byte(s) but only " + (end - pos) + " remain");
        }
        return (int) len;
    }

    /** {@code u16} byte length followed by UTF-8 bytes. */
    public String u16str(String field) {
        int len = u16(field + ".length");
        need(len, field);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    /** UTF-8 bytes terminated by {@code 0x00}. */
    public String cstr(String field) {
        int nul = indexOfZero();
        if (nul < 0) {
            throw new WireFormatException(WireFormatException.Problem.PAYLOAD_TOO_SHORT, offset(),
                    "field '" + field + "' has no NUL terminator before the end of the payload");
        }
        String s = new String(buf, pos, nul - pos, StandardCharsets.UTF_8);
        pos = nul + 1;
        return s;
    }

    /** Absolute index of the next 0x00 byte, or -1. */
    public int indexOfZero() {
        for (int i = pos; i < end; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code nullable_text}: {@code u8 state}, {@code u32 length}, bytes. */
    public NullableText nullableText(String field) {
        int state = u8(field + ".state");
        String value = lpstr(field);
        return new NullableText(state, value);
    }

    /** Fails unless every byte has been consumed. */
    public void expectEnd(String layout) {
        if (pos != end) {
            throw new WireFormatException(WireFormatException.Problem.TRAILING_BYTES, offset(),
                    layout + " has " + (end - pos) + " unexpected byte(s) after its last field");
        }
    }
}
