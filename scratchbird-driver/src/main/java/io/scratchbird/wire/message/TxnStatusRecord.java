package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;
import java.util.UUID;

/** TXN_STATUS (0x5C) sent by the server: a commit finality record (spec 9.2). */
public record TxnStatusRecord(int version, int state, int flags, UUID idempotencyKey, UUID finalityToken,
                              long requestFingerprint, long originalTxnId, long replacementTxnId,
                              String diagnosticCode, String detail) implements ServerMessage {

    public static final int STATE_UNKNOWN = 0;
    public static final int STATE_COMMITTED = 1;
    public static final int STATE_ROLLED_BACK = 2;
    public static final int STATE_REFUSED = 3;
    public static final int STATE_POST_INVENTORY_FAILURE = 4;
    public static final int STATE_NOT_FOUND = 5;

    public TxnStatusRecord {
        Objects.requireNonNull(diagnosticCode, "diagnosticCode");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public MessageType type() {
        return MessageType.TXN_STATUS;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(version).u8(state).u16(flags).uuid(idempotencyKey).uuid(finalityToken).i64(requestFingerprint)
                .i64(originalTxnId).i64(replacementTxnId).u16str(diagnosticCode).u16str(detail);
    }

    public static TxnStatusRecord decode(PayloadReader r) {
        TxnStatusRecord t = new TxnStatusRecord(r.u8("version"), r.u8("state"), r.u16("flags"),
                r.uuid("idempotency_key"), r.uuid("finality_token"), r.i64("request_fingerprint"),
                r.i64("original_txn_id"), r.i64("replacement_txn_id"), r.u16str("diagnostic_code"), r.u16str("detail"));
        r.expectEnd("TXN_STATUS");
        return t;
    }
}
