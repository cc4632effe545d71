package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/** UNSUBSCRIBE (0x12), the drivers' layout: {@code lpstr channel}. */
public record Unsubscribe(String channel) implements ClientMessage {

    public Unsubscribe {
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public MessageType type() {
        return MessageType.UNSUBSCRIBE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(channel);
    }

    public static Unsubscribe decode(PayloadReader r) {
        return new Unsubscribe(r.lpstr("channel"));
    }
}
