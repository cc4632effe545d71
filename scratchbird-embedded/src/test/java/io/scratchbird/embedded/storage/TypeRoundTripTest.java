package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.SqlType;
import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.codec.TypeOids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.params;
import static io.scratchbird.embedded.storage.EngineTestSupport.query;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every SBsql type through storage and back: the declared type each result column reports (also
 * for zero rows and for computed expressions) and the Java value each cell holds.
 */
class TypeRoundTripTest {

    private static H2SqlEngine engine;
    private static EngineSession session;

    private static final String ALL_TYPES = "CREATE TABLE all_types (id BIGINT PRIMARY KEY, tiny INT8, small SMALLINT,"
            + " i INTEGER, big BIGINT, f FLOAT, r REAL, d DOUBLE PRECISION, f53 FLOAT(53), n NUMERIC(10,2),"
            + " vc VARCHAR(20), c CHAR(3), t TEXT, b BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, tstz TIMESTAMPTZ,"
            + " iv INTERVAL, u UUID, by BYTEA, j JSON, jb JSONB, x XML, i4 INT4RANGE, i8 INT8RANGE, nr NUMRANGE,"
            + " tsr TSRANGE, tstzr TSTZRANGE, dr DATERANGE, g GEOMETRY, gp GEOMETRY(POINT), v VECTOR(3),"
            + " arr ARRAY<INTEGER>, tarr ARRAY<VARCHAR(10)>)";

    @BeforeAll
    static void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        session = engine.openSession("test", "types");
        run(session, ALL_TYPES);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static void assertType(ResultColumn column, int oid, String name) {
        assertEquals(oid, column.type().oid(), column.label() + " oid");
        assertEquals(name, column.type().name(), column.label() + " name");
    }

    @Test
    void declaredTypesOfAnEmptyResult() throws Exception {
        List<ResultColumn> c = query(session, "SELECT * FROM all_types WHERE 1 = 0").columns();
        assertEquals(35, c.size());
        assertType(c.get(1), TypeOids.INT2, "int8");
        assertType(c.get(2), TypeOids.INT2, "smallint");
        assertType(c.get(3), TypeOids.INT4, "integer");
        assertType(c.get(4), TypeOids.INT8, "bigint");
        assertType(c.get(5), TypeOids.FLOAT4, "real");
        assertType(c.get(6), TypeOids.FLOAT4, "real");
        assertType(c.get(7), TypeOids.FLOAT8, "double precision");
        assertType(c.get(8), TypeOids.FLOAT8, "double precision");
        assertEquals(new SqlType(TypeOids.NUMERIC, "numeric", 10, 2, 0), c.get(9).type());
        assertEquals(new SqlType(TypeOids.VARCHAR, "varchar", 20, 0, 0), c.get(10).type());
        assertType(c.get(11), TypeOids.BPCHAR, "char");
        assertType(c.get(12), TypeOids.TEXT, "text");
        assertType(c.get(13), TypeOids.BOOL, "boolean");
        assertType(c.get(14), TypeOids.DATE, "date");
        assertType(c.get(15), TypeOids.TIME, "time");
        assertType(c.get(16), TypeOids.TIMESTAMP, "timestamp");
        assertType(c.get(17), TypeOids.TIMESTAMPTZ, "timestamptz");
        assertType(c.get(18), TypeOids.INTERVAL, "interval");
        assertType(c.get(19), TypeOids.UUID, "uuid");
        assertType(c.get(20), TypeOids.BYTEA, "bytea");
        assertType(c.get(21), TypeOids.JSON, "json");
        assertType(c.get(22), TypeOids.JSONB, "jsonb");
        assertType(c.get(23), TypeOids.XML, "xml");
        assertType(c.get(24), TypeOids.INT4RANGE, "int4range");
        assertType(c.get(25), TypeOids.INT8RANGE, "int8range");
        assertType(c.get(26), TypeOids.NUMRANGE, "numrange");
        assertType(c.get(27), TypeOids.TSRANGE, "tsrange");
        assertType(c.get(28), TypeOids.TSTZRANGE, "tstzrange");
        assertType(c.get(29), TypeOids.DATERANGE, "daterange");
        assertType(c.get(30), TypeOids.POINT, "geometry");
        assertType(c.get(31), TypeOids.POINT, "geometry");
        assertEquals(new SqlType(TypeOids.VECTOR, "vector", 0, 0, 3), c.get(32).type());
        assertType(c.get(33), TypeOids.INT4_ARRAY, "array<integer>");
        assertType(c.get(34), TypeOids.VARCHAR_ARRAY, "array<varchar(10)>");
        assertEquals("users.public", c.get(1).baseSchema());
        assertEquals("all_types", c.get(1).baseTable());
        assertEquals("tiny", c.get(1).baseColumn());
    }

    @Test
    void literalsRoundTripWithTheirJavaTypes() throws Exception {
        run(session, "INSERT INTO all_types VALUES (1, -128, 32767, 7, 9000000000, 1.5, 2.5, 3.25, 4.5, 12.34,"
                + " 'var', 'ab', 'text', TRUE, DATE '2026-01-02', TIME '10:11:12', TIMESTAMP '2026-01-02 03:04:05',"
                + " TIMESTAMPTZ '2026-01-02 03:04:05+02:00', INTERVAL 'P1DT2H3M', '6f1c2a4e-0d1b-4c2a-9b6e-000000000001',"
                + " X'00ff', JSON '{\"a\":  1}', JSONB '{\"b\": [1, 2]}', '<x/>', '[1,5]', '(10,20]', '[1.5,2.5)',"
                + " '[2026-01-01 00:00:00,2026-01-02 00:00:00)', '[2026-01-01 00:00:00+00,)', '[2026-01-01,2026-01-31]',"
                + " ST_GeomFromText('LINESTRING(0 0, 1 1)', 3857), 'SRID=4326;POINT(1 2)', VECTOR '[1, 2.5, -3]',"
                + " ARRAY[1, 2, 3], ARRAY['a', 'b'])");
        Object[] row = query(session, "SELECT * FROM all_types WHERE id = 1").only();
        assertEquals((short) -128, row[1]);
        assertEquals((short) 32767, row[2]);
        assertEquals(7, row[3]);
        assertEquals(9_000_000_000L, row[4]);
        assertEquals(1.5f, row[5]);
        assertEquals(3.25d, row[7]);
        assertEquals(new BigDecimal("12.34"), row[9]);
        assertEquals("ab ", row[11]);
        assertEquals(Boolean.TRUE, row[13]);
        assertEquals(LocalDate.of(2026, 1, 2), row[14]);
        assertEquals(LocalTime.of(10, 11, 12), row[15]);
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5), row[16]);
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)).toInstant(),
                ((OffsetDateTime) row[17]).toInstant());
        assertEquals(new Interval(0, 1, (2 * 3600 + 3 * 60) * 1_000_000L), row[18]);
        assertEquals(UUID.fromString("6f1c2a4e-0d1b-4c2a-9b6e-000000000001"), row[19]);
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) row[20]);
        assertEquals(Json.of("{\"a\":  1}"), row[21]);
        assertInstanceOf(Jsonb.class, row[22]);
        assertEquals("<x/>", row[23]);
        assertEquals(Range.closedOpen(1, 6), row[24], "int4range is canonical");
        assertEquals(Range.closedOpen(11L, 21L), row[25]);
        assertEquals(Range.closedOpen(new BigDecimal("1.5"), new BigDecimal("2.5")), row[26]);
        assertEquals(Range.closedOpen(LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2026, 1, 2, 0, 0)), row[27]);
        assertEquals(Range.closedOpen(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)), row[29]);
        Geometry line = (Geometry) row[30];
        assertEquals(3857, line.srid());
        assertEquals("LINESTRING(0 0,1 1)", line.toWkt());
        assertEquals(Geometry.point(1, 2, 4326), row[31]);
        assertEquals(Vector.of(1f, 2.5f, -3f), row[32]);
        assertEquals(List.of(1, 2, 3), row[33]);
        assertEquals(List.of("a", "b"), row[34]);
    }

    @Test
    void typedParametersBindAndComeBackEqual() throws Exception {
        OffsetDateTime when = OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
        Object[] row = query(session, "INSERT INTO all_types (id, tiny, tstz, jb, i4, g, v, iv, arr, n, dt)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING tiny, tstz, jb, i4, g, v, iv, arr, n, dt",
                params(TypeOids.INT8, 2L, TypeOids.INT2, (short) 12, TypeOids.TIMESTAMPTZ, when,
                        TypeOids.JSONB, Jsonb.of("{\"k\":true}"), TypeOids.INT4RANGE, Range.closed(3, 4),
                        TypeOids.POINT, Geometry.point(5, 6, 4326), TypeOids.VECTOR, Vector.of(1f, 0f, 0f),
                        TypeOids.INTERVAL, new Interval(0, 3, 500_000), TypeOids.INT4_ARRAY, List.of(4, 5),
                        TypeOids.NUMERIC, new BigDecimal("99.90"), TypeOids.DATE, LocalDate.of(2026, 2, 3))).only();
        assertEquals((short) 12, row[0]);
        assertEquals(when, row[1]);
        assertEquals(Jsonb.of("{\"k\":true}"), row[2]);
        assertEquals(Range.closedOpen(3, 5), row[3]);
        assertEquals(Geometry.point(5, 6, 4326), row[4]);
        assertEquals(Vector.of(1f, 0f, 0f), row[5]);
        assertEquals(new Interval(0, 3, 500_000), row[6]);
        assertEquals(List.of(4, 5), row[7]);
        assertEquals(new BigDecimal("99.90"), row[8]);
        assertEquals(LocalDate.of(2026, 2, 3), row[9]);
    }

    @Test
    void untypedTextParametersTakeTheirContextsType() throws Exception {
        Object[] row = query(session, "INSERT INTO all_types (id, i4, dt, tstz, jb, v, gp) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING i4, dt, tstz, jb, v, gp",
                text("3", "[1,5)", "2026-03-04", "2026-03-04 05:06:07+00", "{\"a\":1}", "[0,1,0]", "POINT(7 8)")).only();
        assertEquals(Range.closedOpen(1, 5), row[0]);
        assertEquals(LocalDate.of(2026, 3, 4), row[1]);
        assertEquals(OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC).toInstant(), ((OffsetDateTime) row[2]).toInstant());
        assertEquals(Jsonb.of("{\"a\":1}"), row[3]);
        assertEquals(Vector.of(0f, 1f, 0f), row[4]);
        assertEquals(Geometry.point(7, 8), row[5]);
        assertEquals(1L, query(session, "SELECT count(*) FROM all_types WHERE i4 = ?", text("[1,5)")).single());
    }

    @Test
    void badValuesForTextStoredTypesAreDataErrors() {
        fails("22P02", null, session, "INSERT INTO all_types (id, jb) VALUES (10, '{oops')");
        fails("22000", null, session, "INSERT INTO all_types (id, v) VALUES (11, '[1,2]')");
        fails("22P02", null, session, "INSERT INTO all_types (id, i4) VALUES (12, '[a,b)')");
        fails("22P02", null, session, "INSERT INTO all_types (id, v) VALUES (13, 'not a vector')");
    }

    @Test
    void computedExpressionsReportDeclaredTypes() throws Exception {
        run(session, "CREATE TABLE vecs (id INTEGER PRIMARY KEY, v VECTOR(2))");
        List<ResultColumn> c = query(session, "SELECT count(*), l2_distance(v, vector('[0,0]')), 1, 'x', 1.5,"
                + " v, vector('[1,2]'), '[1,2]'::vector(2), CAST('{}' AS JSONB), int4range(1, 3), now(),"
                + " TIMESTAMPTZ '2026-01-01 00:00:00+00', '{\"a\":1}'::jsonb -> 'a', '{\"a\":1}'::jsonb ->> 'a',"
                + " json_build_object('a', 1), ST_MakePoint(1, 2), CAST(1 AS INT8), TRUE FROM vecs GROUP BY v").columns();
        assertType(c.get(0), TypeOids.INT8, "bigint");
        assertEquals("count", c.get(0).label());
        assertType(c.get(1), TypeOids.FLOAT8, "double precision");
        assertEquals("l2_distance", c.get(1).label());
        assertType(c.get(2), TypeOids.INT4, "integer");
        assertType(c.get(3), TypeOids.TEXT, "text");
        assertType(c.get(4), TypeOids.NUMERIC, "numeric");
        assertEquals(new SqlType(TypeOids.VECTOR, "vector", 0, 0, 2), c.get(5).type());
        assertType(c.get(6), TypeOids.VECTOR, "vector");
        assertEquals(2, c.get(7).type().dimension());
        assertType(c.get(8), TypeOids.JSONB, "jsonb");
        assertType(c.get(9), TypeOids.INT4RANGE, "int4range");
        assertType(c.get(10), TypeOids.TIMESTAMPTZ, "timestamptz");
        assertType(c.get(11), TypeOids.TIMESTAMPTZ, "timestamptz");
        assertType(c.get(12), TypeOids.JSONB, "jsonb");
        assertType(c.get(13), TypeOids.TEXT, "text");
        assertType(c.get(14), TypeOids.JSON, "json");
        assertType(c.get(15), TypeOids.POINT, "geometry");
        assertType(c.get(16), TypeOids.INT2, "int8");
        assertType(c.get(17), TypeOids.BOOL, "boolean");
    }

    @Test
    void computedValuesHaveTheirTypesJavaClasses() throws Exception {
        Object[] row = query(session, "SELECT vector('[3,4]'), '[1,2]'::int4range, json_build_array(1, 'a'),"
                + " '{\"a\":{\"b\":1}}'::jsonb -> 'a', ST_MakePoint(1, 2), CAST(NULL AS JSONB)").only();
        assertEquals(Vector.of(3f, 4f), row[0]);
        assertEquals(Range.closedOpen(1, 3), row[1]);
        assertEquals(Json.of("[1,\"a\"]"), row[2]);
        assertEquals(Jsonb.of("{\"b\":1}"), row[3]);
        assertEquals(Geometry.point(1, 2), row[4]);
        assertNull(row[5]);
    }

    @Test
    void valuesStatementsAreLabelledLikePostgres() throws Exception {
        EngineTestSupport.Result r = query(session, "VALUES (1, 'a'), (2, 'b')");
        assertEquals("column1", r.column(0).label());
        assertEquals("column2", r.column(1).label());
        assertEquals(2, r.rows().size());
    }
}
