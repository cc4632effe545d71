package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/** SET_OPTION (0x1C), spec 9.7: {@code lpstr name}, {@code lpstr value}, nothing else. */
public record SetOption(String name, String value) implements ClientMessage {

    public static final int MAX_NAME_BYTES = 256;
    public static final int MAX_VALUE_BYTES = 4096;

    public SetOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public MessageType type() {
        return MessageType.SET_OPTION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(name).lpstr(value);
    }

    public static SetOption decode(PayloadReader r) {
        SetOption o = new SetOption(r.lpstr("option_name"), r.lpstr("option_value"));
        r.expectEnd("SET_OPTION");
        return o;
    }
}
