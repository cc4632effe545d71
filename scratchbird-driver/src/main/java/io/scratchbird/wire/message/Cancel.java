package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * CANCEL (0x0B), spec 9.4. The server reads a 16-byte cancel request id (substituting the fixed
 * id {@link #FALLBACK_ID} when absent or zero) and an optional 16-byte target id; further bytes
 * are ignored. The upstream drivers send 8 bytes ({@code u32 cancel_type = 0},
 * {@code u32 target_sequence}), which the server reads as "no id, no target".
 */
public record Cancel(Bytes raw) implements ClientMessage {

    /** {@code 292d6577-f82d-7968-a92d-6577f82d8968}, the server's fixed id for anonymous cancels. */
    public static final UUID FALLBACK_ID = UUID.fromString("292d6577-f82d-7968-a92d-6577f82d8968");
    private static final UUID ZERO = new UUID(0, 0);

    /** The 32-byte form: a request id and a target id (zero = no target). */
    public static Cancel of(UUID requestId, UUID targetId) {
        PayloadWriter w = new PayloadWriter(32);
        w.uuid(requestId).uuid(targetId == null ? ZERO : targetId);
        return new Cancel(Bytes.of(w.toByteArray()));
    }

    /** The upstream drivers' 8-byte form. */
    public static Cancel parity(int targetSequence) {
        return new Cancel(Bytes.of(new PayloadWriter(8).i32(0).i32(targetSequence).toByteArray()));
    }

    /** The request id as the server interprets it. */
    public UUID requestId() {
        if (raw.length() < 16) {
            return FALLBACK_ID;
        }
        UUID id = new PayloadReader(raw.toArray()).uuid("cancel_request_id");
        return id.equals(ZERO) ? FALLBACK_ID : id;
    }

    /** The target id, or {@code null} when none is supplied (shorter than 32 bytes or all zero). */
    public UUID targetId() {
        if (raw.length() < 32) {
            return null;
        }
        PayloadReader r = new PayloadReader(raw.toArray());
        r.skip(16, "cancel_request_id");
        UUID target = r.uuid("target_id");
        return target.equals(ZERO) ? null : target;
    }

    @Override
    public MessageType type() {
        return MessageType.CANCEL;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.bytes(raw);
    }

    public static Cancel decode(PayloadReader r) {
        return new Cancel(r.fixed(r.remaining(), "cancel_payload"));
    }
}
