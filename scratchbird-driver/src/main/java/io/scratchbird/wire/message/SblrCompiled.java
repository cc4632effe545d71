package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/** SBLR_COMPILED (0x57), spec 9.13: {@code u64} statement hash, {@code u32} version (3), length-prefixed SBLR. */
public record SblrCompiled(long statementHash, int version, Bytes sblr) implements ServerMessage {

    @Override
    public MessageType type() {
        return MessageType.SBLR_COMPILED;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.i64(statementHash).i32(version).i32(sblr.length()).bytes(sblr);
    }

    public static SblrCompiled decode(PayloadReader r) {
        SblrCompiled s = new SblrCompiled(r.i64("statement_hash"), r.i32("version"), Bytes.of(r.lpbytes("sblr")));
        r.expectEnd("SBLR_COMPILED");
        return s;
    }
}
