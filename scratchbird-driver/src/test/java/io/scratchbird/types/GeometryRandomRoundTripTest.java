package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random geometries (fixed seeds) against the independently written {@link RandomGeometries} oracle. */
class GeometryRandomRoundTripTest {

    private static final int SAMPLES = 400;

    @Test
    void wktToWkbToWkt() {
        RandomGeometries random = new RandomGeometries(0x5EED_0001L);
        for (int i = 0; i < SAMPLES; i++) {
            RandomGeometries.Sample sample = random.next();
            Geometry geometry = Geometry.fromWkt(sample.canonicalWkt());
            assertArrayEquals(sample.isoWkb(), geometry.toWkb(), sample.canonicalWkt());
            assertEquals(sample.canonicalWkt(), Geometry.fromWkb(geometry.toWkb()).toWkt());
            assertEquals(sample.type(), geometry.geometryType());
            assertEquals(sample.dimension(), geometry.dimension());
            assertEquals(sample.hasZ(), geometry.hasZ());
            assertEquals(sample.hasM(), geometry.hasM());
        }
    }

    @Test
    void wkbToWktToWkb() {
        RandomGeometries random = new RandomGeometries(0x5EED_0002L);
        for (int i = 0; i < SAMPLES; i++) {
            RandomGeometries.Sample sample = random.next();
            String wkt = Geometry.fromWkb(sample.isoWkb()).toWkt();
            assertEquals(sample.canonicalWkt(), wkt);
            assertArrayEquals(sample.isoWkb(), Geometry.fromWkt(wkt).toWkb(), wkt);
        }
    }

    @Test
    void oddSpellingsReadAsTheCanonicalGeometry() {
        RandomGeometries random = new RandomGeometries(0x5EED_0003L);
        for (int i = 0; i < SAMPLES; i++) {
            RandomGeometries.Sample sample = random.next();
            assertEquals(sample.canonicalWkt(), Geometry.fromWkt(sample.messyWkt()).toWkt(), sample.messyWkt());
        }
    }

    @Test
    void mixedByteOrderEwkbKeepsContentAndSrid() {
        RandomGeometries random = new RandomGeometries(0x5EED_0004L);
        for (int i = 0; i < SAMPLES; i++) {
            RandomGeometries.Sample sample = random.next();
            Geometry geometry = Geometry.fromWkb(sample.mixedEwkb());
            assertEquals(sample.srid(), geometry.srid());
            assertArrayEquals(sample.isoWkb(), geometry.toWkb(), sample.canonicalWkt());
            assertEquals(geometry, Geometry.fromWkb(geometry.toEwkb()));
            assertEquals(geometry, Geometry.fromHex(geometry.toHexEwkb()));
            assertEquals(geometry, Geometry.parse(geometry.toHexEwkb()));
            assertEquals(geometry, Geometry.fromWkt(geometry.toEwkt()));
            assertEquals(geometry, Geometry.parse(geometry.toEwkt()));
            assertEquals(geometry, Geometry.fromWkb(sample.isoWkb(), sample.srid()));
        }
    }

    @Test
    void everyDoubleSurvivesWktAndBack() {
        Random random = new Random(0x5EED_0005L);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            double y = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            if (!Double.isFinite(x)) {
                continue;
            }
            Geometry point = Geometry.point(x, y);
            Geometry back = Geometry.fromWkt(point.toWkt());
            assertEquals(point, back, point.toWkt());
            String text = point.toWkt();
            assertEquals(-1, text.indexOf('E'), text);
        }
    }
}
