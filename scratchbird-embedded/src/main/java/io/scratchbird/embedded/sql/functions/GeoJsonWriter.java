package io.scratchbird.embedded.sql.functions;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** RFC 7946 geometry objects for ST_AsGeoJSON, coordinates rounded to a number of decimal digits. */
final class GeoJsonWriter {

    /** PostGIS's default {@code maxdecimaldigits}. */
    static final int DEFAULT_DIGITS = 9;

    private final StringBuilder out = new StringBuilder();
    private final int digits;

    private GeoJsonWriter(int digits) {
        this.digits = Math.max(0, digits);
    }

    static String write(Geometry g, int digits) {
        GeoJsonWriter w = new GeoJsonWriter(digits);
        w.geometry(g);
        return w.out.toString();
    }

    private void geometry(Geometry g) {
        out.append("{\"type\":\"").append(g.getGeometryType()).append("\",");
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            out.append("\"geometries\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                out.append(i == 0 ? "" : ",");
                geometry(g.getGeometryN(i));
            }
            out.append("]}");
            return;
        }
        out.append("\"coordinates\":");
        coordinates(g);
        out.append('}');
    }

    private void coordinates(Geometry g) {
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                out.append("[]");
            } else {
                position(p.getCoordinate());
            }
        } else if (g instanceof LineString line) {
            positions(line.getCoordinates());
        } else if (g instanceof Polygon polygon) {
            out.append('[');
            if (!polygon.isEmpty()) {
                positions(polygon.getExteriorRing().getCoordinates());
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    out.append(',');
                    positions(polygon.getInteriorRingN(i).getCoordinates());
                }
            }
            out.append(']');
        } else {
            out.append('[');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                out.append(i == 0 ? "" : ",");
                coordinates(g.getGeometryN(i));
            }
            out.append(']');
        }
    }

    private void positions(Coordinate[] coordinates) {
        out.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            out.append(i == 0 ? "" : ",");
            position(coordinates[i]);
        }
        out.append(']');
    }

    private void position(Coordinate c) {
        out.append('[').append(number(c.getX())).append(',').append(number(c.getY()));
        if (!Double.isNaN(c.getZ())) {
            out.append(',').append(number(c.getZ()));
        }
        out.append(']');
    }

    private String number(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).setScale(digits, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
