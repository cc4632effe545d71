package io.scratchbird.wire;

/** Bits of the header {@code flags} byte (spec 3.3). */
public final class FrameFlags {

    /** Payload compressed; never negotiated, so always rejected. */
    public static final int COMPRESSED = 0x01;
    /** One piece of a longer QUERY payload; more pieces follow. */
    public static final int PARTIAL = 0x02;
    /** Last piece of a multi-frame QUERY payload. */
    public static final int FINAL = 0x04;
    /** Accepted and ignored; set on CANCEL for parity with the upstream drivers. */
    public static final int URGENT = 0x08;
    /** Bits 4-7: must be zero. */
    public static final int RESERVED_MASK = 0xF0;

    private FrameFlags() {
    }
}
