package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadWriter;

/**
 * A message whose payload is empty (and whose payload, if any, the receiver ignores): SYNC,
 * TERMINATE, COPY_DONE from the client; the PARSE/BIND/CLOSE completions, NO_DATA,
 * PORTAL_SUSPENDED and EMPTY_QUERY from the server.
 */
public record EmptyMessage(MessageType type) implements ClientMessage, ServerMessage {

    public static final EmptyMessage SYNC = new EmptyMessage(MessageType.SYNC);
    public static final EmptyMessage TERMINATE = new EmptyMessage(MessageType.TERMINATE);
    public static final EmptyMessage COPY_DONE = new EmptyMessage(MessageType.COPY_DONE);
    public static final EmptyMessage PARSE_COMPLETE = new EmptyMessage(MessageType.PARSE_COMPLETE);
    public static final EmptyMessage BIND_COMPLETE = new EmptyMessage(MessageType.BIND_COMPLETE);
    public static final EmptyMessage CLOSE_COMPLETE = new EmptyMessage(MessageType.CLOSE_COMPLETE);
    public static final EmptyMessage NO_DATA = new EmptyMessage(MessageType.NO_DATA);
    public static final EmptyMessage PORTAL_SUSPENDED = new EmptyMessage(MessageType.PORTAL_SUSPENDED);
    public static final EmptyMessage EMPTY_QUERY = new EmptyMessage(MessageType.EMPTY_QUERY);

    @Override
    public void writePayload(PayloadWriter out) {
        // nothing: the payload is empty by definition
    }
}
