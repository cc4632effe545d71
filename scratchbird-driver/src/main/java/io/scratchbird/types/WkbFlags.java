package io.scratchbird.types;

/** The header constants of (E)WKB: byte-order markers and the PostGIS EWKB type-word flags. */
final class WkbFlags {

    static final int BIG_ENDIAN = 0;
    static final int LITTLE_ENDIAN = 1;

    static final int EWKB_Z = 0x8000_0000;
    static final int EWKB_M = 0x4000_0000;
    static final int EWKB_SRID = 0x2000_0000;
    static final int EWKB_ALL = EWKB_Z | EWKB_M | EWKB_SRID;

    private WkbFlags() {
    }
}
