package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * ST_Transform between EPSG:4326 (WGS 84 longitude/latitude in degrees) and EPSG:3857 (spherical
 * Web Mercator in metres), the one pair the server supports without a projection library.
 */
final class SridTransform {

    static final int WGS84 = 4326;
    static final int WEB_MERCATOR = 3857;
    private static final double EARTH_RADIUS = 6_378_137.0;

    private SridTransform() {
    }

    static Geometry apply(Geometry g, int target) {
        int source = g.getSRID();
        if (source == target) {
            return g.copy();
        }
        if (source == 0) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "ST_Transform: input geometry has unknown (0) SRID");
        }
        boolean toMercator = source == WGS84 && target == WEB_MERCATOR;
        if (!toMercator && !(source == WEB_MERCATOR && target == WGS84)) {
            throw new FunctionError(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED,
                    "ST_Transform from SRID " + source + " to SRID " + target
                            + " is not supported (only between 4326 and 3857)");
        }
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                double nx = toMercator ? Math.toRadians(x) * EARTH_RADIUS : Math.toDegrees(x / EARTH_RADIUS);
                double ny = toMercator ? EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(y) / 2))
                        : Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2);
                if (!Double.isFinite(nx) || !Double.isFinite(ny)) {
                    throw new FunctionError("22003", SqlErrors.NUMERIC_OVERFLOW,
                            "ST_Transform: point (" + x + " " + y + ") has no Web Mercator coordinates");
                }
                seq.setOrdinate(i, 0, nx);
                seq.setOrdinate(i, 1, ny);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
