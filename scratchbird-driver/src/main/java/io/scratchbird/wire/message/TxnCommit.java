package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.UUID;

/**
 * TXN_COMMIT (0x16), spec 9.1/9.2: either exactly 4 bytes {@code [flags, 0, 0, 0]} or the
 * ≥ 36-byte finality request (payload version 1, contract flags, idempotency key, request
 * fingerprint, expected transaction id). Anything else — including an empty payload — is invalid.
 */
public record TxnCommit(int legacyFlags, Finality finality) implements ClientMessage {

    public static final TxnCommit PLAIN = new TxnCommit(0, null);

    @Override
    public MessageType type() {
        return MessageType.TXN_COMMIT;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        if (finality == null) {
            out.u8(legacyFlags).zeros(3);
        } else {
            out.u8(legacyFlags).u8(1).u16(finality.contractFlags()).uuid(finality.idempotencyKey())
                    .i64(finality.requestFingerprint()).i64(finality.expectedTxnId());
        }
    }

    public static TxnCommit decode(PayloadReader r) {
        int n = r.remaining();
        byte[] b = r.array();
        int p = r.position();
        if (n == 4 && b[p + 1] == 0 && b[p + 2] == 0 && b[p + 3] == 0) {
            return new TxnCommit(r.u8("legacy_flags"), null);
        }
        if (n >= 36 && b[p + 1] == 1) {
            int flags = r.u8("legacy_flags");
            r.skip(1, "payload_version");
            return new TxnCommit(flags, new Finality(r.u16("contract_flags"), r.uuid("idempotency_key"),
                    r.i64("request_fingerprint"), r.i64("expected_txn_id")));
        }
        throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, r.offset(),
                "TxnCommit payload of " + n + " byte(s) is neither the 4-byte form nor a version-1 finality request");
    }

    /** The idempotent-commit extension fields. */
    public record Finality(int contractFlags, UUID idempotencyKey, long requestFingerprint, long expectedTxnId) {
        public static final int HAS_IDEMPOTENCY_KEY = 0x0001;
        public static final int CALLER_ACKNOWLEDGED_RETRY = 0x0002;
        public static final int HAS_SIDE_EFFECTS = 0x0004;
    }
}
