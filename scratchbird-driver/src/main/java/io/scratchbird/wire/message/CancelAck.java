package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/** CANCEL_ACK (0x65), spec 9.4: the cancel request id and {@code u8} 1. */
public record CancelAck(UUID cancelId, int acknowledged) implements ServerMessage {

    @Override
    public MessageType type() {
        return MessageType.CANCEL_ACK;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.uuid(cancelId).u8(acknowledged);
    }

    public static CancelAck decode(PayloadReader r) {
        CancelAck a = new CancelAck(r.uuid("cancel_id"), r.u8("acknowledged"));
        r.expectEnd("CANCEL_ACK");
        return a;
    }
}
