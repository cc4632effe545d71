package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * SUBSCRIBE (0x11), the drivers' layout (spec 9.11): {@code u8 type} (0 channel, 1 table,
 * 2 query, 3 event), 3 reserved bytes, {@code lpstr channel}, {@code lpstr filter}. The upstream
 * server ignores the payload.
 */
public record Subscribe(int subscriptionType, String channel, String filter) implements ClientMessage {

    public Subscribe {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public MessageType type() {
        return MessageType.SUBSCRIBE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(subscriptionType).zeros(3).lpstr(channel).lpstr(filter);
    }

    public static Subscribe decode(PayloadReader r) {
        int type = r.u8("subscription_type");
        r.skip(3, "reserved");
        return new Subscribe(type, r.lpstr("channel"), r.lpstr("filter"));
    }
}
