package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * EXECUTE (0x07), spec 8.4: portal name, {@code u32 max_rows} (0 = all), and optional
 * {@code u32 execute_flags} (bit 0 = autocommit). {@code executeFlags} is null when absent.
 */
public record Execute(String portalName, int maxRows, Integer executeFlags) implements ClientMessage {

    public static final int AUTOCOMMIT = 0x1;

    public Execute {
        Objects.requireNonNull(portalName, "portalName");
    }

    public boolean autocommit() {
        return executeFlags != null && (executeFlags & AUTOCOMMIT) != 0;
    }

    @Override
    public MessageType type() {
        return MessageType.EXECUTE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(portalName).i32(maxRows);
        if (executeFlags != null) {
            out.i32(executeFlags);
        }
    }

    public static Execute decode(PayloadReader r) {
        String portal = r.lpstr("portal_name");
        int maxRows = r.i32("max_rows");
        Integer flags = r.remaining() >= 4 ? r.i32("execute_flags") : null;
        return new Execute(portal, maxRows, flags);
    }
}
