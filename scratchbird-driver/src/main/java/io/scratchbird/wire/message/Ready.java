package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * READY (0x43) in the P1 layout (76 bytes, spec 6.9): ends every response. Carries the current
 * transaction id and status, why the server is ready, the selected protocol version and the
 * negotiated feature bitmap.
 */
public record Ready(UUID sessionId, UUID attachmentId, UUID reservedId, long txnId, int status, int reason,
                    int protocolVersion, long negotiatedFeatures, int reserved1, int reserved2)
        implements ReadyMessage {

    public static final int SIZE = 76;

    public static final int STATUS_IN_TRANSACTION = 'T';
    public static final int STATUS_NONE = 'R';
    public static final int STATUS_IDLE = 'I';
    public static final int STATUS_FAILED = 'E';
    public static final int STATUS_ABORTED = 'A';

    public static final int REASON_STARTUP = 1;
    public static final int REASON_COMMAND_COMPLETE = 2;
    public static final int REASON_ERROR_RECOVERED = 3;
    public static final int REASON_RESET_COMPLETE = 4;
    public static final int REASON_REAUTH_COMPLETE = 5;
    public static final int REASON_CANCEL_OUTCOME = 6;
    public static final int REASON_STATE_CHANGE = 7;

    /** The server's usual READY: status 'T' when a transaction id is set, else 'R'. */
    public static Ready of(UUID attachmentId, long txnId, int reason, int protocolVersion, long negotiatedFeatures) {
        return new Ready(attachmentId, attachmentId, new UUID(0, 0), txnId,
                txnId != 0 ? STATUS_IN_TRANSACTION : STATUS_NONE, reason, protocolVersion, negotiatedFeatures, 0, 0);
    }

    @Override
    public boolean transactionActive() {
        return status == STATUS_IN_TRANSACTION || status == STATUS_FAILED;
    }

    @Override
    public MessageType type() {
        return MessageType.READY;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.uuid(sessionId).uuid(attachmentId).uuid(reservedId).i64(txnId).u8(status).u8(reason)
                .u16(protocolVersion).i64(negotiatedFeatures).i32(reserved1).i32(reserved2);
    }

    public static Ready decode(PayloadReader r) {
        Ready ready = new Ready(r.uuid("session_uuid"), r.uuid("attachment_id"), r.uuid("reserved_uuid"),
                r.i64("txn_id"), r.u8("txn_status"), r.u8("ready_reason"), r.u16("selected_protocol_version"),
                r.i64("negotiated_feature_bitmap"), r.i32("reserved_1"), r.i32("reserved_2"));
        r.expectEnd("READY (P1)");
        return ready;
    }
}
