package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/** DESCRIBE (0x06), spec 8.2: kind {@code 'S'} statement or {@code 'P'} portal, 3 reserved bytes, name. */
public record Describe(int kind, String name) implements ClientMessage {

    public static final int STATEMENT = 'S';
    public static final int PORTAL = 'P';

    public Describe {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public MessageType type() {
        return MessageType.DESCRIBE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(kind).zeros(3).lpstr(name);
    }

    public static Describe decode(PayloadReader r) {
        int kind = r.u8("describe_kind");
        r.skip(3, "reserved");
        Describe d = new Describe(kind, r.lpstr("name"));
        r.expectEnd("DESCRIBE");
        return d;
    }
}
