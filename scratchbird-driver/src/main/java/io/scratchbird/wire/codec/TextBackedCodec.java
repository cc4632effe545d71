package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * A type whose binary form is its text form with a {@code u32} length prefix (text-like types,
 * numeric, json, jsonb, vector, arrays: spec 10.1). Subclasses only implement the text form.
 */
abstract class TextBackedCodec<T> extends BaseCodec<T> {

    TextBackedCodec(int oid, String typeName, Class<T> javaType) {
        super(oid, typeName, javaType);
    }

    @Override
    final byte[] encodeBinaryValue(T value) {
        return LengthPrefix.wrap(Utf8.encode(typeName(), encodeTextValue(value)));
    }

    @Override
    final T decodeBinaryValue(byte[] buf, int offset, int length) {
        int bodyLength = LengthPrefix.bodyLength(typeName(), buf, offset, length);
        String text = Utf8.decode(typeName(), buf, offset + LengthPrefix.SIZE, bodyLength, LengthPrefix.SIZE);
        try {
            return decodeTextValue(text);
        } catch (ValueFormatException e) {
            // The text parser counts characters; in the binary form the offset must count bytes.
            int chars = (int) Math.min(e.offset(), text.length());
            throw Rejections.moved(e, LengthPrefix.SIZE + Utf8.byteOffset(text, chars));
        }
    }
}
