package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * TXN_BEGIN (0x15), in the drivers' 12-byte layout (16 with the read-committed mode flag), spec
 * 9.1. The upstream server ignores the payload; a payload shorter than 12 bytes decodes as
 * "no options" ({@link #NO_OPTIONS}).
 */
public record TxnBegin(int optionFlags, int conflictAction, int autocommitMode, int isolation, int accessMode,
                       boolean deferrable, boolean waitForLocks, int timeoutMs, int readCommittedMode)
        implements ClientMessage {

    public static final int HAS_ISOLATION = 0x0001;
    public static final int HAS_ACCESS_MODE = 0x0002;
    public static final int HAS_DEFERRABLE = 0x0004;
    public static final int HAS_WAIT = 0x0008;
    public static final int HAS_TIMEOUT = 0x0010;
    public static final int HAS_AUTOCOMMIT = 0x0020;
    public static final int HAS_READ_COMMITTED_MODE = 0x0100;

    public static final int READ_UNCOMMITTED = 0;
    public static final int READ_COMMITTED = 1;
    /** MGA snapshot. */
    public static final int REPEATABLE_READ = 2;
    /** Snapshot table stability. */
    public static final int SERIALIZABLE = 3;

    public static final TxnBegin NO_OPTIONS = new TxnBegin(0, 0, 0, 0, 0, false, false, 0, 0);

    public static TxnBegin withIsolation(int isolation) {
        return new TxnBegin(HAS_ISOLATION, 0, 0, isolation, 0, false, false, 0, 0);
    }

    @Override
    public MessageType type() {
        return MessageType.TXN_BEGIN;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(optionFlags).u8(conflictAction).u8(autocommitMode).u8(isolation).u8(accessMode)
                .u8(deferrable ? 1 : 0).u8(waitForLocks ? 1 : 0).i32(timeoutMs);
        if ((optionFlags & HAS_READ_COMMITTED_MODE) != 0) {
            out.u8(readCommittedMode).zeros(3);
        }
    }

    public static TxnBegin decode(PayloadReader r) {
        if (r.remaining() < 12) {
            return NO_OPTIONS;
        }
        int flags = r.u16("flags");
        TxnBegin t = new TxnBegin(flags, r.u8("conflict_action"), r.u8("autocommit_mode"), r.u8("isolation"),
                r.u8("access_mode"), r.u8("deferrable") != 0, r.u8("wait") != 0, r.i32("timeout_ms"),
                (flags & HAS_READ_COMMITTED_MODE) != 0 && r.remaining() >= 4 ? r.u8("read_committed_mode") : 0);
        return t;
    }
}
