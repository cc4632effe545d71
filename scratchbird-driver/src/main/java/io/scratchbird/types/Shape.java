package io.scratchbird.types;

import java.util.List;

/**
 * The content of a geometry as a tree, without SRID or layout (those apply to the whole tree, see
 * {@link ParsedGeometry}). Coordinates are flat arrays of {@code ordinates × points} doubles.
 * Instances are built only by the readers, after validation, and never handed out, so the arrays
 * are not copied.
 */
final class Shape {

    private final GeometryKind kind;
    /** POINT: one array of 0 or 1 coordinate; LINESTRING: one array; POLYGON: one array per ring. */
    private final List<double[]> sequences;
    /** MULTI* and GEOMETRYCOLLECTION members. */
    private final List<Shape> members;

    private Shape(GeometryKind kind, List<double[]> sequences, List<Shape> members) {
        this.kind = kind;
        this.sequences = sequences;
        this.members = members;
    }

    /** @param coordinate the ordinates, or an empty array for POINT EMPTY */
    static Shape point(double[] coordinate) {
        return new Shape(GeometryKind.POINT, List.of(coordinate), List.of());
    }

    static Shape lineString(double[] coordinates) {
        return new Shape(GeometryKind.LINESTRING, List.of(coordinates), List.of());
    }

    static Shape polygon(List<double[]> rings) {
        return new Shape(GeometryKind.POLYGON, List.copyOf(rings), List.of());
    }

    static Shape collection(GeometryKind kind, List<Shape> members) {
        return new Shape(kind, List.of(), List.copyOf(members));
    }

    /** The EMPTY geometry of a kind. */
    static Shape empty(GeometryKind kind) {
        return switch (kind) {
            case POINT -> point(new double[0]);
            case LINESTRING -> lineString(new double[0]);
            case POLYGON -> polygon(List.of());
            default -> collection(kind, List.of());
        };
    }

    GeometryKind kind() {
        return kind;
    }

    /** The coordinates of a POINT or LINESTRING. */
    double[] coordinates() {
        return sequences.get(0);
    }

    /** The rings of a POLYGON, exterior first. */
    List<double[]> rings() {
        return sequences;
    }

    List<Shape> members() {
        return members;
    }

    /** Whether the geometry has no parts at all, so that WKT writes it as {@code EMPTY}. */
    boolean hasNoParts() {
        return switch (kind) {
            case POINT, LINESTRING -> coordinates().length == 0;
            case POLYGON -> sequences.isEmpty();
            default -> members.isEmpty();
        };
    }

    /** Whether the geometry holds no coordinate, even through members (PostGIS ST_IsEmpty). */
    boolean isEmpty() {
        if (!kind.isCollection()) {
            return hasNoParts();
        }
        for (Shape member : members) {
            if (!member.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
