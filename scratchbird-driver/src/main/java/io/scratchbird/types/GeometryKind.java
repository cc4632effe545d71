package io.scratchbird.types;

import java.util.Locale;

/** The seven OGC simple-feature geometry types, with their WKB type codes (XY variant). */
enum GeometryKind {

    POINT(1, null),
    LINESTRING(2, null),
    POLYGON(3, null),
    MULTIPOINT(4, POINT),
    MULTILINESTRING(5, LINESTRING),
    MULTIPOLYGON(6, POLYGON),
    /** Its members may be of any kind, including nested collections. */
    GEOMETRYCOLLECTION(7, null);

    private final int wkbCode;
    private final GeometryKind memberKind;

    GeometryKind(int wkbCode, GeometryKind memberKind) {
        this.wkbCode = wkbCode;
        this.memberKind = memberKind;
    }

    /** Base WKB type code, 1 to 7. */
    int wkbCode() {
        return wkbCode;
    }

    /** The one kind a MULTI* type may hold; {@code null} for single geometries and GEOMETRYCOLLECTION. */
    GeometryKind memberKind() {
        return memberKind;
    }

    boolean isCollection() {
        return this.ordinal() >= MULTIPOINT.ordinal();
    }

    /** The kind with this base WKB code, or {@code null}. */
    static GeometryKind ofWkbCode(int code) {
        for (GeometryKind kind : values()) {
            if (kind.wkbCode == code) {
                return kind;
            }
        }
        return null;
    }

    /** The kind with this WKT keyword (any case), or {@code null}. */
    static GeometryKind ofWktName(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (GeometryKind kind : values()) {
            if (kind.name().equals(upper)) {
                return kind;
            }
        }
        return null;
    }
}
