package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * AUTH_OK (0x41): the session id (= attachment id) and an info blob — empty for PASSWORD, the
 * SCRAM server-final message {@code v=...} for SCRAM (spec 6.5).
 */
public record AuthOk(UUID sessionId, Bytes info) implements ServerMessage {

    @Override
    public MessageType type() {
        return MessageType.AUTH_OK;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.uuid(sessionId).i32(info.length()).bytes(info);
    }

    public static AuthOk decode(PayloadReader r) {
        UUID id = r.uuid("session_id");
        Bytes info = Bytes.of(r.lpbytes("info"));
        r.expectEnd("AUTH_OK");
        return new AuthOk(id, info);
    }
}
