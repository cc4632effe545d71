package io.scratchbird.wire;

/** Feature bits negotiated in STARTUP (spec 5.1) and the server's derived masks. */
public final class FeatureBits {

    public static final long COMPRESSION = 1L;
    public static final long STREAMING = 1L << 1;
    public static final long SBLR = 1L << 2;
    public static final long FEDERATION = 1L << 3;
    public static final long NOTIFICATIONS = 1L << 4;
    public static final long QUERY_PLAN = 1L << 5;
    public static final long BATCH = 1L << 6;
    public static final long PIPELINE = 1L << 7;
    public static final long BINARY_COPY = 1L << 8;
    public static final long SAVEPOINTS = 1L << 9;
    public static final long TWO_PHASE = 1L << 10;
    public static final long CHECKSUMS = 1L << 11;
    public static final long MULTI_RESULT = 1L << 13;
    public static final long GENERATED_KEYS = 1L << 14;
    public static final long OUT_PARAMETERS = 1L << 15;
    public static final long ARRAY_BIND = 1L << 16;
    public static final long BULK_REJECTS = 1L << 17;
    public static final long LOB_LOCATOR = 1L << 18;
    public static final long CURSORS = 1L << 19;
    public static final long COPY_BACKPRESSURE = 1L << 20;
    public static final long SESSION_RESET = 1L << 21;
    public static final long REAUTH = 1L << 22;
    public static final long FAILOVER_HINTS = 1L << 23;
    public static final long TRACE_CONTEXT = 1L << 24;

    /** Bits 0-24. */
    public static final long KNOWN_CORE = 0x0000_0000_01FF_FFFFL;
    /** Bits 13-24, only available when protocol 1.1 is selected. */
    public static final long P1_ONLY = 0x0000_0000_01FF_E000L;
    /** What the upstream server supports (also sent in SERVER_INFO). */
    public static final long SERVER_SUPPORTED = 0x0000_0000_016F_E3D6L;

    private FeatureBits() {
    }

    public static boolean has(long bitmap, long bit) {
        return (bitmap & bit) == bit;
    }
}
