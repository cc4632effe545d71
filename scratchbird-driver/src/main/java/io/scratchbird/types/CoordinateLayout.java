package io.scratchbird.types;

import java.util.Locale;

/**
 * Which ordinates each coordinate carries. One layout applies to a whole geometry tree: mixing
 * dimensions inside a collection is rejected, as PostGIS does.
 */
enum CoordinateLayout {

    XY(false, false),
    XYZ(true, false),
    XYM(false, true),
    XYZM(true, true);

    private final boolean hasZ;
    private final boolean hasM;

    CoordinateLayout(boolean hasZ, boolean hasM) {
        this.hasZ = hasZ;
        this.hasM = hasM;
    }

    boolean hasZ() {
        return hasZ;
    }

    boolean hasM() {
        return hasM;
    }

    /** Ordinates per coordinate: 2, 3 or 4. */
    int ordinates() {
        return 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    }

    /** Ordinates that decide whether two points coincide; M is a measure, not a position. */
    int spatialOrdinates() {
        return hasZ ? 3 : 2;
    }

    /** What ISO WKB adds to the base type code: 0, 1000 (Z), 2000 (M) or 3000 (ZM). */
    int isoTypeOffset() {
        return (hasZ ? 1000 : 0) + (hasM ? 2000 : 0);
    }

    /** The WKT dimension tag: empty, {@code Z}, {@code M} or {@code ZM}. */
    String wktTag() {
        return name().substring(2);
    }

    static CoordinateLayout of(boolean hasZ, boolean hasM) {
        return hasM ? (hasZ ? XYZM : XYM) : (hasZ ? XYZ : XY);
    }

    /** The layout of an ISO type code's thousands digit (0 to 3). */
    static CoordinateLayout ofIsoThousands(int thousands) {
        return of((thousands & 1) != 0, (thousands & 2) != 0);
    }

    /** The layout named by a WKT tag ({@code Z}, {@code M}, {@code ZM}, any case), or {@code null}. */
    static CoordinateLayout ofWktTag(String tag) {
        return switch (tag.toUpperCase(Locale.ROOT)) {
            case "Z" -> XYZ;
            case "M" -> XYM;
            case "ZM" -> XYZM;
            default -> null;
        };
    }

    /** The layout an untagged WKT coordinate implies by its ordinate count (2, 3 or 4). */
    static CoordinateLayout ofUntaggedCount(int ordinates) {
        return ordinates == 2 ? XY : ordinates == 3 ? XYZ : XYZM;
    }
}
