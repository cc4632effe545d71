package io.scratchbird.types;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Encodings checked by hand against the OGC/ISO WKB layout and PostGIS output. */
class GeometryKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void pointWkbIsLittleEndianIso() {
        assertEquals("0101000000000000000000F03F0000000000000040", HEX.formatHex(Geometry.point(1, 2).toWkb()));
    }

    @Test
    void pointEwkbCarriesSrid() {
        Geometry point = Geometry.point(1, 2, 4326);
        assertEquals("0101000020E6100000000000000000F03F0000000000000040", HEX.formatHex(point.toEwkb()));
        assertEquals("0101000020E6100000000000000000F03F0000000000000040", point.toHexEwkb());
        assertEquals("0101000000000000000000F03F0000000000000040", HEX.formatHex(point.toWkb()));
    }

    @Test
    void bigEndianInputIsAccepted() {
        Geometry point = Geometry.fromWkb(HEX.parseHex("00000000013FF00000000000004000000000000000"));
        assertEquals(Geometry.point(1, 2), point);
        assertEquals("POINT(1 2)", point.toWkt());
    }

    @Test
    void ewkbSridIsRead() {
        Geometry point = Geometry.fromHex("0101000020E6100000000000000000F03F0000000000000040");
        assertEquals(4326, point.srid());
        assertEquals("SRID=4326;POINT(1 2)", point.toEwkt());
        assertEquals(Geometry.point(1, 2, 4326), Geometry.fromHex("0101000020e6100000000000000000f03f0000000000000040"));
    }

    /** ISO WKB (toWkb), EWKB without SRID, and the WKT each of them reads back as. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            POINT Z (1 2 3)  | 01E9030000000000000000F03F00000000000000400000000000000840 | 0101000080000000000000F03F00000000000000400000000000000840
            POINT M (1 2 3)  | 01D1070000000000000000F03F00000000000000400000000000000840 | 0101000040000000000000F03F00000000000000400000000000000840
            POINT ZM (1 2 3 4) | 01B90B0000000000000000F03F000000000000004000000000000008400000000000001040 | 01010000C0000000000000F03F000000000000004000000000000008400000000000001040
            POINT EMPTY      | 0101000000000000000000F87F000000000000F87F | 0101000000000000000000F87F000000000000F87F
            POINT Z EMPTY    | 01E9030000000000000000F87F000000000000F87F000000000000F87F | 0101000080000000000000F87F000000000000F87F000000000000F87F
            LINESTRING(0 0,1 1) | 01020000000200000000000000000000000000000000000000000000000000F03F000000000000F03F | 01020000000200000000000000000000000000000000000000000000000000F03F000000000000F03F
            LINESTRING EMPTY | 010200000000000000 | 010200000000000000
            POLYGON EMPTY    | 010300000000000000 | 010300000000000000
            MULTIPOINT EMPTY | 010400000000000000 | 010400000000000000
            GEOMETRYCOLLECTION EMPTY | 010700000000000000 | 010700000000000000
            MULTIPOINT Z ((1 2 3)) | 01EC0300000100000001E9030000000000000000F03F00000000000000400000000000000840 | 0104000080010000000101000080000000000000F03F00000000000000400000000000000840
            """)
    void isoAndExtendedForms(String wkt, String isoHex, String ewkbHex) {
        Geometry geometry = Geometry.fromWkt(wkt);
        assertEquals(isoHex, HEX.formatHex(geometry.toWkb()));
        assertEquals(ewkbHex, geometry.toHexEwkb());
        assertEquals(wkt, Geometry.fromHex(isoHex).toWkt());
        assertEquals(wkt, Geometry.fromHex(ewkbHex).toWkt());
    }

    @Test
    void pointZWithSridMatchesPostgis() {
        // SELECT 'SRID=4326;POINT Z (1 2 3)'::geometry in PostGIS
        String postgis = "01010000A0E6100000000000000000F03F00000000000000400000000000000840";
        Geometry geometry = Geometry.fromWkt("SRID=4326;POINT Z (1 2 3)");
        assertEquals(postgis, geometry.toHexEwkb());
        assertEquals(geometry, Geometry.fromHex(postgis));
    }

    @Test
    void collectionMembersCarryNoSrid() {
        Geometry multi = Geometry.fromWkt("SRID=4326;MULTIPOINT((1 2))");
        assertEquals("0104000020E610000001000000" + "0101000000000000000000F03F0000000000000040", multi.toHexEwkb());
    }

    @Test
    void polygonWkb() {
        Geometry square = Geometry.fromWkt("POLYGON((0 0,1 0,1 1,0 0))");
        String zero = "0000000000000000";
        String one = "000000000000F03F";
        String expected = "0103000000" + "01000000" + "04000000" + zero + zero + one + zero + one + one + zero + zero;
        assertArrayEquals(HEX.parseHex(expected), square.toWkb());
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1", "2.5, 2.5", "-0.000001, -0.000001", "1234567.125, 1234567.125", "0.1, 0.1",
        "1e21, 1000000000000000000000", "-0.0, -0", "0.0, 0", "100, 100", "1.5e-7, 0.00000015"
    })
    void numbersArePlainAndShortest(double value, String expected) {
        assertEquals(expected, WktWriter.formatNumber(value));
        assertEquals("POINT(" + expected + " " + expected + ")", Geometry.point(value, value).toWkt());
    }
}
