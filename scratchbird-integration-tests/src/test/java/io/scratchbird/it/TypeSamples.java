package io.scratchbird.it;

import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The values of the type round-trip matrix: for every SBsql type, edge values with the literal
 * that writes each one, the value bound for it, what {@code getObject} returns and what
 * {@code getObject(column, Class)} returns for the classes that apply.
 */
final class TypeSamples {

    private TypeSamples() {
    }

    /** Binds a sample to a parameter in a way setObject alone does not (createArrayOf, float[] …). */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    /**
     * One value.
     *
     * @param literal     SQL text that produces the value
     * @param bound       what setObject binds, or a {@link Binder}
     * @param expected    what getObject(i) returns
     * @param conversions getObject(i, Class) → expected result
     */
    record Sample(String literal, Object bound, Object expected, Map<Class<?>, Object> conversions) {
        @Override
        public String toString() {
            return literal;
        }
    }

    /**
     * One column type.
     *
     * @param sameTextEverywhere whether getString is the same for text and binary results (not for
     *                           timestamptz: binary values carry no offset, so they print in UTC)
     */
    record TypeCase(String name, String columnType, boolean sameTextEverywhere, List<Sample> samples) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Sample sample(String literal, Object bound, Object expected, Object... conversions) {
        Map<Class<?>, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < conversions.length; i += 2) {
            map.put((Class<?>) conversions[i], conversions[i + 1]);
        }
        return new Sample(literal, bound, expected, map);
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static Sample text(String s) {
        return sample(quoted(s), s, s, String.class, s);
    }

    private static Sample bytes(byte[] b) {
        return sample("X'" + HexFormat.of().formatHex(b) + "'", b, b, byte[].class, b);
    }

    private static Sample date(LocalDate d) {
        return sample("date '" + d + "'", d, java.sql.Date.valueOf(d), LocalDate.class, d, String.class, d.toString());
    }

    private static Sample time(String text) {
        LocalTime t = LocalTime.parse(text);
        return sample("time '" + text + "'", t, java.sql.Time.valueOf(t), LocalTime.class, t);
    }

    private static Sample timetz(String text) {
        OffsetTime t = OffsetTime.parse(text);
        return sample("time with time zone '" + text + "'", t, t, OffsetTime.class, t, LocalTime.class, t.toLocalTime());
    }

    private static Sample timestamp(String text) {
        LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
        return sample("timestamp '" + text + "'", t, java.sql.Timestamp.valueOf(t), LocalDateTime.class, t,
                LocalDate.class, t.toLocalDate());
    }

    private static Sample timestamptz(String text) {
        OffsetDateTime t = OffsetDateTime.parse(text.replace(' ', 'T'));
        return sample("timestamptz '" + text + "'", t, t, OffsetDateTime.class, t, Instant.class, t.toInstant());
    }

    private static Sample vector(float... values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        Vector v = Vector.of(values);
        return sample("vector('" + text.append(']') + "')", v, v, Vector.class, v, float[].class, values);
    }

    private static Sample array(String elementType, String literal, Object[] elements) {
        Binder binder = (ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf(elementType, elements));
        return sample(literal, binder, elements);
    }

    private static byte[] everyByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    static List<TypeCase> all() {
        List<TypeCase> cases = new ArrayList<>();
        cases.add(new TypeCase("boolean", "boolean", true, List.of(
                sample("true", true, true, String.class, "true", Integer.class, 1),
                sample("false", false, false, Boolean.class, false))));
        cases.add(new TypeCase("smallint", "smallint", true, List.of(
                sample("-32768", (short) -32768, -32768, Short.class, (short) -32768, Long.class, -32768L),
                sample("32767", (short) 32767, 32767, String.class, "32767", BigDecimal.class, new BigDecimal(32767)))));
        cases.add(new TypeCase("integer", "integer", true, List.of(
                sample("-2147483648", Integer.MIN_VALUE, Integer.MIN_VALUE, Long.class, -2147483648L),
                sample("2147483647", Integer.MAX_VALUE, Integer.MAX_VALUE, String.class, "2147483647"),
                sample("0", 0, 0, Boolean.class, false))));
        cases.add(new TypeCase("bigint", "bigint", true, List.of(
                sample("-9223372036854775808", Long.MIN_VALUE, Long.MIN_VALUE, BigInteger.class, BigInteger.valueOf(Long.MIN_VALUE)),
                sample("9223372036854775807", Long.MAX_VALUE, Long.MAX_VALUE, BigDecimal.class, new BigDecimal(Long.MAX_VALUE),
                        String.class, "9223372036854775807"))));
        cases.add(new TypeCase("real", "real", true, List.of(
                sample("3.4028235E38", Float.MAX_VALUE, Float.MAX_VALUE, Double.class, (double) Float.MAX_VALUE),
                sample("1.17549435E-38", Float.MIN_NORMAL, Float.MIN_NORMAL),
                sample("-1.5", -1.5f, -1.5f, String.class, "-1.5", BigDecimal.class, new BigDecimal("-1.5")),
                sample("cast('NaN' as real)", Float.NaN, Float.NaN))));
        cases.add(new TypeCase("double precision", "double precision", true, List.of(
                sample("1.7976931348623157E308", Double.MAX_VALUE, Double.MAX_VALUE),
                sample("4.9E-324", Double.MIN_VALUE, Double.MIN_VALUE),
                sample("0.1", 0.1, 0.1, String.class, "0.1", Float.class, 0.1f),
                sample("cast('-Infinity' as double precision)", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))));
        BigDecimal big = new BigDecimal("1234567890123456789012345678.0123456789");
        BigDecimal tiny = new BigDecimal("-0.0000000001");
        cases.add(new TypeCase("numeric(38,10)", "numeric(38,10)", true, List.of(
                sample(big.toPlainString(), big, big, String.class, big.toPlainString()),
                sample(tiny.toPlainString(), tiny, tiny, Double.class, -1e-10),
                sample("0", BigDecimal.ZERO, new BigDecimal("0E-10"), Integer.class, 0))));
        BigInteger nines = new BigInteger("9".repeat(38));
        cases.add(new TypeCase("numeric(38,0)", "numeric(38,0)", true, List.of(
                sample(nines.toString(), new BigDecimal(nines), new BigDecimal(nines), BigInteger.class, nines),
                sample("-" + nines, nines.negate(), new BigDecimal(nines.negate()), BigInteger.class, nines.negate()))));
        cases.add(new TypeCase("varchar", "varchar(100)", true, List.of(
                text(""), text("it's \"quoted\""), text("tab\tnew\nline"), text("'); drop table x; --"))));
        cases.add(new TypeCase("text", "text", true, List.of(
                text("𝄞 clef, 😀 face, ünïcödé"), text(""), text("long ".repeat(20_000)))));
        cases.add(new TypeCase("bytea", "bytea", true, List.of(
                bytes(new byte[0]), bytes(new byte[] {0, -1, '\'', '\\'}), bytes(everyByte()))));
        cases.add(new TypeCase("date", "date", true, List.of(
                date(LocalDate.of(1969, 12, 31)), date(LocalDate.of(1900, 1, 1)), date(LocalDate.of(2038, 1, 20)),
                date(LocalDate.of(9999, 12, 31)))));
        cases.add(new TypeCase("time", "time", true, List.of(
                time("00:00:00"), time("23:59:59.999999"), time("12:34:56.500"))));
        cases.add(new TypeCase("time with time zone", "time with time zone", true, List.of(
                timetz("12:00:00+02:00"), timetz("23:59:59.999999-08:00"), timetz("00:00:00Z"))));
        cases.add(new TypeCase("timestamp", "timestamp", true, List.of(
                timestamp("1969-12-31 23:59:59.123456"), timestamp("2040-02-29 12:00:00"),
                timestamp("1900-01-01 00:00:00.000001"), timestamp("9999-12-31 23:59:59.999999"))));
        cases.add(new TypeCase("timestamptz", "timestamptz", false, List.of(
                timestamptz("2026-01-01 00:00:00+05:30"), timestamptz("1960-06-01 12:00:00.5-08:00"),
                timestamptz("2050-01-01 00:00:00Z"), timestamptz("1969-12-31 23:59:59.999999Z"))));
        cases.add(new TypeCase("interval year to month", "interval year to month", true, List.of(
                sample("interval 'P1Y2M'", Period.ofMonths(14), new Interval(14, 0, 0), Period.class, Period.of(1, 2, 0),
                        String.class, "P1Y2M"),
                sample("interval 'P100Y'", new Interval(1200, 0, 0), new Interval(1200, 0, 0)))));
        cases.add(new TypeCase("interval", "interval", true, List.of(
                sample("interval 'P3DT4H'", new Interval(0, 3, 4 * 3_600_000_000L), new Interval(0, 3, 4 * 3_600_000_000L),
                        Duration.class, Duration.ofHours(76)),
                sample("interval 'PT0.000001S'", Duration.ofNanos(1000), new Interval(0, 0, 1),
                        Duration.class, Duration.ofNanos(1000), Interval.class, new Interval(0, 0, 1)))));
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        cases.add(new TypeCase("uuid", "uuid", true, List.of(
                sample("uuid '" + uuid + "'", uuid, uuid, UUID.class, uuid, String.class, uuid.toString()))));
        String doc = "{ \"a\" : [1, 2.50, {\"b\": null}], \"c\": \"𝄞\" }";
        cases.add(new TypeCase("json", "json", true, List.of(
                sample("json " + quoted(doc), Json.of(doc), Json.of(doc), Jsonb.class, Jsonb.of(doc), String.class, doc),
                sample("json '[]'", Json.of("[]"), Json.of("[]")))));
        String normalised = "{\"a\":1,\"b\":[true,null,\"x\"]}";
        cases.add(new TypeCase("jsonb", "jsonb", true, List.of(
                sample("cast(" + quoted(normalised) + " as jsonb)", Jsonb.of(normalised), Jsonb.of(normalised),
                        Json.class, Json.of(normalised)),
                sample("cast('\"text\"' as jsonb)", Jsonb.of("\"text\""), Jsonb.of("\"text\"")))));
        cases.add(new TypeCase("int4range", "int4range", true, List.of(
                sample("int4range(1, 5)", Range.closedOpen(1, 5), Range.closedOpen(1, 5), Range.class, Range.closedOpen(1, 5)),
                sample("'[1,5]'::int4range", Range.closed(1, 5), Range.closedOpen(1, 6)),
                sample("'empty'::int4range", Range.empty(), Range.empty(), String.class, "empty"),
                sample("'[3,)'::int4range", Range.atLeast(3), Range.atLeast(3)))));
        cases.add(new TypeCase("int8range", "int8range", true, List.of(
                sample("int8range(1, 10000000000)", Range.closedOpen(1L, 10_000_000_000L), Range.closedOpen(1L, 10_000_000_000L)),
                sample("'(,5)'::int8range", Range.lessThan(5L), Range.lessThan(5L)))));
        cases.add(new TypeCase("numrange", "numrange", true, List.of(
                sample("'[1.5,2.5]'::numrange", Range.closed(new BigDecimal("1.5"), new BigDecimal("2.5")),
                        Range.closed(new BigDecimal("1.5"), new BigDecimal("2.5"))),
                sample("'(,)'::numrange", Range.all(), Range.all()))));
        LocalDate jan = LocalDate.of(2020, 1, 1);
        cases.add(new TypeCase("daterange", "daterange", true, List.of(
                sample("daterange(date '2020-01-01', date '2020-02-01')", Range.closedOpen(jan, jan.plusMonths(1)),
                        Range.closedOpen(jan, jan.plusMonths(1))))));
        LocalDateTime noon = LocalDateTime.of(2020, 1, 1, 12, 0);
        cases.add(new TypeCase("tsrange", "tsrange", true, List.of(
                sample("'[2020-01-01 12:00:00,)'::tsrange", Range.atLeast(noon), Range.atLeast(noon)))));
        OffsetDateTime start = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        cases.add(new TypeCase("tstzrange", "tstzrange", false, List.of(
                sample("'[2020-01-01 00:00:00+00,2020-06-01 00:00:00+00)'::tstzrange", Range.closedOpen(start, start.plusMonths(5)),
                        Range.closedOpen(start, start.plusMonths(5))),
                sample("'empty'::tstzrange", Range.empty(), Range.empty()))));
        Geometry point = Geometry.fromWkt("POINT(1 2)", 4326);
        Geometry line = Geometry.fromWkt("LINESTRING(0 0,1 1,2 0)", 3857);
        Geometry polygon = Geometry.fromWkt("POLYGON((0 0,4 0,4 4,0 4,0 0))", 0);
        cases.add(new TypeCase("geometry", "geometry", true, List.of(
                sample("ST_GeomFromText('POINT(1 2)', 4326)", point, point, Geometry.class, point, String.class, "SRID=4326;POINT(1 2)"),
                sample("ST_GeomFromText('LINESTRING(0 0,1 1,2 0)', 3857)", line, line),
                sample("ST_GeomFromText('POLYGON((0 0,4 0,4 4,0 4,0 0))')", polygon, polygon))));
        Sample floats = vector(1.5f, 2.5f, -3.25f);
        float[] raw = {0.5f, -0f, 1e-3f};
        cases.add(new TypeCase("vector", "vector(3)", true, List.of(floats,
                sample("vector('[0.5,-0.0,0.001]')", raw, Vector.of(raw), float[].class, raw))));
        cases.add(new TypeCase("array<integer>", "array<integer>", true, List.of(
                array("integer", "array[1, null, 3]", new Integer[] {1, null, 3}),
                array("integer", "array[-2147483648]", new Integer[] {Integer.MIN_VALUE}))));
        cases.add(new TypeCase("array<bigint>", "array<bigint>", true, List.of(
                array("bigint", "array[9223372036854775807, 0]", new Long[] {Long.MAX_VALUE, 0L}))));
        cases.add(new TypeCase("array<varchar>", "array<varchar(20)>", true, List.of(
                array("varchar", "array['a', 'b,c', 'd\"e', null]", new String[] {"a", "b,c", "d\"e", null}))));
        cases.add(new TypeCase("array<boolean>", "array<boolean>", true, List.of(
                array("boolean", "array[true, false]", new Boolean[] {true, false}))));
        cases.add(new TypeCase("array<double precision>", "array<double precision>", true, List.of(
                array("double precision", "array[1.5, -0.25]", new Double[] {1.5, -0.25}))));
        cases.add(new TypeCase("array<date>", "array<date>", true, List.of(
                array("date", "array[date '1969-12-31', date '2038-01-20']",
                        new java.sql.Date[] {java.sql.Date.valueOf("1969-12-31"), java.sql.Date.valueOf("2038-01-20")}))));
        return cases;
    }
}
