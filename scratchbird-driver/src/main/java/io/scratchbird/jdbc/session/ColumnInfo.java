package io.scratchbird.jdbc.session;

import io.scratchbird.wire.message.TypeRef;

/**
 * One result column as the server described it: label, wire type OID, value format (text or
 * binary, already translated from the P1 / legacy conventions), nullability and, for P1
 * sessions, the full type reference with its modifiers.
 */
public record ColumnInfo(String label, int oid, boolean binary, int nullability, TypeRef typeRef) {

    public static final int NULLABLE_UNKNOWN = 2;

    /** Precision / length / vector dimension from the reference's modifiers, or 0. */
    public long precision() {
        if (typeRef == null) {
            return 0;
        }
        return typeRef.lengthChars() != 0 ? typeRef.lengthChars() : typeRef.precision();
    }

    public int scale() {
        return typeRef == null ? 0 : typeRef.scale();
    }
}
