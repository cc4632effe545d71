package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.util.Objects;

/**
 * What every codec shares: its identity (OID, wire name, Java type) and the checks every call
 * makes before the type-specific work: no NULL values (NULL travels as length -1, never through a
 * codec), no values of the wrong class (a raw-typed caller gets a {@link ValueFormatException}
 * instead of a {@code ClassCastException}), slices inside their buffer, and strict UTF-8 for text
 * held in bytes.
 *
 * @param <T> the Java type values decode to
 */
abstract class BaseCodec<T> implements ValueCodec<T> {

    private final int oid;
    private final String typeName;
    private final Class<T> javaType;

    BaseCodec(int oid, String typeName, Class<T> javaType) {
        this.oid = oid;
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    @Override
    public final int oid() {
        return oid;
    }

    @Override
    public final String typeName() {
        return typeName;
    }

    @Override
    public final Class<T> javaType() {
        return javaType;
    }

    @Override
    public final byte[] encodeBinary(T value) {
        return encodeBinaryValue(checked(value));
    }

    /** @throws IndexOutOfBoundsException when the slice lies outside {@code buf} (a caller bug, not bad input) */
    @Override
    public final T decodeBinary(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        return decodeBinaryValue(buf, offset, length);
    }

    @Override
    public final String encodeText(T value) {
        return encodeTextValue(checked(value));
    }

    @Override
    public final T decodeText(String text) {
        if (text == null) {
            throw reject(0, "NULL is sent as length -1, not decoded as text");
        }
        return decodeTextValue(text);
    }

    /** Unlike the interface default, malformed UTF-8 is rejected rather than replaced by U+FFFD. */
    @Override
    public final T decodeText(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        return decodeTextValue(Utf8.decode(typeName, buf, offset, length, 0));
    }

    /** Unlike the interface default, text that cannot be UTF-8 (an unpaired surrogate) is rejected, not sent as '?'. */
    @Override
    public final byte[] encode(int format, T value) {
        return format == FORMAT_BINARY ? encodeBinary(value) : Utf8.encode(typeName, encodeText(value));
    }

    /** @param value never null and always an instance of {@link #javaType()} */
    abstract byte[] encodeBinaryValue(T value);

    /** @param offset,length a slice already checked to lie inside {@code buf} */
    abstract T decodeBinaryValue(byte[] buf, int offset, int length);

    /** @param value never null and always an instance of {@link #javaType()} */
    abstract String encodeTextValue(T value);

    /** @param text never null */
    abstract T decodeTextValue(String text);

    final ValueFormatException reject(long offset, String detail) {
        return new ValueFormatException(typeName, offset, detail);
    }

    /** For fixed-width binary forms: any other length is rejected before a byte is read. */
    final void requireLength(int length, int expected) {
        if (length != expected) {
            throw reject(Math.min(length, expected), "binary form is " + expected + " byte(s), got " + length);
        }
    }

    private T checked(T value) {
        if (value == null) {
            throw reject(0, "cannot encode NULL: NULL is sent as length -1");
        }
        if (!javaType.isInstance(value)) {
            throw reject(0, "cannot encode a " + value.getClass().getName() + "; expected " + javaType.getName());
        }
        return value;
    }
}
