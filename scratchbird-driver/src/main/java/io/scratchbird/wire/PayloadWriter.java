package io.scratchbird.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Growable little-endian buffer that message and value encoders write into. */
public final class PayloadWriter {

    private byte[] buf;
    private int len;

    public PayloadWriter() {
        this(64);
    }

    public PayloadWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (buf.length - len < n) {
            long wanted = Math.max((long) buf.length * 2, (long) len + n);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("payload would exceed 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    public int size() {
        return len;
    }

    public PayloadWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public PayloadWriter u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    public PayloadWriter i32(int v) {
        ensure(4);
        LittleEndian.putInt(buf, len, v);
        len += 4;
        return this;
    }

    public PayloadWriter u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + v);
        }
        return i32((int) v);
    }

    public PayloadWriter i64(long v) {
        ensure(8);
        LittleEndian.putLong(buf, len, v);
        len += 8;
        return this;
    }

    public PayloadWriter f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public PayloadWriter f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    public PayloadWriter uuid(UUID v) {
        ensure(16);
        LittleEndian.putLongBigEndian(buf, len, v.getMostSignificantBits());
        LittleEndian.putLongBigEndian(buf, len + 8, v.getLeastSignificantBits());
        len += 16;
        return this;
    }

    public PayloadWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public PayloadWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    public PayloadWriter bytes(Bytes b) {
        b.writeTo(this);
        return this;
    }

    /** Writes {@code b}, which must be exactly {@code n} bytes long (a fixed-size field). */
    public PayloadWriter fixed(Bytes b, int n, String field) {
        if (b.length() != n) {
            throw new IllegalArgumentException(field + " must be " + n + " bytes, got " + b.length());
        }
        return bytes(b);
    }

    public PayloadWriter zeros(int n) {
        ensure(n);
        Arrays.fill(buf, len, len + n, (byte) 0);
        len += n;
        return this;
    }

    /** {@code u32} length + UTF-8. */
    public PayloadWriter lpstr(String s) {
        return lpbytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code u32} length + raw bytes. */
    public PayloadWriter lpbytes(byte[] b) {
        i32(b.length);
        return bytes(b);
    }

    /** {@code u16} length + UTF-8. */
    public PayloadWriter u16str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("u16str longer than 65535 bytes");
        }
        u16(b.length);
        return bytes(b);
    }

    /** UTF-8 + NUL. The text itself must not contain NUL. */
    public PayloadWriter cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x == 0) {
                throw new IllegalArgumentException("cstr value contains a NUL byte");
            }
        }
        bytes(b);
        return u8(0);
    }

    public PayloadWriter nullableText(NullableText t) {
        u8(t.state());
        return lpstr(t.value());
    }

    /** Overwrites a previously written 32-bit value (for lengths known only afterwards). */
    public void patchI32(int at, int v) {
        LittleEndian.putInt(buf, at, v);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
