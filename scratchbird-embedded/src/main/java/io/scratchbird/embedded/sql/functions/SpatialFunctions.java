package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXYZM;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * ST_* functions (SQL-DIALECT.md 7.3) on JTS geometries. Measures are planar in the units of the
 * SRID (as PostGIS geometry, not geography); operations on two geometries require the same SRID;
 * results keep their input's SRID. Text and binary output use the driver's PostGIS-compatible
 * writers, so {@code ST_AsText} prints what a PostGIS client expects.
 */
public final class SpatialFunctions {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private SpatialFunctions() {
    }

    public static Geometry makePoint(Double x, Double y) {
        return x == null || y == null ? null : point(new Coordinate(x, y));
    }

    public static Geometry makePoint(Double x, Double y, Double z) {
        return x == null || y == null || z == null ? null : point(new Coordinate(x, y, z));
    }

    public static Geometry makePoint(Double x, Double y, Double z, Double m) {
        return x == null || y == null || z == null || m == null ? null : point(new CoordinateXYZM(x, y, z, m));
    }

    private static Point point(Coordinate c) {
        if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "point coordinates must be finite");
        }
        return FACTORY.createPoint(c);
    }

    public static Geometry makeLine(Geometry a, Geometry b) {
        if (a == null || b == null) {
            return null;
        }
        sameSrid(a, b);
        Geometry line = FACTORY.createLineString(new Coordinate[] {a.getCoordinate(), b.getCoordinate()});
        return withSrid(line, a.getSRID());
    }

    public static Geometry geomFromText(String wkt) {
        return wkt == null ? null : GeometryValues.fromText(wkt);
    }

    public static Geometry geomFromText(String wkt, Integer srid) {
        return wkt == null || srid == null ? null : withSrid(GeometryValues.fromText(wkt), srid);
    }

    public static Geometry geomFromWkb(byte[] wkb) {
        return wkb == null ? null : GeometryValues.fromWkb(wkb);
    }

    public static Geometry geomFromWkb(byte[] wkb, Integer srid) {
        return wkb == null || srid == null ? null : withSrid(GeometryValues.fromWkb(wkb), srid);
    }

    public static String asText(Geometry g) {
        return g == null ? null : GeometryValues.fromJts(g).toWkt();
    }

    public static String asEwkt(Geometry g) {
        return g == null ? null : GeometryValues.fromJts(g).toEwkt();
    }

    /** ISO WKB without SRID, as PostGIS's ST_AsBinary. */
    public static byte[] asBinary(Geometry g) {
        return g == null ? null : GeometryValues.fromJts(g).toWkb();
    }

    public static String asGeoJson(Geometry g) {
        return asGeoJson(g, GeoJsonWriter.DEFAULT_DIGITS);
    }

    public static String asGeoJson(Geometry g, Integer digits) {
        return g == null || digits == null ? null : GeoJsonWriter.write(g, digits);
    }

    public static Integer srid(Geometry g) {
        return g == null ? null : g.getSRID();
    }

    public static Geometry setSrid(Geometry g, Integer srid) {
        return g == null || srid == null ? null : withSrid(g.copy(), srid);
    }

    public static Double distance(Geometry a, Geometry b) {
        return a == null || b == null ? null : sameSrid(a, b).distance(b);
    }

    public static Boolean dWithin(Geometry a, Geometry b, Double distance) {
        return a == null || b == null || distance == null ? null : sameSrid(a, b).isWithinDistance(b, distance);
    }

    public static Boolean contains(Geometry a, Geometry b) {
        return test(a, b, Geometry::contains);
    }

    public static Boolean within(Geometry a, Geometry b) {
        return test(a, b, Geometry::within);
    }

    public static Boolean intersects(Geometry a, Geometry b) {
        return test(a, b, Geometry::intersects);
    }

    public static Boolean disjoint(Geometry a, Geometry b) {
        return test(a, b, Geometry::disjoint);
    }

    public static Boolean touches(Geometry a, Geometry b) {
        return test(a, b, Geometry::touches);
    }

    public static Boolean crosses(Geometry a, Geometry b) {
        return test(a, b, Geometry::crosses);
    }

    public static Boolean overlaps(Geometry a, Geometry b) {
        return test(a, b, Geometry::overlaps);
    }

    public static Boolean topologicallyEquals(Geometry a, Geometry b) {
        return test(a, b, Geometry::equalsTopo);
    }

    public static Boolean covers(Geometry a, Geometry b) {
        return test(a, b, Geometry::covers);
    }

    private static Boolean test(Geometry a, Geometry b, BiPredicate<Geometry, Geometry> predicate) {
        return a == null || b == null ? null : predicate.test(sameSrid(a, b), b);
    }

    public static Double area(Geometry g) {
        return g == null ? null : g.getArea();
    }

    /** Length of linear geometries; 0 for points and polygons (as PostGIS). */
    public static Double length(Geometry g) {
        return g == null ? null : g instanceof Polygonal ? 0.0 : g.getLength();
    }

    /** Boundary length of polygonal geometries; 0 otherwise. */
    public static Double perimeter(Geometry g) {
        return g == null ? null : g instanceof Polygonal ? g.getLength() : 0.0;
    }

    public static Geometry buffer(Geometry g, Double distance) {
        return g == null || distance == null ? null : keepSrid(g, x -> x.buffer(distance));
    }

    public static Geometry centroid(Geometry g) {
        return g == null ? null : keepSrid(g, Geometry::getCentroid);
    }

    public static Geometry envelope(Geometry g) {
        return g == null ? null : keepSrid(g, Geometry::getEnvelope);
    }

    public static Geometry convexHull(Geometry g) {
        return g == null ? null : keepSrid(g, Geometry::convexHull);
    }

    public static Geometry simplify(Geometry g, Double tolerance) {
        return g == null || tolerance == null ? null : keepSrid(g, x -> DouglasPeuckerSimplifier.simplify(x, tolerance));
    }

    public static Geometry intersection(Geometry a, Geometry b) {
        return a == null || b == null ? null : keepSrid(sameSrid(a, b), x -> x.intersection(b));
    }

    public static Geometry union(Geometry a, Geometry b) {
        return a == null || b == null ? null : keepSrid(sameSrid(a, b), x -> x.union(b));
    }

    public static Geometry difference(Geometry a, Geometry b) {
        return a == null || b == null ? null : keepSrid(sameSrid(a, b), x -> x.difference(b));
    }

    public static Geometry symDifference(Geometry a, Geometry b) {
        return a == null || b == null ? null : keepSrid(sameSrid(a, b), x -> x.symDifference(b));
    }

    public static Double x(Geometry g) {
        return g == null ? null : pointOf(g, "ST_X").getX();
    }

    public static Double y(Geometry g) {
        return g == null ? null : pointOf(g, "ST_Y").getY();
    }

    private static Point pointOf(Geometry g, String function) {
        if (!(g instanceof Point p)) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "argument to " + function + "() must have type POINT");
        }
        if (p.isEmpty()) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "argument to " + function + "() is an empty point");
        }
        return p;
    }

    public static Integer nPoints(Geometry g) {
        return g == null ? null : g.getNumPoints();
    }

    public static Boolean isEmpty(Geometry g) {
        return g == null ? null : g.isEmpty();
    }

    public static Boolean isValid(Geometry g) {
        return g == null ? null : g.isValid();
    }

    /** PostGIS spelling: {@code ST_Point}, {@code ST_MultiPolygon}, … */
    public static String geometryType(Geometry g) {
        return g == null ? null : "ST_" + g.getGeometryType();
    }

    /** Only between WGS 84 (4326) and Web Mercator (3857); anything else is refused. */
    public static Geometry transform(Geometry g, Integer targetSrid) {
        if (g == null || targetSrid == null) {
            return null;
        }
        return withSrid(SridTransform.apply(g, targetSrid), targetSrid);
    }

    private static Geometry sameSrid(Geometry a, Geometry b) {
        if (a.getSRID() != b.getSRID()) {
            throw new FunctionError("22023", SqlErrors.REJECTED,
                    "operation on mixed SRID geometries (" + a.getSRID() + " and " + b.getSRID() + ")");
        }
        return a;
    }

    private static Geometry keepSrid(Geometry input, UnaryOperator<Geometry> operation) {
        return withSrid(operation.apply(input), input.getSRID());
    }

    private static Geometry withSrid(Geometry g, int srid) {
        if (srid < 0) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "SRID must not be negative: " + srid);
        }
        g.setSRID(srid);
        return g;
    }
}
