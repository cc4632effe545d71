package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.UUID;

/**
 * TXN_STATUS (0x5C) sent by a client: the commit-finality query of spec 9.2 (44 bytes, version 1):
 * look a finality record up by idempotency key or finality token.
 */
public record TxnStatusQuery(int flags, UUID idempotencyKey, UUID finalityToken, long expectedTxnId)
        implements ClientMessage {

    public static final int SIZE = 44;

    @Override
    public MessageType type() {
        return MessageType.TXN_STATUS;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(1).u8(0).u16(flags).uuid(idempotencyKey).uuid(finalityToken).i64(expectedTxnId);
    }

    public static TxnStatusQuery decode(PayloadReader r) {
        long at = r.offset();
        int version = r.u8("version");
        if (version != 1) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                    "TxnStatus query version must be 1, got " + version);
        }
        r.skip(1, "reserved");
        TxnStatusQuery q = new TxnStatusQuery(r.u16("flags"), r.uuid("idempotency_key"), r.uuid("finality_token"),
                r.i64("expected_txn_id"));
        r.expectEnd("TXN_STATUS query");
        return q;
    }
}
