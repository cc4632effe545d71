package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * CLOSE (0x08), spec 8.6: kind {@code 'S'} or {@code 'P'}, 3 reserved bytes, name. An empty
 * payload decodes to kind 0 (which closes nothing), as the server treats it.
 */
public record Close(int kind, String name) implements ClientMessage {

    public static final int STATEMENT = 'S';
    public static final int PORTAL = 'P';

    public Close {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public MessageType type() {
        return MessageType.CLOSE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(kind).zeros(3).lpstr(name);
    }

    public static Close decode(PayloadReader r) {
        if (!r.hasRemaining()) {
            return new Close(0, "");
        }
        int kind = r.u8("close_kind");
        r.skip(3, "reserved");
        return new Close(kind, r.lpstr("name"));
    }
}
