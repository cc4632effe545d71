package io.scratchbird.types;

import java.math.BigDecimal;

/**
 * Writes ISO WKT in PostGIS spacing: {@code POINT(1 2)}, {@code POINT Z (1 2 3)},
 * {@code POINT EMPTY}, {@code MULTIPOINT((1 2),(3 4))}; collection members carry their own tags.
 * Numbers use the shortest form that reads back as the same double, never an exponent.
 */
final class WktWriter {

    private final StringBuilder out = new StringBuilder();
    private final CoordinateLayout layout;

    private WktWriter(CoordinateLayout layout) {
        this.layout = layout;
    }

    static String write(Shape shape, CoordinateLayout layout) {
        WktWriter writer = new WktWriter(layout);
        writer.tagged(shape);
        return writer.out.toString();
    }

    /**
     * Plain decimal text without a trailing {@code .0}; {@code -0.0} keeps its sign so that reading
     * the text back gives the very same double.
     */
    static String formatNumber(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code KEYWORD [tag] body}, the form of a top-level geometry and of a collection member. */
    private void tagged(Shape shape) {
        out.append(shape.kind().name());
        String tag = layout.wktTag();
        if (!tag.isEmpty()) {
            out.append(' ').append(tag);
        }
        if (shape.hasNoParts()) {
            out.append(" EMPTY");
            return;
        }
        if (!tag.isEmpty()) {
            out.append(' ');
        }
        body(shape);
    }

    /** The parenthesised part, or {@code EMPTY} for an empty member of a MULTI* geometry. */
    private void body(Shape shape) {
        if (shape.hasNoParts()) {
            out.append("EMPTY");
            return;
        }
        out.append('(');
        switch (shape.kind()) {
            case POINT, LINESTRING -> coordinates(shape.coordinates());
            case POLYGON -> {
                for (int i = 0; i < shape.rings().size(); i++) {
                    separate(i);
                    out.append('(');
                    coordinates(shape.rings().get(i));
                    out.append(')');
                }
            }
            default -> {
                for (int i = 0; i < shape.members().size(); i++) {
                    separate(i);
                    Shape member = shape.members().get(i);
                    if (shape.kind() == GeometryKind.GEOMETRYCOLLECTION) {
                        tagged(member);
                    } else {
                        body(member);
                    }
                }
            }
        }
        out.append(')');
    }

    private void coordinates(double[] values) {
        int ordinates = layout.ordinates();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(i % ordinates == 0 ? ',' : ' ');
            }
            out.append(formatNumber(values[i]));
        }
    }

    private void separate(int index) {
        if (index > 0) {
            out.append(',');
        }
    }
}
