package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * COMMAND_COMPLETE (0x46), spec 7.4: {@code u8 command_type} (1), 3 reserved bytes,
 * {@code u64 rows}, {@code u64 last_insert_id}, and a {@code cstr} tag. Clients take counts from
 * {@code rows}, never from the tag.
 */
public record CommandComplete(int commandType, long rows, long lastInsertId, String tag) implements ServerMessage {

    public CommandComplete {
        Objects.requireNonNull(tag, "tag");
    }

    public static CommandComplete of(String tag, long rows) {
        return new CommandComplete(1, rows, 0, tag);
    }

    @Override
    public MessageType type() {
        return MessageType.COMMAND_COMPLETE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(commandType).zeros(3).i64(rows).i64(lastInsertId).cstr(tag);
    }

    public static CommandComplete decode(PayloadReader r) {
        int type = r.u8("command_type");
        r.skip(3, "reserved");
        CommandComplete c = new CommandComplete(type, r.i64("rows"), r.i64("last_insert_id"), r.cstr("tag"));
        r.expectEnd("COMMAND_COMPLETE");
        return c;
    }
}
