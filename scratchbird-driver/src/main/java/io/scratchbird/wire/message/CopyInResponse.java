package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/** COPY_IN_RESPONSE (0x51), spec 9.12: {@code u8 format} (0 row-field text, 1 binary rowset), {@code u32 window_bytes}. */
public record CopyInResponse(int format, int windowBytes) implements ServerMessage {

    @Override
    public MessageType type() {
        return MessageType.COPY_IN_RESPONSE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(format).i32(windowBytes);
    }

    public static CopyInResponse decode(PayloadReader r) {
        CopyInResponse c = new CopyInResponse(r.u8("format"), r.i32("window_bytes"));
        r.expectEnd("COPY_IN_RESPONSE");
        return c;
    }
}
