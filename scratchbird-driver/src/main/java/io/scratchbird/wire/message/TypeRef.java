package io.scratchbird.wire.message;

import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * The 144-byte canonical type reference of P1 descriptors (spec 10.6). Family and code identify
 * the type; the other fields carry modifiers the server sets when {@link #modifierBitmap} says so.
 */
public record TypeRef(int family, int code, int typeVersion, int typeFlags, UUID descriptorId, UUID domainId,
                      UUID elementDescriptorId, int descriptorVersion, int arrayRank, long modifierBitmap,
                      long precision, int scale, int datetimePrecision, long lengthChars, long lengthBytes,
                      UUID charsetId, UUID collationId, int timeZonePolicy, int calendarPolicy,
                      int numericLocalePolicy, int reserved) {

    public static final int SIZE = 144;
    private static final UUID ZERO = new UUID(0, 0);

    /** Family 0 (unknown), version fields 0, as the server writes for OID 0. */
    public static final TypeRef UNKNOWN = of(0, 0);

    /** A reference with only family and code set; type and descriptor versions are 1 unless family is 0. */
    public static TypeRef of(int family, int code) {
        int version = family == 0 ? 0 : 1;
        return new TypeRef(family, code, version, 0, ZERO, ZERO, ZERO, version, 0, 0, 0, 0, 0, 0, 0, ZERO, ZERO, 0, 0, 0, 0);
    }

    void writeTo(PayloadWriter out) {
        out.u16(family).u16(code).u16(typeVersion).u16(typeFlags).uuid(descriptorId).uuid(domainId)
                .uuid(elementDescriptorId).i32(descriptorVersion).i32(arrayRank).i64(modifierBitmap)
                .i64(precision).i32(scale).i32(datetimePrecision).i64(lengthChars).i64(lengthBytes)
                .uuid(charsetId).uuid(collationId).u16(timeZonePolicy).u16(calendarPolicy)
                .u16(numericLocalePolicy).u16(reserved);
    }

    static TypeRef decode(PayloadReader r, String field) {
        return new TypeRef(r.u16(field + ".type_family"), r.u16(field + ".type_code"), r.u16(field + ".type_version"),
                r.u16(field + ".type_flags"), r.uuid(field + ".descriptor_uuid"), r.uuid(field + ".domain_uuid"),
                r.uuid(field + ".element_descriptor_uuid"), r.i32(field + ".descriptor_version"),
                r.i32(field + ".array_rank"), r.i64(field + ".modifier_bitmap"), r.i64(field + ".precision"),
                r.i32(field + ".scale"), r.i32(field + ".datetime_precision"), r.i64(field + ".length_chars"),
                r.i64(field + ".length_bytes"), r.uuid(field + ".charset_uuid"), r.uuid(field + ".collation_uuid"),
                r.u16(field + ".timezone_policy"), r.u16(field + ".calendar_policy"),
                r.u16(field + ".numeric_locale_policy"), r.u16(field + ".reserved"));
    }
}
