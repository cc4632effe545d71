package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.types.Geometry;
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
import java.util.Arrays;
import java.util.List;

import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.params;
import static io.scratchbird.embedded.storage.EngineTestSupport.query;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSON, range, spatial and vector function families, through SQL. */
class FunctionsTest {

    private static H2SqlEngine engine;
    private static EngineSession session;

    @BeforeAll
    static void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        session = engine.openSession("test", "functions");
        run(session, "CREATE TABLE doc (id INTEGER PRIMARY KEY, body JSONB)",
                "INSERT INTO doc VALUES (1, '{\"name\": \"ann\", \"tags\": [\"a\", \"b\"], \"address\": {\"city\": \"Oslo\"}, \"n\": null}'),"
                        + " (2, '{\"name\": \"bob\", \"tags\": [], \"age\": 41}')");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void jsonOperatorsNavigateDocuments() throws Exception {
        assertEquals("ann", scalar(session, "SELECT body ->> 'name' FROM doc WHERE id = 1"));
        assertEquals(Jsonb.of("{\"city\":\"Oslo\"}"), scalar(session, "SELECT body -> 'address' FROM doc WHERE id = 1"));
        assertEquals("Oslo", scalar(session, "SELECT body -> 'address' ->> 'city' FROM doc WHERE id = 1"));
        assertEquals("b", scalar(session, "SELECT body -> 'tags' ->> 1 FROM doc WHERE id = 1"));
        assertEquals("b", scalar(session, "SELECT body -> 'tags' ->> -1 FROM doc WHERE id = 1"));
        assertNull(scalar(session, "SELECT body ->> 'n' FROM doc WHERE id = 1"));
        assertNull(scalar(session, "SELECT body -> 'missing' FROM doc WHERE id = 1"));
        assertEquals(List.of(2), query(session, "SELECT id FROM doc WHERE body ->> 'name' = ?",
                params(TypeOids.TEXT, "bob")).column("id"));
    }

    @Test
    void sqlJsonFunctions() throws Exception {
        assertEquals("Oslo", scalar(session, "SELECT json_value(body, '$.address.city') FROM doc WHERE id = 1"));
        assertEquals(41, scalar(session, "SELECT json_value(body, '$.age' RETURNING INTEGER) FROM doc WHERE id = 2"));
        assertEquals(Json.of("[\"a\",\"b\"]"), scalar(session, "SELECT json_query(body, '$.tags') FROM doc WHERE id = 1"));
        assertEquals(List.of(true, false), query(session, "SELECT json_exists(body, '$.address') FROM doc ORDER BY id").column("json_exists"));
        assertEquals("a", scalar(session, "SELECT json_value(body, 'lax $.tags[0]') FROM doc WHERE id = 1"));
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT json_value(body, '$.a' DEFAULT 1 ON EMPTY) FROM doc");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT json_exists(body, '$.tags ? (@ == \"a\")') FROM doc");
    }

    @Test
    void jsonBuildersAndEditors() throws Exception {
        assertEquals(Json.of("{\"a\":1,\"b\":[true,null],\"c\":\"x\"}"),
                scalar(session, "SELECT json_build_object('a', 1, 'b', json_build_array(TRUE, NULL), 'c', 'x')"));
        assertEquals(Jsonb.of("{\"k\":{\"x\":1}}"), scalar(session, "SELECT jsonb_build_object('k', '{\"x\": 1}'::jsonb)"));
        assertEquals(Jsonb.of("[\"ann\",\"bob\"]"), scalar(session, "SELECT jsonb_agg(body ->> 'name') FROM doc"));
        assertEquals(Json.of("{\"1\":\"ann\",\"2\":\"bob\"}"), scalar(session, "SELECT json_object_agg(id, body ->> 'name') FROM doc"));
        assertEquals(2, scalar(session, "SELECT jsonb_array_length(body -> 'tags') FROM doc WHERE id = 1"));
        assertEquals("object", scalar(session, "SELECT jsonb_typeof(body) FROM doc WHERE id = 1"));
        assertEquals(Jsonb.of("{\"a\":{\"b\":9}}"), scalar(session, "SELECT jsonb_set('{\"a\":{\"b\":1}}', '{a,b}', '9')"));
        assertEquals(Json.of("{\"a\":1,\"z\":2}"), scalar(session, "SELECT json_set('{\"a\":1}', '$.z', 2)"));
        assertEquals(Json.of("{\"b\":2}"), scalar(session, "SELECT json_remove('{\"a\":1,\"b\":2}', '$.a')"));
        assertEquals(Jsonb.of("{\"a\":1}"), scalar(session, "SELECT jsonb_strip_nulls('{\"a\":1,\"n\":null}')"));
        assertEquals(Json.of("\"Oslo\""), scalar(session, "SELECT json_extract(body, '$.address.city') FROM doc WHERE id = 1"));
        assertEquals(Boolean.TRUE, scalar(session, "SELECT jsonb_path_exists(body, '$.age') FROM doc WHERE id = 2"));
        run(session, "UPDATE doc SET body = jsonb_set(body, '{age}', '42') WHERE id = 2");
        assertEquals("42", scalar(session, "SELECT body ->> 'age' FROM doc WHERE id = 2"));
        fails("22P02", null, session, "SELECT '{broken'::jsonb");
    }

    @Test
    void rangeConstructorsPredicatesAndBounds() throws Exception {
        assertEquals(Range.closedOpen(1, 6), scalar(session, "SELECT int4range(1, 5, '[]')"));
        assertEquals(Range.closedOpen(2L, 6L), scalar(session, "SELECT int8range(1, 5, '(]')::int8range"));
        assertEquals(Range.closedOpen(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)),
                scalar(session, "SELECT daterange(DATE '2026-01-01', DATE '2026-02-01')"));
        assertEquals(Range.closed(new BigDecimal("1.5"), new BigDecimal("2.5")), scalar(session, "SELECT numrange(1.5, 2.5, '[]')"));
        assertEquals(Range.empty(), scalar(session, "SELECT '[5,5)'::int4range"));
        Object[] row = query(session, "SELECT range_contains('[1,10)', '[2,5]'), range_contains_element('[1,10)', 10),"
                + " range_overlaps('[1,5)', '[4,8)'), range_overlaps('[1,5)', '[5,8)'), range_strictly_left('[1,5)', '[5,8)'),"
                + " range_strictly_right('[9,12)', '[5,8)'), range_lower('[3,7)'), range_upper('[3,7]'),"
                + " range_lower_inc('(3,7)'), range_upper_inc('[3,7]'::numrange), range_lower('empty'),"
                + " range_contains_element(daterange(DATE '2026-01-01', DATE '2026-01-31'), DATE '2026-01-15')").only();
        assertEquals(List.of(true, false, true, false, true, true, "3", "8", true, true), Arrays.asList(row).subList(0, 10));
        assertNull(row[10]);
        assertEquals(Boolean.TRUE, row[11]);
        run(session, "CREATE TABLE booking (id INTEGER, during TSTZRANGE)",
                "INSERT INTO booking VALUES (1, '[2026-01-01 10:00:00+00,2026-01-01 12:00:00+00)')");
        assertEquals(1, scalar(session, "SELECT id FROM booking WHERE range_contains_element(during,"
                + " TIMESTAMPTZ '2026-01-01 11:00:00+00')"));
        fails("22000", null, session, "SELECT int4range(5, 1)");
        fails("22P02", null, session, "SELECT range_lower('[1,')");
    }

    @Test
    void spatialFunctionsWithPerValueSrid() throws Exception {
        run(session, "CREATE TABLE place (id INTEGER PRIMARY KEY, geom GEOMETRY)",
                "INSERT INTO place VALUES (1, ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))', 4326)),"
                        + " (2, ST_SetSRID(ST_MakePoint(5, 5), 4326)), (3, ST_GeomFromText('LINESTRING(20 20, 23 24)', 4326))");
        Object[] row = query(session, "SELECT ST_Contains(a.geom, b.geom), ST_Within(b.geom, a.geom), ST_Intersects(a.geom, b.geom),"
                + " ST_Disjoint(a.geom, c.geom), ST_Touches(a.geom, b.geom), ST_Distance(b.geom, c.geom) > 0,"
                + " ST_DWithin(b.geom, a.geom, 0), ST_Area(a.geom), ST_Length(c.geom), ST_Perimeter(a.geom), ST_X(b.geom),"
                + " ST_Y(b.geom), ST_NPoints(a.geom), ST_GeometryType(c.geom), ST_SRID(a.geom), ST_Covers(a.geom, b.geom),"
                + " ST_Equals(a.geom, a.geom), ST_Overlaps(a.geom, b.geom), ST_Crosses(c.geom, a.geom)"
                + " FROM place a, place b, place c WHERE a.id = 1 AND b.id = 2 AND c.id = 3").only();
        assertEquals(List.of(true, true, true, true, false, true, true, 100.0, 5.0, 40.0, 5.0, 5.0, 5, "ST_LineString", 4326,
                true, true, false, false), List.of(row));
        assertEquals("POINT(5 5)", scalar(session, "SELECT ST_AsText(ST_Centroid(geom)) FROM place WHERE id = 1"));
        assertEquals("POLYGON((20 20,20 24,23 24,23 20,20 20))", scalar(session, "SELECT ST_AsText(ST_Envelope(geom)) FROM place WHERE id = 3"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[5,5]}", scalar(session, "SELECT ST_AsGeoJSON(geom) FROM place WHERE id = 2"));
        assertArrayEquals(Geometry.point(5, 5).toWkb(), (byte[]) scalar(session, "SELECT ST_AsBinary(geom) FROM place WHERE id = 2"));
        assertEquals(Geometry.point(1, 2, 3857), scalar(session, "SELECT ST_GeomFromWKB(ST_AsBinary(ST_MakePoint(1, 2)), 3857)"));
        assertEquals(Boolean.TRUE, scalar(session, "SELECT ST_Area(ST_Buffer(geom, 1)) > 3 FROM place WHERE id = 2"));
        Geometry mercator = (Geometry) scalar(session, "SELECT ST_Transform(ST_SetSRID(ST_MakePoint(10, 50), 4326), 3857)");
        assertEquals(3857, mercator.srid());
        assertEquals(List.of(1113194.91, 6446275.84, 10.0, 50.0), Arrays.asList(query(session, "SELECT ROUND(ST_X(m), 2),"
                + " ROUND(ST_Y(m), 2), ROUND(ST_X(ST_Transform(m, 4326)), 6), ROUND(ST_Y(ST_Transform(m, 4326)), 6)"
                + " FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(10, 50), 4326), 3857) AS m) AS t").only()));
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT ST_Transform(ST_SetSRID(ST_MakePoint(1, 1), 4326), 2154)");
        fails("22023", null, session, "SELECT ST_Distance(ST_SetSRID(ST_MakePoint(0, 0), 4326), ST_MakePoint(1, 1))");
        fails("22P02", null, session, "SELECT ST_GeomFromText('POINT(1')");
    }

    @Test
    void vectorFunctionsAndExactNearestNeighbourSearch() throws Exception {
        run(session, "CREATE TABLE item (id INTEGER PRIMARY KEY, embedding VECTOR(3))",
                "CREATE INDEX item_embedding ON item USING HNSW (embedding)",
                "INSERT INTO item VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
        assertEquals(List.of(1, 3), query(session, "SELECT id FROM item ORDER BY l2_distance(embedding, vector(?)) LIMIT 2",
                params(TypeOids.VECTOR, Vector.of(1f, 0f, 0f))).column("id"));
        Object[] row = query(session, "SELECT l2_distance(vector('[0,0]'), vector('[3,4]')), cosine_distance('[1,0]', '[0,1]'),"
                + " inner_product('[1,2]', '[3,4]'), negative_inner_product('[1,2]', '[3,4]'), vector_dims('[1,2,3]'),"
                + " vector_norm('[3,4]'), vector_l2_normalize('[3,4]'), vector(ARRAY[1, 2]), subvector('[1,2,3,4]', 2, 2)").only();
        assertEquals(List.of(5.0, 1.0, 11.0, -11.0, 3, 5.0), List.of(row).subList(0, 6));
        assertEquals(Vector.of(0.6f, 0.8f), row[6]);
        assertEquals(Vector.of(1f, 2f), row[7]);
        assertEquals(Vector.of(2f, 3f), row[8]);
        fails("22000", SqlErrors.REJECTED, session, "SELECT l2_distance('[1,2]', '[1,2,3]')");
        fails("22000", SqlErrors.NUMERIC_DOMAIN, session, "SELECT cosine_distance('[0,0]', '[1,1]')");
        fails("22000", null, session, "INSERT INTO item VALUES (9, '[1,2]')");
    }
}
