package io.scratchbird.types;

/**
 * A value of SQL type {@code jsonb} (OID 3802): syntax-checked JSON text, kept verbatim. On the
 * wire jsonb is JSON text too (spec 10.7); the server does the normalising.
 */
public final class Jsonb extends JsonDocument {

    private Jsonb(String text) {
        super(text);
    }

    /** @throws JsonSyntaxException when {@code text} is not valid JSON */
    public static Jsonb of(String text) {
        return new Jsonb(text);
    }
}
