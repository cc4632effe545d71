package io.scratchbird.embedded.sql;

import io.scratchbird.wire.codec.TypeOids;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SbTypeParserTest {

    private static DeclaredType type(String text) throws EngineException {
        return SbTypeParser.parseWhole(text);
    }

    private static void assertMapping(String sbsql, String storage, int oid, String name) throws EngineException {
        DeclaredType t = type(sbsql);
        assertEquals(storage, t.storage(), sbsql + " storage");
        assertEquals(oid, t.reported().oid(), sbsql + " oid");
        assertEquals(name, t.reported().name(), sbsql + " name");
    }

    @Test
    void integerAndFloatNamesHaveTheirSbsqlMeanings() throws Exception {
        assertMapping("INT8", "TINYINT", TypeOids.INT2, "int8");
        assertMapping("TINYINT", "TINYINT", TypeOids.INT2, "int8");
        assertMapping("INT2", "SMALLINT", TypeOids.INT2, "smallint");
        assertMapping("INT", "INTEGER", TypeOids.INT4, "integer");
        assertMapping("INT64", "BIGINT", TypeOids.INT8, "bigint");
        assertMapping("FLOAT", "REAL", TypeOids.FLOAT4, "real");
        assertMapping("FLOAT(24)", "REAL", TypeOids.FLOAT4, "real");
        assertMapping("FLOAT(53)", "DOUBLE PRECISION", TypeOids.FLOAT8, "double precision");
        assertMapping("DOUBLE PRECISION", "DOUBLE PRECISION", TypeOids.FLOAT8, "double precision");
        assertMapping("NUMERIC(12, 3)", "NUMERIC(12, 3)", TypeOids.NUMERIC, "numeric");
        assertEquals(12, type("DECIMAL(12,3)").reported().precision());
    }

    @Test
    void textTemporalAndBinaryTypes() throws Exception {
        assertMapping("VARCHAR(20)", "CHARACTER VARYING(20)", TypeOids.VARCHAR, "varchar");
        assertMapping("CHARACTER VARYING(5)", "CHARACTER VARYING(5)", TypeOids.VARCHAR, "varchar");
        assertMapping("CHAR(2)", "CHARACTER(2)", TypeOids.BPCHAR, "char");
        assertMapping("CLOB", "\"sys.types\".\"text\"", TypeOids.TEXT, "text");
        assertMapping("TIMESTAMPTZ", "TIMESTAMP(6) WITH TIME ZONE", TypeOids.TIMESTAMPTZ, "timestamptz");
        assertMapping("TIMESTAMP(3)", "TIMESTAMP(3)", TypeOids.TIMESTAMP, "timestamp");
        assertMapping("TIME(0) WITH TIME ZONE", "TIME(0) WITH TIME ZONE", TypeOids.TIMETZ, "time with time zone");
        assertMapping("INTERVAL", "INTERVAL DAY(18) TO SECOND(6)", TypeOids.INTERVAL, "interval");
        assertMapping("INTERVAL YEAR TO MONTH", "INTERVAL YEAR(18) TO MONTH", TypeOids.INTERVAL, "interval");
        assertMapping("BYTEA", "BINARY VARYING", TypeOids.BYTEA, "bytea");
        assertMapping("BLOB", "BINARY VARYING", TypeOids.BYTEA, "bytea");
        assertMapping("UUID", "UUID", TypeOids.UUID, "uuid");
    }

    @Test
    void documentRangeSpatialVectorAndArrayTypesUseDomains() throws Exception {
        DeclaredType jsonb = type("JSONB");
        assertEquals("jsonb", jsonb.domain().name());
        assertEquals(TypeOids.JSONB, jsonb.reported().oid());
        assertMapping("JSON", "\"sys.types\".\"json\"", TypeOids.JSON, "json");
        assertMapping("INT4RANGE", "\"sys.types\".\"int4range\"", TypeOids.INT4RANGE, "int4range");
        assertEquals("VARCHAR_IGNORECASE", type("TSTZRANGE").domain().base(), "continuous ranges have their own storage");
        assertEquals("CHARACTER VARYING", type("DATERANGE").domain().base());
        assertMapping("GEOMETRY", "GEOMETRY", TypeOids.POINT, "geometry");
        assertMapping("GEOMETRY(POINT)", "GEOMETRY(POINT)", TypeOids.POINT, "geometry");
        assertMapping("POLYGON", "GEOMETRY(POLYGON)", TypeOids.POINT, "geometry");
        assertNull(type("GEOMETRY").domain());
        DeclaredType vector = type("VECTOR(3)");
        assertEquals("vector(3)", vector.domain().name());
        assertEquals(3, vector.reported().dimension());
        assertEquals(768, type("VECTOR<float32, 768>").reported().dimension());
        assertEquals(0, type("VECTOR").reported().dimension());
        assertMapping("ARRAY<INTEGER>", "\"sys.types\".\"array<integer>\"", TypeOids.INT4_ARRAY, "array<integer>");
        assertEquals("CHARACTER VARYING(10) ARRAY", type("ARRAY<VARCHAR(10)>").domain().base());
    }

    @Test
    void spellingsSbsqlDoesNotHaveAreRefused() {
        assertEquals("42601", assertThrows(EngineException.class, () -> type("TIMESTAMP WITH TIME ZONE")).sqlState());
        assertEquals("42601", assertThrows(EngineException.class, () -> type("TIMESTAMP(6) WITHOUT TIME ZONE")).sqlState());
        assertEquals("42601", assertThrows(EngineException.class, () -> type("SERIAL")).sqlState());
        assertEquals("42601", assertThrows(EngineException.class, () -> type("INTEGER[]")).sqlState());
        assertEquals("42601", assertThrows(EngineException.class, () -> type("GEOMETRY(POINT, 4326)")).sqlState());
        assertEquals("42601", assertThrows(EngineException.class, () -> type("VECTOR(0)")).sqlState());
        assertEquals("42704", assertThrows(EngineException.class, () -> type("NO_SUCH_TYPE")).sqlState());
        assertEquals("0A000", assertThrows(EngineException.class, () -> type("INET")).sqlState());
        assertEquals("0A000", assertThrows(EngineException.class, () -> type("UINT32")).sqlState());
        assertEquals("0A000", assertThrows(EngineException.class, () -> type("OID")).sqlState());
        assertEquals("0A000", assertThrows(EngineException.class, () -> type("VECTOR<int8, 3>")).sqlState());
        assertEquals("0A000", assertThrows(EngineException.class, () -> type("ARRAY<JSONB>")).sqlState());
    }

    @Test
    void catalogRowsMapBackToDeclaredTypes() {
        assertEquals(SbTypes.vector(3), SbTypes.fromCatalog("CHARACTER VARYING", 1_000_000_000L, 0, 0, "sys.types", "vector(3)"));
        assertEquals(SbTypes.varchar(20), SbTypes.fromCatalog("CHARACTER VARYING", 20, 0, 0, null, null));
        assertEquals(SbTypes.varchar(0), SbTypes.fromCatalog("CHARACTER VARYING", 1_000_000_000L, 0, 0, null, null));
        assertEquals(SbTypes.TINY, SbTypes.fromCatalog("TINYINT", 0, 8, 0, null, null));
        assertEquals(SbTypes.TIMESTAMPTZ, SbTypes.fromStorage("TIMESTAMP WITH TIME ZONE", 0, 0));
        assertEquals(TypeOids.INT8_ARRAY, SbTypes.fromStorage("BIGINT ARRAY", 0, 0).oid());
        assertEquals(SbTypes.TEXT, SbTypes.fromStorage("NULL", 0, 0));
    }
}
