package io.scratchbird.types;

import io.scratchbird.wire.ValueFormatException;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable geometry value: an SRID (0 = unknown) and OGC simple-feature content (POINT,
 * LINESTRING, POLYGON, their MULTI* forms and nested GEOMETRYCOLLECTIONs, each in XY, XYZ, XYM or
 * XYZM, or EMPTY). The content is kept canonically as ISO WKB, little-endian, so two geometries
 * are equal exactly when their SRIDs and canonical bytes are.
 *
 * <p>Readers accept WKB, PostGIS EWKB, their hexadecimal text, WKT and EWKT from untrusted
 * sources: malformed input always ends in a {@link ValueFormatException} whose offset is the byte
 * (WKB) or character (WKT, hex) where it went wrong. Readers check structure only (counts, closed
 * rings of at least 4 points, lines of at least 2 points, uniform dimensions, finite
 * coordinates), not topology such as self-intersection.
 *
 * <p>Writers produce ISO WKB, EWKB (SRID flag only when the SRID is not 0), hex EWKB in upper
 * case, and WKT in PostGIS's ISO spelling ({@code POINT Z (1 2 3)}) with numbers in the shortest
 * plain decimal form that reads back as the same double.
 */
public final class Geometry {

    private final int srid;
    private final CoordinateLayout layout;
    private final GeometryKind kind;
    private final boolean empty;
    /** Canonical ISO WKB; never exposed without a copy. */
    private final byte[] wkb;

    private Geometry(int srid, CoordinateLayout layout, GeometryKind kind, boolean empty, byte[] wkb) {
        this.srid = srid;
        this.layout = layout;
        this.kind = kind;
        this.empty = empty;
        this.wkb = wkb;
    }

    private static Geometry of(ParsedGeometry parsed, int srid) {
        Shape shape = parsed.shape();
        return new Geometry(srid, parsed.layout(), shape.kind(), shape.isEmpty(),
                WkbWriter.iso(shape, parsed.layout()));
    }

    /**
     * Reads OGC/ISO WKB or PostGIS EWKB in either byte order; the SRID is the one EWKB carries, or 0.
     *
     * @throws ValueFormatException if the bytes are not a well-formed geometry (offset = byte index)
     */
    public static Geometry fromWkb(byte[] wkbOrEwkb) {
        ParsedGeometry parsed = WkbReader.read(Objects.requireNonNull(wkbOrEwkb, "wkbOrEwkb"));
        return of(parsed, parsed.srid());
    }

    /**
     * Reads WKB or EWKB and gives the result {@code srid}, replacing any SRID the EWKB carries
     * (like PostGIS's {@code ST_GeomFromWKB(wkb, srid)}).
     */
    public static Geometry fromWkb(byte[] wkb, int srid) {
        return of(WkbReader.read(Objects.requireNonNull(wkb, "wkb")), checkSrid(srid));
    }

    /**
     * Reads WKT or EWKT ({@code SRID=4326;POINT(1 2)}); the SRID is the EWKT prefix's, or 0.
     *
     * @throws ValueFormatException if the text is not a well-formed geometry (offset = character index)
     */
    public static Geometry fromWkt(String wktOrEwkt) {
        ParsedGeometry parsed = WktReader.read(Objects.requireNonNull(wktOrEwkt, "wktOrEwkt"));
        return of(parsed, parsed.srid());
    }

    /** Reads WKT or EWKT and gives the result {@code srid}, replacing any {@code SRID=} prefix. */
    public static Geometry fromWkt(String wkt, int srid) {
        return of(WktReader.read(Objects.requireNonNull(wkt, "wkt")), checkSrid(srid));
    }

    /**
     * Reads hexadecimal (E)WKB, digits in either case, nothing else (as PostGIS prints geometries).
     *
     * @throws ValueFormatException with the character index of the offending digit (a WKB problem
     *                              at byte {@code b} is reported at character {@code 2b})
     */
    public static Geometry fromHex(String hexWkbOrEwkb) {
        Objects.requireNonNull(hexWkbOrEwkb, "hexWkbOrEwkb");
        return fromHex(hexWkbOrEwkb, 0, hexWkbOrEwkb.length());
    }

    private static Geometry fromHex(String text, int from, int to) {
        ParsedGeometry parsed = WkbReader.read(Hex.decode(text, from, to), from, 2);
        return of(parsed, parsed.srid());
    }

    /**
     * Reads hex (E)WKB or (E)WKT, telling them apart by the first non-blank character: hex (E)WKB
     * starts with its byte-order marker {@code 00} or {@code 01}, WKT and EWKT with a letter.
     * Surrounding whitespace is ignored.
     */
    public static Geometry parse(String text) {
        Objects.requireNonNull(text, "text");
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        boolean hex = from < to && text.charAt(from) >= '0' && text.charAt(from) <= '9';
        return hex ? fromHex(text, from, to) : fromWkt(text);
    }

    /** A 2D point with SRID 0. */
    public static Geometry point(double x, double y) {
        return point(x, y, 0);
    }

    /**
     * A 2D point.
     *
     * @throws IllegalArgumentException if a coordinate is not finite or the SRID is negative
     */
    public static Geometry point(double x, double y, int srid) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point coordinates must be finite: " + x + ", " + y);
        }
        Shape shape = Shape.point(new double[] {x, y});
        return of(new ParsedGeometry(0, CoordinateLayout.XY, shape), checkSrid(srid));
    }

    private static int checkSrid(int srid) {
        if (srid < 0) {
            throw new IllegalArgumentException("SRID must not be negative: " + srid);
        }
        return srid;
    }

    /** The spatial reference id; 0 means unknown. */
    public int srid() {
        return srid;
    }

    /** This geometry with another SRID (the content is not transformed). */
    public Geometry withSrid(int srid) {
        return srid == this.srid ? this : new Geometry(checkSrid(srid), layout, kind, empty, wkb);
    }

    /**
     * The OGC type name in upper case, without dimension suffix: {@code POINT}, {@code LINESTRING},
     * {@code POLYGON}, {@code MULTIPOINT}, {@code MULTILINESTRING}, {@code MULTIPOLYGON} or
     * {@code GEOMETRYCOLLECTION}.
     */
    public String geometryType() {
        return kind.name();
    }

    /** Whether the geometry holds no coordinate at all, also through its members (PostGIS ST_IsEmpty). */
    public boolean isEmpty() {
        return empty;
    }

    /** The coordinate dimension: 2 (XY), 3 (XYZ or XYM) or 4 (XYZM). */
    public int dimension() {
        return layout.ordinates();
    }

    /** Whether coordinates carry a Z (elevation) ordinate. */
    public boolean hasZ() {
        return layout.hasZ();
    }

    /** Whether coordinates carry an M (measure) ordinate. */
    public boolean hasM() {
        return layout.hasM();
    }

    /** ISO WKB, little-endian, without SRID; a fresh copy. */
    public byte[] toWkb() {
        return wkb.clone();
    }

    /** PostGIS EWKB, little-endian, with the SRID flag and SRID when the SRID is not 0. */
    public byte[] toEwkb() {
        return WkbWriter.ewkb(shape(), layout, srid);
    }

    /** Upper-case hex of {@link #toEwkb()}, the form PostGIS prints. */
    public String toHexEwkb() {
        return Hex.encode(toEwkb());
    }

    /** ISO WKT, e.g. {@code POINT(1 2)}, {@code LINESTRING Z (0 0 1,1 1 2)}, {@code POLYGON EMPTY}. */
    public String toWkt() {
        return WktWriter.write(shape(), layout);
    }

    /** {@link #toWkt()} prefixed with {@code SRID=n;} when the SRID is not 0. */
    public String toEwkt() {
        return srid == 0 ? toWkt() : "SRID=" + srid + ";" + toWkt();
    }

    /** Re-reads the canonical bytes, which this class wrote itself. */
    private Shape shape() {
        return WkbReader.read(wkb).shape();
    }

    /**
     * This geometry as a JTS {@code org.locationtech.jts.geom.Geometry} (with its SRID), for
     * applications that have JTS on the classpath; the driver itself does not depend on JTS.
     *
     * @throws IllegalStateException when JTS is not on the classpath
     */
    public Object toJts() {
        if (!JtsBridge.available()) {
            throw new IllegalStateException("JTS (org.locationtech.jts:jts-core) is not on the classpath");
        }
        return JtsBridge.toJts(this);
    }

    /**
     * A geometry from a JTS {@code org.locationtech.jts.geom.Geometry}, keeping its SRID.
     *
     * @throws IllegalArgumentException when {@code jtsGeometry} is not a JTS geometry
     */
    public static Geometry fromJts(Object jtsGeometry) {
        if (!JtsBridge.isJtsGeometry(jtsGeometry)) {
            throw new IllegalArgumentException("not a JTS geometry: " + (jtsGeometry == null ? "null" : jtsGeometry.getClass().getName()));
        }
        return JtsBridge.fromJts(jtsGeometry);
    }

    /** Whether {@code o} is a JTS geometry (JTS present on the classpath and {@code o} one of its geometries). */
    public static boolean isJts(Object o) {
        return JtsBridge.isJtsGeometry(o);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Geometry that && srid == that.srid && Arrays.equals(wkb, that.wkb);
    }

    @Override
    public int hashCode() {
        return 31 * srid + Arrays.hashCode(wkb);
    }

    /** The EWKT. */
    @Override
    public String toString() {
        return toEwkt();
    }
}
