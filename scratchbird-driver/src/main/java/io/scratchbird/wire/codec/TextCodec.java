package io.scratchbird.wire.codec;

/**
 * The character types {@code text}, {@code varchar}, {@code bpchar}, {@code char} and {@code xml}:
 * the text form is the string itself, the binary form its UTF-8 bytes length-prefixed. One
 * instance per OID.
 */
final class TextCodec extends TextBackedCodec<String> {

    TextCodec(int oid, String typeName) {
        super(oid, typeName, String.class);
    }

    @Override
    String encodeTextValue(String value) {
        return value;
    }

    @Override
    String decodeTextValue(String text) {
        return text;
    }
}
