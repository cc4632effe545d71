package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

/**
 * RESET_SESSION (0x21), spec 9.8. The server reads three bytes: 17 (roll back the open
 * transaction; required), 18 (discard prepared statements and portals; also when the payload is
 * ≤ 18 bytes) and 20 (discard trace context; also when ≤ 20 bytes). Encoded as 21 bytes.
 */
public record ResetSession(boolean rollbackOpenTransaction, boolean discardStatements, boolean discardTraceContext)
        implements ClientMessage {

    public static final int SIZE = 21;
    public static final ResetSession POOL_RESET = new ResetSession(true, true, true);

    @Override
    public MessageType type() {
        return MessageType.RESET_SESSION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.zeros(17).u8(rollbackOpenTransaction ? 1 : 0).u8(discardStatements ? 1 : 0).u8(0)
                .u8(discardTraceContext ? 1 : 0);
    }

    public static ResetSession decode(PayloadReader r) {
        byte[] b = r.array();
        int p = r.position();
        int n = r.remaining();
        boolean rollback = n > 17 && b[p + 17] != 0;
        boolean discardStatements = n <= 18 || b[p + 18] != 0;
        boolean discardTrace = n <= 20 || b[p + 20] != 0;
        r.skip(n, "reset_options");
        return new ResetSession(rollback, discardStatements, discardTrace);
    }
}
