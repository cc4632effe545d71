package io.scratchbird.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WKT and EWKT: canonical round trips for every type and dimension, and the lenient reader. */
class GeometryWktTest {

    /** One canonical XY spelling per type, non-empty; the other layouts are derived from it. */
    private static final List<String> XY_SHAPES = List.of(
            "POINT(1 2)",
            "LINESTRING(0 0,1 1,2 0.5)",
            "POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 1))",
            "MULTIPOINT((1 2),(3 4))",
            "MULTILINESTRING((0 0,1 1),(2 2,3 3,4 4))",
            "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5),(5.2 5.1,5.5 5.1,5.5 5.4,5.2 5.1)))",
            "GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1),GEOMETRYCOLLECTION(POINT(3 4)))");

    /** Every type in XY, XYZ, XYM and XYZM, non-empty and EMPTY, in canonical spelling. */
    static List<String> canonicalForms() {
        List<String> forms = new ArrayList<>();
        String[] types = {"POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"};
        for (String tag : new String[] {"", "Z", "M", "ZM"}) {
            for (String shape : XY_SHAPES) {
                forms.add(withLayout(shape, tag));
            }
            for (String type : types) {
                forms.add(type + (tag.isEmpty() ? "" : " " + tag) + " EMPTY");
            }
        }
        return forms;
    }

    /** Adds extra ordinates (7, 8) to each XY coordinate and tags every keyword. */
    private static String withLayout(String xy, String tag) {
        if (tag.isEmpty()) {
            return xy;
        }
        String extra = tag.length() == 2 ? " 7 8" : " 7";
        String coordinates = xy.replaceAll("(-?[0-9.]+ -?[0-9.]+)", "$1" + extra);
        return coordinates.replaceAll("([A-Z]+)\\(", "$1 " + tag + " (");
    }

    @ParameterizedTest
    @MethodSource("canonicalForms")
    void canonicalWktRoundTrips(String wkt) {
        Geometry geometry = Geometry.fromWkt(wkt);
        assertEquals(wkt, geometry.toWkt());
        Geometry fromWkb = Geometry.fromWkb(geometry.toWkb());
        assertEquals(geometry, fromWkb);
        assertEquals(wkt, fromWkb.toWkt());
        assertEquals(wkt.contains("EMPTY"), geometry.isEmpty());
        assertEquals(wkt.split("[ (]")[0], geometry.geometryType());
    }

    @Test
    void dimensionsAreReported() {
        assertLayout("POINT(1 2)", 2, false, false);
        assertLayout("POINT Z (1 2 3)", 3, true, false);
        assertLayout("POINT M (1 2 3)", 3, false, true);
        assertLayout("POINT ZM (1 2 3 4)", 4, true, true);
        assertLayout("POINT(1 2 3)", 3, true, false);
        assertLayout("POINT(1 2 3 4)", 4, true, true);
        assertLayout("POINTM(1 2 3)", 3, false, true);
        assertLayout("LINESTRING EMPTY", 2, false, false);
        assertLayout("LINESTRING ZM EMPTY", 4, true, true);
    }

    private static void assertLayout(String wkt, int dimension, boolean z, boolean m) {
        Geometry geometry = Geometry.fromWkt(wkt);
        assertEquals(dimension, geometry.dimension(), wkt);
        assertEquals(z, geometry.hasZ(), wkt);
        assertEquals(m, geometry.hasM(), wkt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            point(1 2)                                   | POINT(1 2)
            '  Point ( 1   2 )  '                        | POINT(1 2)
            'POINT\t(\n1\r\n2\f)'                        | POINT(1 2)
            POINT(1.0e0 +2.)                             | POINT(1 2)
            POINT(.5 -1E-3)                              | POINT(0.5 -0.001)
            POINT(1 2 3)                                 | POINT Z (1 2 3)
            POINT(1 2 3 4)                               | POINT ZM (1 2 3 4)
            POINTZ(1 2 3)                                | POINT Z (1 2 3)
            POINTM(1 2 3)                                | POINT M (1 2 3)
            pointzm(1 2 3 4)                             | POINT ZM (1 2 3 4)
            point z(1 2 3)                               | POINT Z (1 2 3)
            POINT  empty                                 | POINT EMPTY
            POINT m EMPTY                                | POINT M EMPTY
            MULTIPOINT(1 2,3 4)                          | MULTIPOINT((1 2),(3 4))
            MULTIPOINT((1 2), 3 4)                       | MULTIPOINT((1 2),(3 4))
            MULTIPOINT(EMPTY,(1 2))                      | MULTIPOINT(EMPTY,(1 2))
            MULTIPOINT Z (1 2 3)                         | MULTIPOINT Z ((1 2 3))
            MULTILINESTRING(EMPTY,(0 0,1 1))             | MULTILINESTRING(EMPTY,(0 0,1 1))
            MULTIPOLYGON(EMPTY)                          | MULTIPOLYGON(EMPTY)
            GEOMETRYCOLLECTION(POINT(1 2 3),POINT EMPTY) | GEOMETRYCOLLECTION Z (POINT Z (1 2 3),POINT Z EMPTY)
            GEOMETRYCOLLECTION(POINT EMPTY,POINT(1 2 3)) | GEOMETRYCOLLECTION Z (POINT Z EMPTY,POINT Z (1 2 3))
            GEOMETRYCOLLECTION M (POINT(1 2 3))          | GEOMETRYCOLLECTION M (POINT M (1 2 3))
            GEOMETRYCOLLECTION(POINTM(1 2 3),POINT(4 5 6)) | GEOMETRYCOLLECTION M (POINT M (1 2 3),POINT M (4 5 6))
            POLYGON M ((0 0 1,1 0 2,1 1 3,0 0 4))        | POLYGON M ((0 0 1,1 0 2,1 1 3,0 0 4))
            """)
    void lenientSpellingsReadAsTheCanonicalForm(String input, String canonical) {
        assertEquals(canonical, Geometry.fromWkt(input).toWkt());
    }

    @Test
    void ewktPrefixSetsTheSrid() {
        Geometry geometry = Geometry.fromWkt("SRID=4326;POINT(1 2)");
        assertEquals(4326, geometry.srid());
        assertEquals("POINT(1 2)", geometry.toWkt());
        assertEquals("SRID=4326;POINT(1 2)", geometry.toEwkt());
        assertEquals(geometry, Geometry.fromWkt(" srid = 4326 ; point(1 2)"));
        assertEquals(0, Geometry.fromWkt("SRID=0;POINT(1 2)").srid());
        assertEquals("POINT(1 2)", Geometry.fromWkt("SRID=0;POINT(1 2)").toEwkt());
    }

    @Test
    void explicitSridReplacesThePrefix() {
        assertEquals(3857, Geometry.fromWkt("SRID=4326;POINT(1 2)", 3857).srid());
        assertEquals(3857, Geometry.fromWkt("POINT(1 2)", 3857).srid());
        assertEquals(0, Geometry.fromWkt("SRID=4326;POINT(1 2)", 0).srid());
    }

    @Test
    void emptinessLooksThroughMembers() {
        assertTrue(Geometry.fromWkt("GEOMETRYCOLLECTION(POINT EMPTY,LINESTRING EMPTY)").isEmpty());
        assertTrue(Geometry.fromWkt("MULTIPOINT(EMPTY,EMPTY)").isEmpty());
        assertFalse(Geometry.fromWkt("MULTIPOINT(EMPTY,(1 2))").isEmpty());
        assertFalse(Geometry.point(0, 0).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POINT(-0 0)", "POINT(0.1 0.2)", "POINT(1e-320 2)", "POINT(1.7976931348623157e308 -4.9e-324)",
        "POINT(0.30000000000000004 123456789.00000001)"})
    void numbersReadBackAsTheSameDoubles(String wkt) {
        byte[] wkb = Geometry.fromWkt(wkt).toWkb();
        assertEquals(Geometry.fromWkt(wkt), Geometry.fromWkt(Geometry.fromWkb(wkb).toWkt()));
    }

    @Test
    void negativeZeroKeepsItsSign() {
        Geometry geometry = Geometry.point(-0.0, 0.0);
        assertEquals("POINT(-0 0)", geometry.toWkt());
        assertEquals(geometry, Geometry.fromWkt("POINT(-0 0)"));
    }
}
