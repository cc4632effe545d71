package io.scratchbird.types;

import io.scratchbird.wire.ValueFormatException;

/**
 * Validity rules both readers enforce, phrased as problem messages so that each reader can attach
 * its own kind of offset (byte or character), and the one way every reader rejects input.
 */
final class ShapeRules {

    /** How deeply GEOMETRYCOLLECTIONs may nest; bounds recursion on hostile input. */
    static final int MAX_DEPTH = 32;

    private ShapeRules() {
    }

    /** A rejection of geometry input at {@code offset} (byte or character, as the reader counts). */
    static ValueFormatException reject(long offset, String detail) {
        return new ValueFormatException("geometry", offset, detail);
    }

    static String depthProblem() {
        return "geometry collections nest deeper than " + MAX_DEPTH + " levels";
    }

    /** A LINESTRING is EMPTY or has at least two points (PostGIS rejects one-point lines). */
    static String lineStringProblem(int points) {
        return points == 1 ? "a LINESTRING needs at least 2 points, found 1" : null;
    }

    /**
     * A polygon ring has at least 4 points and is closed: its first and last points coincide in X,
     * Y and (if present) Z. M may differ, as in PostGIS, since it measures along the ring.
     */
    static String ringProblem(double[] coordinates, CoordinateLayout layout) {
        int ordinates = layout.ordinates();
        int points = coordinates.length / ordinates;
        if (points < 4) {
            return "a polygon ring needs at least 4 points, found " + points;
        }
        int last = coordinates.length - ordinates;
        for (int i = 0; i < layout.spatialOrdinates(); i++) {
            if (coordinates[i] != coordinates[last + i]) {
                return "polygon ring is not closed: its first point differs from its last point";
            }
        }
        return null;
    }
}
