package io.scratchbird.wire.codec;

import io.scratchbird.types.JsonDocument;
import io.scratchbird.types.JsonSyntaxException;

import java.util.function.Function;

/**
 * {@code json} (OID 114) and {@code jsonb} (OID 3802): text the JSON itself, binary the same text
 * length-prefixed (spec 10.7: there is no binary JSONB on the wire). Decoding checks the syntax
 * and keeps the text verbatim.
 */
final class JsonCodec<T extends JsonDocument> extends TextBackedCodec<T> {

    private final Function<String, T> factory;

    JsonCodec(int oid, String typeName, Class<T> javaType, Function<String, T> factory) {
        super(oid, typeName, javaType);
        this.factory = factory;
    }

    @Override
    String encodeTextValue(T value) {
        return value.text();
    }

    @Override
    T decodeTextValue(String text) {
        try {
            return factory.apply(text);
        } catch (JsonSyntaxException e) {
            throw reject(e.offset(), "invalid JSON: " + e.reason());
        }
    }
}
