package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.Objects;

/**
 * TRACE_CONTEXT (0x23), spec 9.10: 16 ignored bytes, {@code lpstr traceparent} (empty or the
 * 55-character W3C shape), {@code lpstr tracestate}, and at least 2 ignored trailing bytes (U-19:
 * encoded as zeros).
 */
public record TraceContext(String traceparent, String tracestate) implements ClientMessage {

    public TraceContext {
        Objects.requireNonNull(traceparent, "traceparent");
        Objects.requireNonNull(tracestate, "tracestate");
    }

    /** The server's shape check: empty, or 55 characters with '-' at positions 2, 35 and 52. */
    public boolean hasValidShape() {
        return traceparent.isEmpty() || traceparent.length() == 55 && traceparent.charAt(2) == '-'
                && traceparent.charAt(35) == '-' && traceparent.charAt(52) == '-';
    }

    @Override
    public MessageType type() {
        return MessageType.TRACE_CONTEXT;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.zeros(16).lpstr(traceparent).lpstr(tracestate).zeros(2);
    }

    public static TraceContext decode(PayloadReader r) {
        r.skip(16, "reserved");
        TraceContext t = new TraceContext(r.lpstr("traceparent"), r.lpstr("tracestate"));
        if (r.remaining() < 2) {
            throw new WireFormatException(WireFormatException.Problem.PAYLOAD_TOO_SHORT, r.offset(),
                    "TRACE_CONTEXT needs at least 2 trailing bytes after tracestate, found " + r.remaining());
        }
        r.skip(r.remaining(), "trailer");
        return t;
    }
}
