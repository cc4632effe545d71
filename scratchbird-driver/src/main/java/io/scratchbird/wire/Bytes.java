package io.scratchbird.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for the small fixed or opaque fields of messages
 * (reserved blocks, hashes, auth data) so that message records compare by content.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] b;

    private Bytes(byte[] b) {
        this.b = b;
    }

    public static Bytes of(byte... b) {
        return b.length == 0 ? EMPTY : new Bytes(b.clone());
    }

    public static Bytes zeros(int n) {
        return new Bytes(new byte[n]);
    }

    public static Bytes utf8(String s) {
        return new Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public static Bytes fromHex(String hex) {
        return new Bytes(HexFormat.of().parseHex(hex));
    }

    /** Wraps without copying; only for arrays nobody else holds (freshly decoded). */
    static Bytes wrap(byte[] b) {
        return new Bytes(b);
    }

    public int length() {
        return b.length;
    }

    public byte get(int i) {
        return b[i];
    }

    public byte[] toArray() {
        return b.clone();
    }

    public boolean isAllZero() {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    public String toUtf8() {
        return new String(b, StandardCharsets.UTF_8);
    }

    public String hex() {
        return HexFormat.of().formatHex(b);
    }

    void writeTo(PayloadWriter w) {
        w.bytes(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(b, other.b);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return b.length <= 64 ? "0x" + hex() : "0x" + HexFormat.of().formatHex(b, 0, 64) + "...(" + b.length + " bytes)";
    }
}
