package io.scratchbird.embedded.sql;

import io.scratchbird.wire.codec.TypeOids;

import java.util.Locale;

/**
 * The SBsql types the server reports, as {@link SqlType}s, and the mapping back from what storage
 * says about a value (an H2 type name, or a catalog row with its domain) to the declared SBsql type.
 *
 * <p>Names are SBsql spellings, never H2's. {@code int8} is SBsql's 8-bit integer: there is no
 * 1-byte wire type, so it travels as OID 21 (int2 width, values as {@link Short}); consumers must
 * pick codecs by OID, because the PostgreSQL name {@code int8} means a 64-bit integer.
 */
public final class SbTypes {

    public static final SqlType BOOLEAN = SqlType.of(TypeOids.BOOL, "boolean");
    /** SBsql INT8/INT1/TINYINT: 8-bit, carried as OID 21. */
    public static final SqlType TINY = SqlType.of(TypeOids.INT2, "int8");
    public static final SqlType SMALLINT = SqlType.of(TypeOids.INT2, "smallint");
    public static final SqlType INTEGER = SqlType.of(TypeOids.INT4, "integer");
    public static final SqlType BIGINT = SqlType.of(TypeOids.INT8, "bigint");
    public static final SqlType REAL = SqlType.of(TypeOids.FLOAT4, "real");
    public static final SqlType DOUBLE = SqlType.of(TypeOids.FLOAT8, "double precision");
    public static final SqlType NUMERIC = SqlType.of(TypeOids.NUMERIC, "numeric");
    public static final SqlType TEXT = SqlType.of(TypeOids.TEXT, "text");
    public static final SqlType VARCHAR = SqlType.of(TypeOids.VARCHAR, "varchar");
    public static final SqlType XML = SqlType.of(TypeOids.XML, "xml");
    public static final SqlType BYTEA = SqlType.of(TypeOids.BYTEA, "bytea");
    public static final SqlType DATE = SqlType.of(TypeOids.DATE, "date");
    public static final SqlType TIME = SqlType.of(TypeOids.TIME, "time");
    public static final SqlType TIMETZ = SqlType.of(TypeOids.TIMETZ, "time with time zone");
    public static final SqlType TIMESTAMP = SqlType.of(TypeOids.TIMESTAMP, "timestamp");
    public static final SqlType TIMESTAMPTZ = SqlType.of(TypeOids.TIMESTAMPTZ, "timestamptz");
    public static final SqlType INTERVAL = SqlType.of(TypeOids.INTERVAL, "interval");
    public static final SqlType UUID = SqlType.of(TypeOids.UUID, "uuid");
    public static final SqlType JSON = SqlType.of(TypeOids.JSON, "json");
    public static final SqlType JSONB = SqlType.of(TypeOids.JSONB, "jsonb");
    public static final SqlType INT4RANGE = SqlType.of(TypeOids.INT4RANGE, "int4range");
    public static final SqlType INT8RANGE = SqlType.of(TypeOids.INT8RANGE, "int8range");
    public static final SqlType NUMRANGE = SqlType.of(TypeOids.NUMRANGE, "numrange");
    public static final SqlType TSRANGE = SqlType.of(TypeOids.TSRANGE, "tsrange");
    public static final SqlType TSTZRANGE = SqlType.of(TypeOids.TSTZRANGE, "tstzrange");
    public static final SqlType DATERANGE = SqlType.of(TypeOids.DATERANGE, "daterange");
    /** Every geometry kind travels as OID 600 ({@code TypeOids.POINT}). */
    public static final SqlType GEOMETRY = SqlType.of(TypeOids.POINT, "geometry");
    public static final SqlType GEOGRAPHY = SqlType.of(TypeOids.POINT, "geography");
    public static final SqlType VECTOR = SqlType.of(TypeOids.VECTOR, "vector");

    private static final long H2_MAX_STRING_LENGTH = 1_000_000_000L;
    /** Storage type of continuous range text (see {@link #rangeStorage}). */
    public static final String CONTINUOUS_RANGE_STORAGE = "VARCHAR_IGNORECASE";

    private SbTypes() {
    }

    public static SqlType varchar(int length) {
        return new SqlType(TypeOids.VARCHAR, "varchar", length, 0, 0);
    }

    public static SqlType character(int length) {
        return new SqlType(TypeOids.BPCHAR, "char", length, 0, 0);
    }

    public static SqlType numeric(int precision, int scale) {
        return new SqlType(TypeOids.NUMERIC, "numeric", precision, scale, 0);
    }

    public static SqlType vector(int dimension) {
        return new SqlType(TypeOids.VECTOR, "vector", 0, 0, dimension);
    }

    /** {@code array<element>}, or null when the element type has no array OID on the wire. */
    public static SqlType arrayOf(SqlType element) {
        int oid = arrayOid(element.oid());
        return oid == 0 ? null : SqlType.of(oid, "array<" + displayName(element) + ">");
    }

    private static int arrayOid(int elementOid) {
        return switch (elementOid) {
            case TypeOids.BOOL -> TypeOids.BOOL_ARRAY;
            case TypeOids.BYTEA -> TypeOids.BYTEA_ARRAY;
            case TypeOids.INT2 -> TypeOids.INT2_ARRAY;
            case TypeOids.INT4 -> TypeOids.INT4_ARRAY;
            case TypeOids.INT8 -> TypeOids.INT8_ARRAY;
            case TypeOids.TEXT -> TypeOids.TEXT_ARRAY;
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> TypeOids.VARCHAR_ARRAY;
            case TypeOids.FLOAT4 -> TypeOids.FLOAT4_ARRAY;
            case TypeOids.FLOAT8 -> TypeOids.FLOAT8_ARRAY;
            case TypeOids.NUMERIC -> TypeOids.NUMERIC_ARRAY;
            case TypeOids.DATE -> TypeOids.DATE_ARRAY;
            case TypeOids.TIME -> TypeOids.TIME_ARRAY;
            case TypeOids.TIMETZ -> TypeOids.TIMETZ_ARRAY;
            case TypeOids.TIMESTAMP -> TypeOids.TIMESTAMP_ARRAY;
            case TypeOids.TIMESTAMPTZ -> TypeOids.TIMESTAMPTZ_ARRAY;
            case TypeOids.UUID -> TypeOids.UUID_ARRAY;
            default -> 0;
        };
    }

    /** The element type of an {@code array<…>} type. */
    public static SqlType elementOf(SqlType array) {
        String name = array.name();
        if (!name.startsWith("array<") || !name.endsWith(">")) {
            return TEXT;
        }
        try {
            return SbTypeParser.parseWhole(name.substring(6, name.length() - 1)).reported();
        } catch (EngineException e) {
            return TEXT;
        }
    }

    /** Whether the type is one of the six range types. */
    public static boolean isRange(SqlType type) {
        return switch (type.oid()) {
            case TypeOids.INT4RANGE, TypeOids.INT8RANGE, TypeOids.NUMRANGE, TypeOids.TSRANGE, TypeOids.TSTZRANGE,
                 TypeOids.DATERANGE -> true;
            default -> false;
        };
    }

    /** Continuous ranges compare bounds as they are; discrete ones (int4, int8, date) are canonicalised. */
    public static boolean isContinuousRange(SqlType type) {
        return type.oid() == TypeOids.NUMRANGE || type.oid() == TypeOids.TSRANGE || type.oid() == TypeOids.TSTZRANGE;
    }

    /** The storage type of a range type's text: a type of its own for the continuous ones. */
    public static String rangeStorage(SqlType range) {
        return isContinuousRange(range) ? CONTINUOUS_RANGE_STORAGE : "CHARACTER VARYING";
    }

    public static boolean isArray(SqlType type) {
        return type.name().startsWith("array<");
    }

    /** The type name with its modifiers, as catalog views show it: {@code varchar(20)}, {@code vector(3)}. */
    public static String displayName(SqlType t) {
        return switch (t.name()) {
            case "varchar", "char" -> t.precision() > 0 ? t.name() + "(" + t.precision() + ")" : t.name();
            case "numeric" -> t.precision() > 0 ? "numeric(" + t.precision() + "," + t.scale() + ")" : "numeric";
            case "vector" -> t.dimension() > 0 ? "vector(" + t.dimension() + ")" : "vector";
            default -> t.name();
        };
    }

    /** The SBsql type of a column stored with one of our domains (its name is the SBsql spelling). */
    public static SqlType fromDomain(String domainName) {
        try {
            return SbTypeParser.parseWhole(domainName).reported();
        } catch (EngineException e) {
            return TEXT;
        }
    }

    /**
     * The declared type of a table column from H2's catalog row.
     *
     * @param dataType     INFORMATION_SCHEMA.COLUMNS.DATA_TYPE
     * @param domainSchema null unless the column uses a domain
     */
    public static SqlType fromCatalog(String dataType, long length, int precision, int scale,
                                      String domainSchema, String domainName) {
        if (domainName != null && SystemSchemas.TYPES.equalsIgnoreCase(domainSchema)) {
            return fromDomain(domainName);
        }
        String type = dataType.toUpperCase(Locale.ROOT);
        if (type.equals("CHARACTER VARYING") || type.equals("VARCHAR_IGNORECASE")) {
            return varchar(length <= 0 || length >= H2_MAX_STRING_LENGTH ? 0 : (int) length);
        }
        if (type.equals("CHARACTER")) {
            return character((int) length);
        }
        return fromStorage(type, precision, scale);
    }

    /**
     * The SBsql type of a computed value from its H2 type name (as ResultSetMetaData reports it),
     * used when neither a table column nor the expression itself says more.
     */
    public static SqlType fromStorage(String h2TypeName, int precision, int scale) {
        String type = h2TypeName.toUpperCase(Locale.ROOT);
        if (type.endsWith(" ARRAY")) {
            SqlType array = arrayOf(fromStorage(type.substring(0, type.length() - 6), 0, 0));
            return array == null ? SqlType.of(TypeOids.TEXT_ARRAY, "array<text>") : array;
        }
        if (type.startsWith("INTERVAL")) {
            return INTERVAL;
        }
        return switch (type) {
            case "BOOLEAN" -> BOOLEAN;
            case "TINYINT" -> TINY;
            case "SMALLINT" -> SMALLINT;
            case "INTEGER" -> INTEGER;
            case "BIGINT" -> BIGINT;
            case "REAL" -> REAL;
            case "DOUBLE PRECISION" -> DOUBLE;
            case "NUMERIC", "DECIMAL" -> numeric(precision, scale);
            case "DECFLOAT" -> NUMERIC;
            case "CHARACTER" -> character(precision);
            case "BINARY", "BINARY VARYING", "BINARY LARGE OBJECT" -> BYTEA;
            case "DATE" -> DATE;
            case "TIME" -> TIME;
            case "TIME WITH TIME ZONE" -> TIMETZ;
            case "TIMESTAMP" -> TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> TIMESTAMPTZ;
            case "UUID" -> UUID;
            case "JSON" -> JSON;
            case "GEOMETRY" -> GEOMETRY;
            default -> TEXT;
        };
    }
}
