package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * READY (0x43) in the legacy layout (20 bytes, spec 6.9): transaction-active byte, 3 reserved
 * bytes, the transaction id and a second id equal to it. The ready reason is not transmitted.
 */
public record LegacyReady(int txnActive, long txnId, long secondId) implements ReadyMessage {

    public static final int SIZE = 20;

    public static LegacyReady of(long txnId) {
        return new LegacyReady(txnId != 0 ? 1 : 0, txnId, txnId);
    }

    @Override
    public boolean transactionActive() {
        return txnActive != 0;
    }

    @Override
    public MessageType type() {
        return MessageType.READY;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(txnActive).zeros(3).i64(txnId).i64(secondId);
    }

    public static LegacyReady decode(PayloadReader r) {
        int active = r.u8("txn_active");
        r.skip(3, "reserved");
        LegacyReady ready = new LegacyReady(active, r.i64("txn_id"), r.i64("txn_id_repeat"));
        r.expectEnd("READY (legacy)");
        return ready;
    }
}
