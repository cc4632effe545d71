package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * TXN_SAVEPOINT (0x18), TXN_RELEASE (0x19) and TXN_ROLLBACK_TO (0x1A), spec 9.3: exactly one
 * {@code lpstr} name, which the server requires to match {@code [A-Za-z_][A-Za-z0-9_]*}.
 */
public record SavepointCommand(MessageType type, String name) implements ClientMessage {

    private static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SavepointCommand {
        if (type != MessageType.TXN_SAVEPOINT && type != MessageType.TXN_RELEASE && type != MessageType.TXN_ROLLBACK_TO) {
            throw new IllegalArgumentException("not a savepoint frame: " + type);
        }
        Objects.requireNonNull(name, "name");
    }

    public static SavepointCommand savepoint(String name) {
        return new SavepointCommand(MessageType.TXN_SAVEPOINT, name);
    }

    public static SavepointCommand release(String name) {
        return new SavepointCommand(MessageType.TXN_RELEASE, name);
    }

    public static SavepointCommand rollbackTo(String name) {
        return new SavepointCommand(MessageType.TXN_ROLLBACK_TO, name);
    }

    /** Whether the name is acceptable to the server's frame handler. */
    public boolean hasSimpleName() {
        return SIMPLE_IDENTIFIER.matcher(name).matches();
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(name);
    }

    public static SavepointCommand decode(MessageType type, PayloadReader r) {
        String name = r.lpstr("savepoint_name");
        r.expectEnd(type.name());
        return new SavepointCommand(type, name);
    }
}
