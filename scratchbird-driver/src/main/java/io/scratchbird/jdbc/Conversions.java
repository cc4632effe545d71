package io.scratchbird.jdbc;

import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.ValueCodec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Converts a decoded column value (or its text, when the server typed the column as text) to
 * what a getter asks for. Lossy or impossible conversions fail with a {@link SQLDataException}
 * that names both types; nothing is silently truncated.
 */
final class Conversions {

    private Conversions() {
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return Codecs.BYTEA.encodeText(b);
        }
        if (v instanceof java.util.List<?> list) {
            return listText(list);
        }
        @SuppressWarnings("unchecked")
        ValueCodec<Object> codec = (ValueCodec<Object>) Codecs.byOid(JdbcTypes.oidOfValue(v));
        if (codec != null && !(v instanceof Float || v instanceof Double)) {
            return codec.encodeText(v);
        }
        return String.valueOf(v);
    }

    private static String listText(List<?> list) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object e = list.get(i);
            if (e == null) {
                sb.append("NULL");
            } else if (e instanceof List<?> inner) {
                sb.append(listText(inner));
            } else if (e instanceof Number || e instanceof Boolean) {
                sb.append(string(e));
            } else {
                sb.append('"').append(string(e).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    static boolean bool(Object v) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            if (n.doubleValue() == 1) {
                return true;
            }
            if (n.doubleValue() == 0) {
                return false;
            }
            throw cannot(v, "boolean");
        }
        if (v instanceof String s) {
            return parse(Codecs.BOOL, s.trim(), "boolean");
        }
        throw cannot(v, "boolean");
    }

    static long integral(Object v, long min, long max, String target) throws SQLException {
        long r;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            r = ((Number) v).longValue();
        } else if (v instanceof BigDecimal d) {
            r = exactLong(d, v, target);
        } else if (v instanceof BigInteger b) {
            r = exactLong(new BigDecimal(b), v, target);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(v, target);
            }
            r = exactLong(BigDecimal.valueOf(d), v, target);
        } else if (v instanceof Boolean b) {
            r = b ? 1 : 0;
        } else if (v instanceof String s) {
            r = exactLong(parse(Codecs.NUMERIC, s.trim(), target), v, target);
        } else {
            throw cannot(v, target);
        }
        if (r < min || r > max) {
            throw new SQLDataException("value " + r + " is out of range for " + target, "22003");
        }
        return r;
    }

    /** Integral values only: 2.5 does not become 2 (PgJDBC refuses too). */
    private static long exactLong(BigDecimal d, Object original, String target) throws SQLException {
        try {
            return d.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            if (d.stripTrailingZeros().scale() > 0) {
                throw new SQLDataException("value " + original + " is not an integer, cannot read it as " + target, "22003");
            }
            throw new SQLDataException("value " + original + " is out of range for " + target, "22003");
        }
    }

    static double doubleValue(Object v) throws SQLException {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return parse(Codecs.FLOAT8, s.trim(), "double");
        }
        throw cannot(v, "double");
    }

    static BigDecimal decimal(Object v) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(v, "BigDecimal");
            }
            return new BigDecimal(v.toString());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            return parse(Codecs.NUMERIC, s.trim(), "numeric");
        }
        throw cannot(v, "BigDecimal");
    }

    /** Integral values of any size (numeric(38,0)); 2.5 is refused like in {@link #integral}. */
    static BigInteger bigInteger(Object v) throws SQLException {
        BigDecimal d = decimal(v);
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new SQLDataException("value " + v + " is not an integer, cannot read it as BigInteger", "22003");
        }
    }

    static byte[] bytes(Object v) throws SQLException {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return parse(Codecs.BYTEA, s, "bytea");
        }
        throw cannot(v, "byte[]");
    }

    static LocalDate localDate(Object v) throws SQLException {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        }
        if (v instanceof String s) {
            String t = s.trim();
            return t.length() > 13 && !t.endsWith("BC") ? localDateTime(t).toLocalDate() : parse(Codecs.DATE, t, "date");
        }
        throw cannot(v, "date");
    }

    static LocalTime localTime(Object v) throws SQLException {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof OffsetTime t) {
            return t.toLocalTime();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime();
        }
        if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalTime();
        }
        if (v instanceof String s) {
            return parse(Codecs.TIME, s.trim(), "time");
        }
        throw cannot(v, "time");
    }

    static LocalDateTime localDateTime(Object v) throws SQLException {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (hasOffset(t)) {
                return localDateTime(parse(Codecs.TIMESTAMPTZ, t, "timestamptz"));
            }
            return t.length() <= 13 ? parse(Codecs.DATE, t, "date").atStartOfDay() : parse(Codecs.TIMESTAMP, t, "timestamp");
        }
        throw cannot(v, "timestamp");
    }

    static OffsetDateTime offsetDateTime(Object v) throws SQLException {
        if (v instanceof OffsetDateTime t) {
            return t;
        }
        if (v instanceof LocalDateTime t) {
            // a timestamp without time zone is read in the JVM's zone, as PgJDBC does
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (v instanceof String s) {
            String t = s.trim();
            return hasOffset(t) ? parse(Codecs.TIMESTAMPTZ, t, "timestamptz") : offsetDateTime(localDateTime(t));
        }
        throw cannot(v, "timestamptz");
    }

    static OffsetTime offsetTime(Object v) throws SQLException {
        if (v instanceof OffsetTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime t) {
            return t.toOffsetTime();
        }
        if (v instanceof LocalTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof String s) {
            return parse(Codecs.TIMETZ, s.trim(), "timetz");
        }
        throw cannot(v, "timetz");
    }

    private static boolean hasOffset(String t) {
        if (t.endsWith("Z") || t.endsWith("z")) {
            return true;
        }
        int time = Math.max(t.indexOf(' '), t.indexOf('T'));
        if (time < 0) {
            return false;
        }
        String rest = t.substring(time + 1);
        return rest.indexOf('+') >= 0 || rest.indexOf('-') >= 0;
    }

    static java.sql.Date sqlDate(Object v, Calendar cal) throws SQLException {
        LocalDate d = localDate(v);
        if (cal == null) {
            return java.sql.Date.valueOf(d);
        }
        return new java.sql.Date(d.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
    }

    static java.sql.Time sqlTime(Object v, Calendar cal) throws SQLException {
        if (v instanceof OffsetTime ot && cal == null) {
            return new java.sql.Time(ot.atDate(LocalDate.of(1970, 1, 1)).toInstant().toEpochMilli());
        }
        LocalTime t = localTime(v);
        if (cal == null) {
            return java.sql.Time.valueOf(t);
        }
        return new java.sql.Time(t.atDate(LocalDate.of(1970, 1, 1)).atZone(zone(cal)).toInstant().toEpochMilli());
    }

    static java.sql.Timestamp timestamp(Object v, Calendar cal) throws SQLException {
        if (v instanceof OffsetDateTime t) {
            return java.sql.Timestamp.from(t.toInstant());
        }
        if (v instanceof String s && hasOffset(s.trim())) {
            return java.sql.Timestamp.from(offsetDateTime(s).toInstant());
        }
        LocalDateTime t = localDateTime(v);
        if (cal == null) {
            return java.sql.Timestamp.valueOf(t);
        }
        return java.sql.Timestamp.from(t.atZone(zone(cal)).toInstant());
    }

    private static ZoneId zone(Calendar cal) {
        TimeZone tz = cal.getTimeZone();
        return tz == null ? ZoneId.systemDefault() : tz.toZoneId();
    }

    /** {@code getObject(column, type)}: the JDBC 4.2 conversions plus the ScratchBird value classes. */
    @SuppressWarnings("unchecked")
    static <T> T to(Object v, Class<T> type) throws SQLException {
        if (v == null) {
            return null;
        }
        if (type.isInstance(v) && !(v instanceof String && type != String.class)) {
            return type.cast(v);
        }
        Object r;
        if (type == String.class) {
            r = string(v);
        } else if (type == Boolean.class) {
            r = bool(v);
        } else if (type == Short.class) {
            r = (short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
        } else if (type == Byte.class) {
            r = (byte) integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        } else if (type == Integer.class) {
            r = (int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
        } else if (type == Long.class) {
            r = integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
        } else if (type == Float.class) {
            r = (float) doubleValue(v);
        } else if (type == Double.class) {
            r = doubleValue(v);
        } else if (type == BigDecimal.class) {
            r = decimal(v);
        } else if (type == BigInteger.class) {
            r = bigInteger(v);
        } else if (type == byte[].class) {
            r = bytes(v);
        } else if (type == LocalDate.class) {
            r = localDate(v);
        } else if (type == LocalTime.class) {
            r = localTime(v);
        } else if (type == LocalDateTime.class) {
            r = localDateTime(v);
        } else if (type == OffsetDateTime.class) {
            r = offsetDateTime(v);
        } else if (type == OffsetTime.class) {
            r = offsetTime(v);
        } else if (type == ZonedDateTime.class) {
            r = offsetDateTime(v).toZonedDateTime();
        } else if (type == Instant.class) {
            r = offsetDateTime(v).toInstant();
        } else if (type == java.sql.Date.class) {
            r = sqlDate(v, null);
        } else if (type == java.sql.Time.class) {
            r = sqlTime(v, null);
        } else if (type == java.sql.Timestamp.class) {
            r = timestamp(v, null);
        } else if (type == java.util.Date.class) {
            r = timestamp(v, null);
        } else if (type == UUID.class) {
            r = v instanceof String s ? parse(Codecs.UUID, s.trim(), "uuid") : fail(v, type);
        } else if (type == Interval.class || type == Duration.class || type == Period.class) {
            Interval i = v instanceof Interval iv ? iv : v instanceof String s ? parse(Codecs.INTERVAL, s.trim(), "interval")
                    : (Interval) fail(v, type);
            try {
                r = type == Interval.class ? i : type == Duration.class ? i.toDuration() : i.toPeriod();
            } catch (RuntimeException e) {
                throw new SQLDataException("interval " + i + " cannot be represented as " + type.getSimpleName() + ": "
                        + e.getMessage(), "22003");
            }
        } else if (type == Jsonb.class) {
            r = v instanceof Json j ? Jsonb.of(j.text()) : v instanceof String s ? parse(Codecs.JSONB, s, "jsonb") : fail(v, type);
        } else if (type == Json.class) {
            r = v instanceof Jsonb j ? Json.of(j.text()) : v instanceof String s ? parse(Codecs.JSON, s, "json") : fail(v, type);
        } else if (type == Vector.class || type == float[].class) {
            Vector vec = v instanceof String s ? parse(Codecs.VECTOR, s, "vector") : v instanceof Vector x ? x : (Vector) fail(v, type);
            r = type == Vector.class ? vec : vec.toArray();
        } else if (type == Geometry.class) {
            r = v instanceof String s ? parse(Codecs.GEOMETRY, s, "geometry") : fail(v, type);
        } else if (type == Range.class) {
            r = fail(v, type);
        } else if (type == Object.class) {
            r = v;
        } else if (type.getName().startsWith("org.locationtech.jts.geom.")) {
            Geometry g = v instanceof Geometry x ? x : v instanceof String s ? parse(Codecs.GEOMETRY, s, "geometry")
                    : (Geometry) fail(v, type);
            Object jts = g.toJts();
            if (!type.isInstance(jts)) {
                throw new SQLDataException("the value is a " + g.geometryType() + ", not a " + type.getSimpleName(), "22023");
            }
            r = jts;
        } else {
            throw new SQLDataException("cannot convert a " + v.getClass().getSimpleName() + " to " + type.getName()
                    + "; supported targets are the JDBC 4.2 types and io.scratchbird.types.*", "22023");
        }
        return (T) r;
    }

    private static Object fail(Object v, Class<?> type) throws SQLException {
        throw cannot(v, type.getSimpleName());
    }

    private static <T> T parse(ValueCodec<T> codec, String text, String target) throws SQLException {
        try {
            return codec.decodeText(text);
        } catch (WireFormatException e) {
            throw new SQLDataException("cannot read \"" + abbreviate(text) + "\" as " + target + ": " + e.detail(), "22P02", e);
        }
    }

    static SQLException cannot(Object v, String target) {
        return new SQLDataException("cannot convert " + v.getClass().getSimpleName() + " value \"" + abbreviate(String.valueOf(v))
                + "\" to " + target, "22023");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
