package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadWriter;

/**
 * One SBWP message: its type and how its payload is laid out. Encoding to a frame (header fields,
 * sequence, attachment, transaction id) is {@link Messages#toFrame}; decoding is
 * {@link Messages#decodeClient} / {@link Messages#decodeServer}.
 *
 * <p>Messages are plain data. Array components are not copied: treat them as read-only.
 */
public interface Message {

    MessageType type();

    void writePayload(PayloadWriter out);

    /** The encoded payload bytes. */
    default byte[] encodePayload() {
        PayloadWriter w = new PayloadWriter();
        writePayload(w);
        return w.toByteArray();
    }
}
