package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Objects;

/**
 * RESET_SESSION (0x21), spec 9.8. The server reads three bytes of the payload: 17 (roll back the
 * open transaction; required), 18 (discard prepared statements and portals — also when the
 * payload is ≤ 18 bytes) and 20 (discard trace context — also when ≤ 20 bytes). The raw payload
 * is kept because its length carries meaning; {@link #of} builds the 21-byte request.
 */
public record ResetSession(Bytes raw) implements ClientMessage {

    public static final int SIZE = 21;
    public static final ResetSession POOL_RESET = of(true, true, true);

    public ResetSession {
        Objects.requireNonNull(raw, "raw");
    }

    public static ResetSession of(boolean rollbackOpenTransaction, boolean discardStatements, boolean discardTraceContext) {
        byte[] b = new byte[SIZE];
        b[17] = (byte) (rollbackOpenTransaction ? 1 : 0);
        b[18] = (byte) (discardStatements ? 1 : 0);
        b[20] = (byte) (discardTraceContext ? 1 : 0);
        return new ResetSession(Bytes.of(b));
    }

    public boolean rollbackOpenTransaction() {
        return raw.length() > 17 && raw.get(17) != 0;
    }

    public boolean discardStatements() {
        return raw.length() <= 18 || raw.get(18) != 0;
    }

    public boolean discardTraceContext() {
        return raw.length() <= 20 || raw.get(20) != 0;
    }

    @Override
    public MessageType type() {
        return MessageType.RESET_SESSION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.bytes(raw);
    }

    public static ResetSession decode(PayloadReader r) {
        return new ResetSession(r.fixed(r.remaining(), "reset_options"));
    }
}
