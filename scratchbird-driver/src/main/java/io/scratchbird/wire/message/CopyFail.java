package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * COPY_FAIL (0x0F), spec 9.12: the server ignores the payload; the drivers send the reason as an
 * {@code lpstr}. A payload that is not a well-formed lpstr decodes as raw UTF-8.
 */
public record CopyFail(String reason) implements ClientMessage {

    public CopyFail {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public MessageType type() {
        return MessageType.COPY_FAIL;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(reason);
    }

    public static CopyFail decode(PayloadReader r) {
        int start = r.position();
        int length = r.remaining();
        try {
            String s = r.lpstr("reason");
            r.expectEnd("COPY_FAIL");
            return new CopyFail(s);
        } catch (WireFormatException notAnLpstr) {
            return new CopyFail(new String(r.array(), start, length, StandardCharsets.UTF_8));
        }
    }
}
