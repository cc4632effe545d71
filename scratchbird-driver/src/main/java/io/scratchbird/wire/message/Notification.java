package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * NOTIFICATION (0x54) in the server's layout, which is normative (spec 9.11, U-14):
 * {@code lpstr channel}, {@code lpstr payload}, {@code u32} (0). The upstream server sends one
 * after SUBSCRIBE with channel {@code session} and payload {@code subscription_active}.
 */
public record Notification(String channel, String payload, int trailer) implements ServerMessage {

    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.NOTIFICATION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(channel).lpstr(payload).i32(trailer);
    }

    public static Notification decode(PayloadReader r) {
        Notification n = new Notification(r.lpstr("channel"), r.lpstr("payload"), r.i32("trailer"));
        r.expectEnd("NOTIFICATION");
        return n;
    }
}
