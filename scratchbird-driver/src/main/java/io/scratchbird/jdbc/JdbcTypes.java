package io.scratchbird.jdbc;

import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.message.TypeRefs;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * What JDBC reports for each SBWP type: the {@link Types} code, the type name (SBsql / PgJDBC
 * spelling: {@code bigint}, never {@code int8} — SBsql's INT8 is an 8-bit integer), the Java
 * class {@code getObject} returns, and display sizes.
 */
public final class JdbcTypes {

    private JdbcTypes() {
    }

    public static int sqlType(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> Types.BOOLEAN;
            case TypeOids.INT2 -> Types.SMALLINT;
            case TypeOids.INT4 -> Types.INTEGER;
            case TypeOids.INT8 -> Types.BIGINT;
            case TypeOids.FLOAT4 -> Types.REAL;
            case TypeOids.FLOAT8 -> Types.DOUBLE;
            case TypeOids.NUMERIC -> Types.NUMERIC;
            case TypeOids.CHAR, TypeOids.BPCHAR -> Types.CHAR;
            case TypeOids.VARCHAR, TypeOids.TEXT -> Types.VARCHAR;
            case TypeOids.BYTEA -> Types.BINARY;
            case TypeOids.DATE -> Types.DATE;
            case TypeOids.TIME -> Types.TIME;
            case TypeOids.TIMETZ -> Types.TIME_WITH_TIMEZONE;
            case TypeOids.TIMESTAMP -> Types.TIMESTAMP;
            case TypeOids.TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case TypeOids.XML -> Types.SQLXML;
            default -> TypeRefs.elementOf(oid) != 0 ? Types.ARRAY : Types.OTHER;
        };
    }

    public static String typeName(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> "boolean";
            case TypeOids.INT2 -> "smallint";
            case TypeOids.INT4 -> "integer";
            case TypeOids.INT8 -> "bigint";
            case TypeOids.FLOAT4 -> "real";
            case TypeOids.FLOAT8 -> "double precision";
            case TypeOids.NUMERIC -> "numeric";
            case TypeOids.CHAR -> "char";
            case TypeOids.BPCHAR -> "char";
            case TypeOids.VARCHAR -> "varchar";
            case TypeOids.TEXT -> "text";
            case TypeOids.BYTEA -> "bytea";
            case TypeOids.DATE -> "date";
            case TypeOids.TIME -> "time";
            case TypeOids.TIMETZ -> "timetz";
            case TypeOids.TIMESTAMP -> "timestamp";
            case TypeOids.TIMESTAMPTZ -> "timestamptz";
            case TypeOids.INTERVAL -> "interval";
            case TypeOids.UUID -> "uuid";
            case TypeOids.JSON -> "json";
            case TypeOids.JSONB -> "jsonb";
            case TypeOids.XML -> "xml";
            case TypeOids.POINT -> "geometry";
            case TypeOids.VECTOR -> "vector";
            case TypeOids.INT4RANGE -> "int4range";
            case TypeOids.INT8RANGE -> "int8range";
            case TypeOids.NUMRANGE -> "numrange";
            case TypeOids.DATERANGE -> "daterange";
            case TypeOids.TSRANGE -> "tsrange";
            case TypeOids.TSTZRANGE -> "tstzrange";
            case TypeOids.UNSPECIFIED -> "unknown";
            default -> {
                int element = TypeRefs.elementOf(oid);
                yield element != 0 ? "_" + typeName(element) : "unknown";
            }
        };
    }

    public static Class<?> javaClass(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> Boolean.class;
            case TypeOids.INT2, TypeOids.INT4 -> Integer.class;   // JDBC 4.3 table B-3 maps SMALLINT to Integer
            case TypeOids.INT8 -> Long.class;
            case TypeOids.FLOAT4 -> Float.class;
            case TypeOids.FLOAT8 -> Double.class;
            case TypeOids.NUMERIC -> BigDecimal.class;
            case TypeOids.BYTEA -> byte[].class;
            case TypeOids.DATE -> java.sql.Date.class;
            case TypeOids.TIME -> java.sql.Time.class;
            case TypeOids.TIMETZ -> OffsetTime.class;
            case TypeOids.TIMESTAMP -> java.sql.Timestamp.class;
            case TypeOids.TIMESTAMPTZ -> OffsetDateTime.class;
            case TypeOids.INTERVAL -> Interval.class;
            case TypeOids.UUID -> UUID.class;
            case TypeOids.JSON -> Json.class;
            case TypeOids.JSONB -> Jsonb.class;
            case TypeOids.POINT -> Geometry.class;
            case TypeOids.VECTOR -> Vector.class;
            case TypeOids.INT4RANGE, TypeOids.INT8RANGE, TypeOids.NUMRANGE, TypeOids.DATERANGE, TypeOids.TSRANGE,
                 TypeOids.TSTZRANGE -> Range.class;
            default -> TypeRefs.elementOf(oid) != 0 ? java.sql.Array.class : String.class;
        };
    }

    /** The OID a value is bound with when {@code setObject} gets it without a target type. */
    public static int oidOfValue(Object x) {
        if (x instanceof Boolean) {
            return TypeOids.BOOL;
        } else if (x instanceof Short || x instanceof Byte) {
            return TypeOids.INT2;
        } else if (x instanceof Integer) {
            return TypeOids.INT4;
        } else if (x instanceof Long) {
            return TypeOids.INT8;
        } else if (x instanceof Float) {
            return TypeOids.FLOAT4;
        } else if (x instanceof Double) {
            return TypeOids.FLOAT8;
        } else if (x instanceof BigDecimal || x instanceof java.math.BigInteger) {
            return TypeOids.NUMERIC;
        } else if (x instanceof byte[]) {
            return TypeOids.BYTEA;
        } else if (x instanceof LocalDate || x instanceof java.sql.Date) {
            return TypeOids.DATE;
        } else if (x instanceof LocalTime || x instanceof java.sql.Time) {
            return TypeOids.TIME;
        } else if (x instanceof OffsetTime) {
            return TypeOids.TIMETZ;
        } else if (x instanceof LocalDateTime || x instanceof java.sql.Timestamp) {
            return TypeOids.TIMESTAMP;
        } else if (x instanceof OffsetDateTime || x instanceof java.time.ZonedDateTime || x instanceof java.time.Instant) {
            return TypeOids.TIMESTAMPTZ;
        } else if (x instanceof Interval || x instanceof java.time.Duration || x instanceof java.time.Period) {
            return TypeOids.INTERVAL;
        } else if (x instanceof UUID) {
            return TypeOids.UUID;
        } else if (x instanceof Jsonb) {
            return TypeOids.JSONB;
        } else if (x instanceof Json) {
            return TypeOids.JSON;
        } else if (x instanceof Geometry) {
            return TypeOids.POINT;
        } else if (x instanceof Vector || x instanceof float[]) {
            return TypeOids.VECTOR;
        } else if (x instanceof Range<?> r) {
            return rangeOid(r);
        }
        return TypeOids.UNSPECIFIED;
    }

    /** The range type from its bounds' Java class; an empty or fully unbounded range is untyped text. */
    static int rangeOid(Range<?> r) {
        Object bound = r.lower() != null ? r.lower() : r.upper();
        if (bound instanceof Integer) {
            return TypeOids.INT4RANGE;
        } else if (bound instanceof Long) {
            return TypeOids.INT8RANGE;
        } else if (bound instanceof BigDecimal) {
            return TypeOids.NUMRANGE;
        } else if (bound instanceof LocalDate) {
            return TypeOids.DATERANGE;
        } else if (bound instanceof LocalDateTime) {
            return TypeOids.TSRANGE;
        } else if (bound instanceof OffsetDateTime) {
            return TypeOids.TSTZRANGE;
        }
        return TypeOids.UNSPECIFIED;
    }

    /** The OID for a {@link Types} code given to setNull / setObject. */
    public static int oidOfSqlType(int sqlType) {
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> TypeOids.BOOL;
            case Types.TINYINT, Types.SMALLINT -> TypeOids.INT2;
            case Types.INTEGER -> TypeOids.INT4;
            case Types.BIGINT -> TypeOids.INT8;
            case Types.REAL -> TypeOids.FLOAT4;
            case Types.FLOAT, Types.DOUBLE -> TypeOids.FLOAT8;
            case Types.NUMERIC, Types.DECIMAL -> TypeOids.NUMERIC;
            case Types.CHAR, Types.NCHAR -> TypeOids.BPCHAR;
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> TypeOids.VARCHAR;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> TypeOids.BYTEA;
            case Types.DATE -> TypeOids.DATE;
            case Types.TIME -> TypeOids.TIME;
            case Types.TIME_WITH_TIMEZONE -> TypeOids.TIMETZ;
            case Types.TIMESTAMP -> TypeOids.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TypeOids.TIMESTAMPTZ;
            case Types.SQLXML -> TypeOids.XML;
            default -> TypeOids.UNSPECIFIED;
        };
    }

    /** Maximum characters to display a value of this type (ResultSetMetaData#getColumnDisplaySize). */
    public static int displaySize(int oid, long precision) {
        return switch (oid) {
            case TypeOids.BOOL -> 5;
            case TypeOids.INT2 -> 6;
            case TypeOids.INT4 -> 11;
            case TypeOids.INT8 -> 20;
            case TypeOids.FLOAT4 -> 15;
            case TypeOids.FLOAT8 -> 25;
            case TypeOids.DATE -> 13;
            case TypeOids.TIME -> 15;
            case TypeOids.TIMETZ -> 21;
            case TypeOids.TIMESTAMP -> 29;
            case TypeOids.TIMESTAMPTZ -> 35;
            case TypeOids.UUID -> 36;
            case TypeOids.NUMERIC -> precision > 0 ? (int) precision + 2 : 131089;
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> precision > 0 ? (int) precision : Integer.MAX_VALUE;
            default -> Integer.MAX_VALUE;
        };
    }

    /** Precision reported by ResultSetMetaData#getPrecision (PgJDBC-like). */
    public static int precision(int oid, long declared) {
        return switch (oid) {
            case TypeOids.BOOL -> 1;
            case TypeOids.INT2 -> 5;
            case TypeOids.INT4 -> 10;
            case TypeOids.INT8 -> 19;
            case TypeOids.FLOAT4 -> 8;
            case TypeOids.FLOAT8 -> 17;
            case TypeOids.DATE -> 13;
            case TypeOids.TIME -> 15;
            case TypeOids.TIMESTAMP -> 29;
            case TypeOids.TIMESTAMPTZ -> 35;
            case TypeOids.UUID -> 36;
            default -> declared > 0 && declared < Integer.MAX_VALUE ? (int) declared : 0;
        };
    }
}
