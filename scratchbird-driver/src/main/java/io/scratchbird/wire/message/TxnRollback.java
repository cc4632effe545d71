package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * TXN_ROLLBACK (0x17), spec 9.1: the drivers send {@code [flags, 0, 0, 0]}; the server ignores
 * the payload, so any payload decodes (its first byte, if any, as the flags).
 */
public record TxnRollback(int flags) implements ClientMessage {

    public static final TxnRollback PLAIN = new TxnRollback(0);

    @Override
    public MessageType type() {
        return MessageType.TXN_ROLLBACK;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(flags).zeros(3);
    }

    public static TxnRollback decode(PayloadReader r) {
        return new TxnRollback(r.hasRemaining() ? r.u8("flags") : 0);
    }
}
