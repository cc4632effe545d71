package io.scratchbird.types;

import java.util.Objects;

/**
 * JSON text checked for RFC 8259 syntax and kept verbatim (whitespace, key order and number
 * spelling untouched): the common part of {@link Json} and {@link Jsonb}, which differ only in the
 * SQL type they are sent as. Equality is text equality within the same type.
 */
public abstract sealed class JsonDocument permits Json, Jsonb {

    private final String text;

    JsonDocument(String text) {
        JsonScanner.check(Objects.requireNonNull(text, "text"));
        this.text = text;
    }

    /** The JSON text exactly as given. */
    public final String text() {
        return text;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && text.equals(((JsonDocument) o).text);
    }

    @Override
    public final int hashCode() {
        return text.hashCode();
    }

    /** The JSON text. */
    @Override
    public final String toString() {
        return text;
    }
}
