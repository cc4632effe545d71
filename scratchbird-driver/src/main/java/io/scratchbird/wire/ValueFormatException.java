package io.scratchbird.wire;

/**
 * A typed value (one cell of a row, one bound parameter) that its codec cannot decode or encode:
 * wrong binary length, unparsable text, a value out of the type's range. The offset counts from
 * the first byte of the value (for text input: the character index).
 */
public class ValueFormatException extends WireFormatException {

    private final String typeName;

    public ValueFormatException(String typeName, long offset, String detail) {
        super(Problem.INVALID_VALUE, offset, typeName + ": " + detail);
        this.typeName = typeName;
    }

    /** SBsql name of the type whose codec rejected the value, e.g. {@code int4} or {@code tstzrange}. */
    public String typeName() {
        return typeName;
    }
}
