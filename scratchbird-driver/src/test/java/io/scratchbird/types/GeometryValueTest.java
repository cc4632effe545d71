package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Value semantics: SRID handling, equality over (SRID, canonical WKB), immutability. */
class GeometryValueTest {

    @Test
    void sridIsKeptAndReplaced() {
        Geometry point = Geometry.point(1, 2, 4326);
        assertEquals(4326, point.srid());
        Geometry moved = point.withSrid(3857);
        assertEquals(3857, moved.srid());
        assertEquals(4326, point.srid());
        assertArrayEquals(point.toWkb(), moved.toWkb());
        assertSame(point, point.withSrid(4326));
        assertEquals(0, Geometry.point(1, 2).srid());
        assertEquals(Geometry.point(1, 2), point.withSrid(0));
    }

    @Test
    void explicitSridReplacesTheEwkbOne() {
        byte[] ewkb = Geometry.point(1, 2, 4326).toEwkb();
        assertEquals(4326, Geometry.fromWkb(ewkb).srid());
        assertEquals(3857, Geometry.fromWkb(ewkb, 3857).srid());
        assertEquals(0, Geometry.fromWkb(ewkb, 0).srid());
    }

    @Test
    void withoutSridEwkbIsIsoWkbSpelledWithFlags() {
        Geometry point = Geometry.point(1, 2);
        assertArrayEquals(point.toWkb(), point.toEwkb());
        assertEquals("POINT(1 2)", point.toEwkt());
    }

    @Test
    void equalityCoversSridAndContent() {
        Geometry a = Geometry.fromWkt("SRID=4326;LINESTRING(0 0,1 1)");
        Geometry same = Geometry.fromHex(a.toHexEwkb());
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, a.withSrid(4269));
        assertNotEquals(a, Geometry.fromWkt("SRID=4326;LINESTRING(0 0,1 2)"));
        assertNotEquals(a, Geometry.fromWkt("SRID=4326;LINESTRING Z (0 0 0,1 1 0)"));
        assertNotEquals(a, "SRID=4326;LINESTRING(0 0,1 1)");
        assertNotEquals(Geometry.point(0.0, 0), Geometry.point(-0.0, 0));
    }

    @Test
    void emptyPointsFromAnyNaNAreEqual() {
        // A foreign writer's NaN payload must not make two POINT EMPTYs differ.
        Geometry quiet = Geometry.fromHex("0101000000000000000000F87F000000000000F87F");
        Geometry other = Geometry.fromHex("0101000000010000000000F87F000000000000F8FF");
        assertEquals(quiet, other);
        assertEquals(Geometry.fromWkt("POINT EMPTY"), other);
    }

    @Test
    void returnedBytesAreCopies() {
        Geometry point = Geometry.point(1, 2, 4326);
        byte[] wkb = point.toWkb();
        wkb[5] = 99;
        byte[] ewkb = point.toEwkb();
        ewkb[9] = 99;
        assertEquals(Geometry.point(1, 2, 4326), point);
        assertEquals("SRID=4326;POINT(1 2)", point.toString());
    }

    @Test
    void inputBytesAreNotRetained() {
        byte[] wkb = Geometry.point(1, 2).toWkb();
        Geometry point = Geometry.fromWkb(wkb);
        wkb[5] = 99;
        assertEquals(Geometry.point(1, 2), point);
    }

    @Test
    void toStringIsEwkt() {
        assertEquals("SRID=4326;POINT Z (1 2 3)", Geometry.fromWkt("SRID=4326;POINT(1 2 3)").toString());
        assertEquals("POLYGON EMPTY", Geometry.fromWkt("polygon empty").toString());
    }
}
