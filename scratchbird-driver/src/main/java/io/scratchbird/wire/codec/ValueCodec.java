package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * Encodes and decodes the values of one SBWP type in both wire forms: text (format code 0) and
 * binary (format code 1, spec 10.1/10.3/10.7). One implementation per type, shared by the driver
 * and the embedded server; codecs are stateless and thread-safe.
 *
 * <p>SQL NULL never reaches a codec: NULL is a length of -1 (BIND) or a null-bitmap bit
 * (DATA_ROW). Decoders reject malformed input with a {@link ValueFormatException}; they never
 * throw index or null-pointer exceptions and never allocate more than the input justifies.
 *
 * @param <T> the Java type values decode to
 */
public interface ValueCodec<T> {

    int FORMAT_TEXT = 0;
    int FORMAT_BINARY = 1;

    /** The type's OID (see {@link TypeOids}). */
    int oid();

    /** SBsql / wire type name, e.g. {@code int4}, {@code timestamptz}, {@code vector}. */
    String typeName();

    /** The Java class values decode to. */
    Class<T> javaType();

    byte[] encodeBinary(T value);

    T decodeBinary(byte[] buf, int offset, int length);

    default T decodeBinary(byte[] value) {
        return decodeBinary(value, 0, value.length);
    }

    String encodeText(T value);

    T decodeText(String text);

    /** Decodes from a UTF-8 text value held in a byte slice (the DATA_ROW text form). */
    default T decodeText(byte[] buf, int offset, int length) {
        return decodeText(new String(buf, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    default T decode(int format, byte[] buf, int offset, int length) {
        return format == FORMAT_BINARY ? decodeBinary(buf, offset, length) : decodeText(buf, offset, length);
    }

    default byte[] encode(int format, T value) {
        return format == FORMAT_BINARY ? encodeBinary(value)
                : encodeText(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
