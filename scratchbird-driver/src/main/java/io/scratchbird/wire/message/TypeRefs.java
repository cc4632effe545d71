package io.scratchbird.wire.message;

import io.scratchbird.wire.codec.TypeOids;

import java.util.UUID;

/**
 * Maps SBWP type OIDs to P1 canonical type references and back (spec 10.6).
 *
 * <p>{@link #upstream(int)} is the upstream server's mapping: only bool, int4, int8, float8,
 * numeric and "unknown" have their own reference; everything else is text (8, 1).
 *
 * <p>{@link #declared} is this project's richer mapping, used when a server reports declared
 * types. It uses the canonical family/code registry of spec 10.6, and stays readable by the
 * upstream drivers (which map the six references above and fall back to text for the rest):
 * <ul>
 *   <li>float4 is (6, 2) with {@code length_bytes} 4 (modifier bit 4), because on the wire (6, 2)
 *       means float8 (spec 10.6 "Disagreement");</li>
 *   <li>numeric carries precision and scale (modifier bits 0, 1); varchar its length in
 *       characters (bit 3); timestamptz and timetz time-zone policy 1 (bit 10);</li>
 *   <li>vector (22, 1) carries its dimension as precision (bit 0);</li>
 *   <li>ranges (17, 1) and arrays (15, 1, rank 1) name their element type with a synthetic
 *       element descriptor UUID whose low 32 bits are the element OID (bit 8).</li>
 * </ul>
 */
public final class TypeRefs {

    public static final long MOD_PRECISION = 1L;
    public static final long MOD_SCALE = 1L << 1;
    public static final long MOD_LENGTH_CHARS = 1L << 3;
    public static final long MOD_LENGTH_BYTES = 1L << 4;
    public static final long MOD_ELEMENT = 1L << 8;
    public static final long MOD_ARRAY_RANK = 1L << 9;
    public static final long MOD_TIME_ZONE = 1L << 10;

    private static final UUID ZERO = new UUID(0, 0);

    private TypeRefs() {
    }

    /** The upstream server's OID → reference mapping (byte-compatible). */
    public static TypeRef upstream(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> TypeRef.of(1, 1);
            case TypeOids.INT4 -> TypeRef.of(2, 3);
            case TypeOids.INT8 -> TypeRef.of(2, 4);
            case TypeOids.FLOAT8 -> TypeRef.of(6, 2);
            case TypeOids.NUMERIC -> TypeRef.of(4, 1);
            case TypeOids.UNSPECIFIED -> TypeRef.UNKNOWN;
            default -> TypeRef.of(8, 1);
        };
    }

    /**
     * This project's mapping of a declared type.
     *
     * @param precision numeric precision, varchar length, or vector dimension; 0 when unknown
     * @param scale     numeric scale
     */
    public static TypeRef declared(int oid, long precision, int scale) {
        int element = elementOf(oid);
        if (element != 0) {
            return with(TypeRef.of(15, 1), MOD_ARRAY_RANK | MOD_ELEMENT, 0, 0, 0, 0, 1, element, 0);
        }
        return switch (oid) {
            case TypeOids.BOOL -> TypeRef.of(1, 1);
            case TypeOids.INT2 -> TypeRef.of(2, 2);
            case TypeOids.INT4 -> TypeRef.of(2, 3);
            case TypeOids.INT8 -> TypeRef.of(2, 4);
            case TypeOids.FLOAT4 -> with(TypeRef.of(6, 2), MOD_LENGTH_BYTES, 0, 0, 0, 4, 0, 0, 0);
            case TypeOids.FLOAT8 -> TypeRef.of(6, 2);
            case TypeOids.NUMERIC -> precision > 0
                    ? with(TypeRef.of(4, 1), MOD_PRECISION | MOD_SCALE, precision, scale, 0, 0, 0, 0, 0)
                    : TypeRef.of(4, 1);
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> precision > 0
                    ? with(TypeRef.of(8, 1), MOD_LENGTH_CHARS, 0, 0, precision, 0, 0, 0, 0)
                    : TypeRef.of(8, 1);
            case TypeOids.TEXT, TypeOids.CHAR -> TypeRef.of(8, 1);
            case TypeOids.BYTEA -> TypeRef.of(9, 1);
            case TypeOids.DATE -> TypeRef.of(11, 1);
            case TypeOids.TIME -> TypeRef.of(11, 2);
            case TypeOids.TIMETZ -> with(TypeRef.of(11, 2), MOD_TIME_ZONE, 0, 0, 0, 0, 0, 0, 1);
            case TypeOids.TIMESTAMP -> TypeRef.of(11, 3);
            case TypeOids.TIMESTAMPTZ -> with(TypeRef.of(11, 3), MOD_TIME_ZONE, 0, 0, 0, 0, 0, 0, 1);
            case TypeOids.INTERVAL -> TypeRef.of(12, 1);
            case TypeOids.UUID -> TypeRef.of(13, 1);
            case TypeOids.JSON -> TypeRef.of(20, 2);
            case TypeOids.JSONB -> TypeRef.of(20, 3);
            case TypeOids.XML -> TypeRef.of(20, 5);
            case TypeOids.POINT -> TypeRef.of(21, 1);
            case TypeOids.VECTOR -> precision > 0
                    ? with(TypeRef.of(22, 1), MOD_PRECISION, precision, 0, 0, 0, 0, 0, 0)
                    : TypeRef.of(22, 1);
            case TypeOids.INT4RANGE -> range(TypeOids.INT4);
            case TypeOids.INT8RANGE -> range(TypeOids.INT8);
            case TypeOids.NUMRANGE -> range(TypeOids.NUMERIC);
            case TypeOids.DATERANGE -> range(TypeOids.DATE);
            case TypeOids.TSRANGE -> range(TypeOids.TIMESTAMP);
            case TypeOids.TSTZRANGE -> range(TypeOids.TIMESTAMPTZ);
            case TypeOids.UNSPECIFIED -> TypeRef.UNKNOWN;
            default -> TypeRef.of(8, 1);
        };
    }

    /**
     * The OID a reference denotes: the inverse of {@link #declared}, which also reads the
     * upstream server's references correctly. Unknown references are text (25), as the drivers do.
     */
    public static int oidOf(TypeRef t) {
        long mods = t.modifierBitmap();
        int element = (mods & MOD_ELEMENT) != 0 ? (int) t.elementDescriptorId().getLeastSignificantBits() : 0;
        boolean zoned = (mods & MOD_TIME_ZONE) != 0 && t.timeZonePolicy() != 0;
        return switch (t.family()) {
            case 0 -> TypeOids.UNSPECIFIED;
            case 1 -> TypeOids.BOOL;
            case 2 -> switch (t.code()) {
                case 1, 2 -> TypeOids.INT2;
                case 3 -> TypeOids.INT4;
                case 4 -> TypeOids.INT8;
                default -> TypeOids.NUMERIC;
            };
            case 4 -> TypeOids.NUMERIC;
            case 6 -> (mods & MOD_LENGTH_BYTES) != 0 && t.lengthBytes() == 4 ? TypeOids.FLOAT4 : TypeOids.FLOAT8;
            case 8 -> (mods & MOD_LENGTH_CHARS) != 0 ? TypeOids.VARCHAR : TypeOids.TEXT;
            case 9 -> TypeOids.BYTEA;
            case 11 -> switch (t.code()) {
                case 1 -> TypeOids.DATE;
                case 2 -> zoned ? TypeOids.TIMETZ : TypeOids.TIME;
                default -> zoned ? TypeOids.TIMESTAMPTZ : TypeOids.TIMESTAMP;
            };
            case 12 -> TypeOids.INTERVAL;
            case 13 -> TypeOids.UUID;
            case 15 -> arrayOf(element);
            case 17 -> rangeOf(element);
            case 20 -> switch (t.code()) {
                case 3 -> TypeOids.JSONB;
                case 5 -> TypeOids.XML;
                default -> TypeOids.JSON;
            };
            case 21 -> TypeOids.POINT;
            case 22 -> TypeOids.VECTOR;
            default -> TypeOids.TEXT;
        };
    }

    private static TypeRef range(int elementOid) {
        return with(TypeRef.of(17, 1), MOD_ELEMENT, 0, 0, 0, 0, 0, elementOid, 0);
    }

    private static TypeRef with(TypeRef base, long mods, long precision, int scale, long lengthChars, long lengthBytes,
                                int arrayRank, int elementOid, int timeZonePolicy) {
        return new TypeRef(base.family(), base.code(), base.typeVersion(), base.typeFlags(), ZERO, ZERO,
                elementOid == 0 ? ZERO : new UUID(0, elementOid), base.descriptorVersion(), arrayRank, mods, precision, scale,
                0, lengthChars, lengthBytes, ZERO, ZERO, timeZonePolicy, 0, 0, 0);
    }

    private static int rangeOf(int element) {
        return switch (element) {
            case TypeOids.INT4 -> TypeOids.INT4RANGE;
            case TypeOids.INT8 -> TypeOids.INT8RANGE;
            case TypeOids.NUMERIC -> TypeOids.NUMRANGE;
            case TypeOids.DATE -> TypeOids.DATERANGE;
            case TypeOids.TIMESTAMP -> TypeOids.TSRANGE;
            case TypeOids.TIMESTAMPTZ -> TypeOids.TSTZRANGE;
            default -> TypeOids.TEXT;
        };
    }

    /** Element OID of an array OID, or 0. */
    public static int elementOf(int arrayOid) {
        return switch (arrayOid) {
            case TypeOids.BOOL_ARRAY -> TypeOids.BOOL;
            case TypeOids.BYTEA_ARRAY -> TypeOids.BYTEA;
            case TypeOids.INT2_ARRAY -> TypeOids.INT2;
            case TypeOids.INT4_ARRAY -> TypeOids.INT4;
            case TypeOids.TEXT_ARRAY -> TypeOids.TEXT;
            case TypeOids.VARCHAR_ARRAY -> TypeOids.VARCHAR;
            case TypeOids.INT8_ARRAY -> TypeOids.INT8;
            case TypeOids.FLOAT4_ARRAY -> TypeOids.FLOAT4;
            case TypeOids.FLOAT8_ARRAY -> TypeOids.FLOAT8;
            case TypeOids.TIMESTAMP_ARRAY -> TypeOids.TIMESTAMP;
            case TypeOids.DATE_ARRAY -> TypeOids.DATE;
            case TypeOids.TIME_ARRAY -> TypeOids.TIME;
            case TypeOids.TIMESTAMPTZ_ARRAY -> TypeOids.TIMESTAMPTZ;
            case TypeOids.NUMERIC_ARRAY -> TypeOids.NUMERIC;
            case TypeOids.TIMETZ_ARRAY -> TypeOids.TIMETZ;
            case TypeOids.UUID_ARRAY -> TypeOids.UUID;
            default -> 0;
        };
    }

    private static int arrayOf(int element) {
        for (int a : new int[]{TypeOids.BOOL_ARRAY, TypeOids.BYTEA_ARRAY, TypeOids.INT2_ARRAY, TypeOids.INT4_ARRAY,
                TypeOids.TEXT_ARRAY, TypeOids.VARCHAR_ARRAY, TypeOids.INT8_ARRAY, TypeOids.FLOAT4_ARRAY, TypeOids.FLOAT8_ARRAY,
                TypeOids.TIMESTAMP_ARRAY, TypeOids.DATE_ARRAY, TypeOids.TIME_ARRAY, TypeOids.TIMESTAMPTZ_ARRAY,
                TypeOids.NUMERIC_ARRAY, TypeOids.TIMETZ_ARRAY, TypeOids.UUID_ARRAY}) {
            if (elementOf(a) == element) {
                return a;
            }
        }
        return TypeOids.TEXT_ARRAY;
    }
}
