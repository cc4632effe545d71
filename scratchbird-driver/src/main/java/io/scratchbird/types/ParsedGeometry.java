package io.scratchbird.types;

/** What a WKB or WKT reader produced: the SRID it found (0 if none), the layout and the content. */
record ParsedGeometry(int srid, CoordinateLayout layout, Shape shape) {
}
