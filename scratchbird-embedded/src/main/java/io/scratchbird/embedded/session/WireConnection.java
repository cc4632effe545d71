package io.scratchbird.embedded.session;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.ServerMessage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * The server's end of one SBWP connection: reads frames, and writes frames with the server's own
 * sequence counter, the session's attachment id and the current transaction id in every header
 * (spec 3.4). Writes are buffered; {@link #flush()} ends a response.
 */
final class WireConnection implements AutoCloseable {

    private final FrameReader reader;
    private final OutputStream out;
    private final AutoCloseable transport;
    private int sequence;
    private UUID attachmentId = FrameHeader.ZERO_UUID;
    private long txnId;
    private final byte[] headerScratch = new byte[FrameHeader.SIZE];

    WireConnection(InputStream in, OutputStream out, AutoCloseable transport) {
        this.reader = new FrameReader(in, FrameHeader.SERVER_MAX_PAYLOAD);
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.transport = transport;
    }

    /** @return the next frame, or null at a clean end of stream */
    Frame read() throws IOException {
        return reader.read();
    }

    void send(ServerMessage m) throws IOException {
        Frame f = Messages.toFrame(m, 0, sequence++, attachmentId, txnId);
        f.header().writeTo(headerScratch, 0);
        out.write(headerScratch);
        out.write(f.payload());
    }

    void flush() throws IOException {
        out.flush();
    }

    /** From AUTH_OK on, frames carry the session's attachment id. */
    void attachmentId(UUID id) {
        this.attachmentId = id;
    }

    UUID attachmentId() {
        return attachmentId;
    }

    /** The transaction id stamped on the frames written from now on. */
    void txnId(long id) {
        this.txnId = id;
    }

    /** Closes the transport without flushing (unblocks a writer stuck on a peer that does not read). */
    void abortTransport() {
        try {
            transport.close();
        } catch (Exception ignored) {
            // the session is over either way
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // the peer is gone; nothing left to tell it
        }
        try {
            transport.close();
        } catch (Exception ignored) {
            // closing a broken socket can fail; the session is over either way
        }
    }
}
