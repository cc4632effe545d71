package io.scratchbird.types;

import io.scratchbird.wire.PayloadWriter;

/**
 * Writes little-endian WKB: ISO type codes (the canonical form a {@link Geometry} stores) or
 * PostGIS EWKB (Z/M/SRID flags, the SRID on the outermost geometry only, as PostGIS writes it).
 */
final class WkbWriter {

    private final PayloadWriter out = new PayloadWriter();
    private final CoordinateLayout layout;
    private final boolean extended;

    private WkbWriter(CoordinateLayout layout, boolean extended) {
        this.layout = layout;
        this.extended = extended;
    }

    static byte[] iso(Shape shape, CoordinateLayout layout) {
        WkbWriter writer = new WkbWriter(layout, false);
        writer.write(shape, 0);
        return writer.out.toByteArray();
    }

    /** @param srid written (with the SRID flag) only when not 0 */
    static byte[] ewkb(Shape shape, CoordinateLayout layout, int srid) {
        WkbWriter writer = new WkbWriter(layout, true);
        writer.write(shape, srid);
        return writer.out.toByteArray();
    }

    private void write(Shape shape, int srid) {
        out.u8(WkbFlags.LITTLE_ENDIAN);
        out.i32(typeWord(shape.kind(), srid != 0));
        if (srid != 0) {
            out.i32(srid);
        }
        switch (shape.kind()) {
            case POINT -> writePoint(shape.coordinates());
            case LINESTRING -> writeSequence(shape.coordinates());
            case POLYGON -> {
                out.i32(shape.rings().size());
                shape.rings().forEach(this::writeSequence);
            }
            default -> {
                out.i32(shape.members().size());
                shape.members().forEach(member -> write(member, 0));
            }
        }
    }

    private int typeWord(GeometryKind kind, boolean withSrid) {
        if (!extended) {
            return kind.wkbCode() + layout.isoTypeOffset();
        }
        return kind.wkbCode()
                | (layout.hasZ() ? WkbFlags.EWKB_Z : 0)
                | (layout.hasM() ? WkbFlags.EWKB_M : 0)
                | (withSrid ? WkbFlags.EWKB_SRID : 0);
    }

    /** WKB has no empty point, so POINT EMPTY is all-NaN ordinates (what PostGIS and GEOS write). */
    private void writePoint(double[] coordinate) {
        if (coordinate.length == 0) {
            for (int i = 0; i < layout.ordinates(); i++) {
                out.f64(Double.NaN);
            }
        } else {
            writeOrdinates(coordinate);
        }
    }

    private void writeSequence(double[] coordinates) {
        out.i32(coordinates.length / layout.ordinates());
        writeOrdinates(coordinates);
    }

    private void writeOrdinates(double[] values) {
        for (double value : values) {
            out.f64(value);
        }
    }
}
