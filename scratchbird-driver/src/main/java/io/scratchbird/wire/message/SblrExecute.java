package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * SBLR_EXECUTE (0x10), spec 9.13: {@code u64} SBLR hash, {@code u32} envelope length,
 * {@code u16} parameter count (must be 0), 2 reserved bytes, the encoded envelope.
 */
public record SblrExecute(long sblrHash, int parameterCount, Bytes envelope) implements ClientMessage {

    @Override
    public MessageType type() {
        return MessageType.SBLR_EXECUTE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.i64(sblrHash).i32(envelope.length()).u16(parameterCount).u16(0).bytes(envelope);
    }

    public static SblrExecute decode(PayloadReader r) {
        long hash = r.i64("sblr_hash");
        int length = r.u32Bounded("envelope_length", Integer.MAX_VALUE);
        int params = r.u16("parameter_count");
        r.skip(2, "reserved");
        return new SblrExecute(hash, params, r.fixed(length, "envelope"));
    }
}
