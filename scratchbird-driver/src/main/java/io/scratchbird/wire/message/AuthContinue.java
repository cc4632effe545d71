package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * AUTH_CONTINUE (0x42), the drivers' layout (spec 6.5): {@code u8 method}, {@code u8 stage}
 * (1 = SCRAM server-first), 2 reserved bytes, {@code u32 data_length}, data. Declared data that
 * runs past the payload is rejected.
 */
public record AuthContinue(int method, int stage, Bytes data) implements ServerMessage {

    public static final int STAGE_SERVER_FIRST = 1;

    @Override
    public MessageType type() {
        return MessageType.AUTH_CONTINUE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(method).u8(stage).u16(0).i32(data.length()).bytes(data);
    }

    public static AuthContinue decode(PayloadReader r) {
        int method = r.u8("auth_method");
        int stage = r.u8("stage");
        r.skip(2, "reserved");
        Bytes data = Bytes.of(r.lpbytes("data"));
        r.expectEnd("AUTH_CONTINUE");
        return new AuthContinue(method, stage, data);
    }
}
