package io.scratchbird.types;

/** A value of SQL type {@code json} (OID 114): syntax-checked JSON text, kept verbatim. */
public final class Json extends JsonDocument {

    private Json(String text) {
        super(text);
    }

    /** @throws JsonSyntaxException when {@code text} is not valid JSON */
    public static Json of(String text) {
        return new Json(text);
    }
}
