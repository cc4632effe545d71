package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/** AUTH_REQUEST (0x40): {@code u8 method}, 3 reserved zero bytes, method data (spec 6.5). */
public record AuthRequest(int method, Bytes data) implements ServerMessage {

    public static final int OK = 0;
    public static final int PASSWORD = 1;
    public static final int MD5 = 2;
    public static final int SCRAM_SHA_256 = 3;
    public static final int SCRAM_SHA_512 = 4;
    public static final int TOKEN = 5;

    public static AuthRequest of(int method) {
        return new AuthRequest(method, Bytes.EMPTY);
    }

    @Override
    public MessageType type() {
        return MessageType.AUTH_REQUEST;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u8(method).zeros(3).bytes(data);
    }

    public static AuthRequest decode(PayloadReader r) {
        int method = r.u8("auth_method");
        r.skip(3, "reserved");
        return new AuthRequest(method, r.fixed(r.remaining(), "method_data"));
    }
}
