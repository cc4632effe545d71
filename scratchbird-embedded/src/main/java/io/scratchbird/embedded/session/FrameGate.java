package io.scratchbird.embedded.session;

import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.MessageType;

/**
 * Rows 6 and 7 of spec 3.6: which client codes the server accepts at all, and which need a
 * negotiated feature bit. Both failures are fatal, with the exact texts of the spec (including
 * the quirk of printing the code in decimal after a literal {@code 0x}).
 */
final class FrameGate {

    private FrameGate() {
    }

    static boolean accepted(int code) {
        MessageType t = MessageType.byCode(code);
        if (t == null) {
            return false;
        }
        return switch (t) {
            case STARTUP, AUTH_RESPONSE, QUERY, PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, SYNC, CANCEL, TERMINATE,
                 COPY_DATA, COPY_DONE, COPY_FAIL, SBLR_EXECUTE, SUBSCRIBE, UNSUBSCRIBE, STREAM_CONTROL, TXN_BEGIN,
                 TXN_COMMIT, TXN_ROLLBACK, TXN_SAVEPOINT, TXN_RELEASE, TXN_ROLLBACK_TO, PING, SET_OPTION,
                 RESET_SESSION, REAUTH, TRACE_CONTEXT, TXN_STATUS, LOB_CLOSE, HEARTBEAT, EXTENSION -> true;
            default -> false;
        };
    }

    /** The feature bit a client code needs, 0 for none, -1 for "can never be negotiated". */
    static long gate(int code) {
        MessageType t = MessageType.byCode(code);
        if (t == null) {
            return 0;
        }
        return switch (t) {
            case COPY_DATA, COPY_DONE, COPY_FAIL -> FeatureBits.STREAMING;
            case SBLR_EXECUTE -> FeatureBits.SBLR;
            case SUBSCRIBE, UNSUBSCRIBE -> FeatureBits.NOTIFICATIONS;
            case TXN_SAVEPOINT, TXN_RELEASE, TXN_ROLLBACK_TO -> FeatureBits.SAVEPOINTS;
            case STREAM_CONTROL -> FeatureBits.COPY_BACKPRESSURE;
            case RESET_SESSION -> FeatureBits.SESSION_RESET;
            case REAUTH -> FeatureBits.REAUTH;
            case TRACE_CONTEXT -> FeatureBits.TRACE_CONTEXT;
            case LOB_CLOSE -> FeatureBits.LOB_LOCATOR;
            case EXTENSION -> -1;
            default -> 0;
        };
    }

    static ProtocolFailure unknownFrame() {
        return ProtocolFailure.fatal("08P01", "NATIVE_WIRE.PROTOCOL_FATAL", "unknown SBWP frame type is not recoverable");
    }

    static ProtocolFailure notNegotiated(int code) {
        return ProtocolFailure.fatal("08P01", "SBWP.FEATURE.NOT_NEGOTIATED",
                "frame 0x" + code + " requires a feature that was not negotiated for this session");
    }

    /** Checks rows 6 and 7 for a frame of {@code code} in a session with {@code negotiated} features. */
    static void check(int code, long negotiated) throws ProtocolFailure {
        if (!accepted(code)) {
            throw unknownFrame();
        }
        long bit = gate(code);
        if (bit == -1 || bit != 0 && (negotiated & bit) == 0) {
            throw notNegotiated(code);
        }
    }
}
