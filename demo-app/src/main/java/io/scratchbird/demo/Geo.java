package io.scratchbird.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** WGS 84 points, and the demo's rough kilometre ↔ degree conversion for planar distances. */
public final class Geo {

    public static final int WGS84 = 4326;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);
    /** Kilometres per degree of latitude; distances here are planar in degrees, which is fine at city scale. */
    public static final double KM_PER_DEGREE = 111.32;

    private Geo() {
    }

    public static Point point(double longitude, double latitude) {
        return FACTORY.createPoint(new Coordinate(longitude, latitude));
    }
}
