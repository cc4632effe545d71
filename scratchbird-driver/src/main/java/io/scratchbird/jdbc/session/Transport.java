package io.scratchbird.jdbc.session;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.message.ClientMessage;
import io.scratchbird.wire.message.Messages;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's end of one SBWP connection: frames out (with the client's sequence counter and
 * the attachment id from AUTH_OK) and frames in. Writes are serialised by a lock so that a
 * CANCEL written from another thread never interleaves with the executing thread's frames
 * (spec 13.1 item 29). Bytes written are counted for the observability hooks.
 */
final class Transport implements AutoCloseable {

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private int sequence;
    private volatile UUID attachmentId = FrameHeader.ZERO_UUID;
    /** Written by the thread holding the connection (or the write lock); volatile so metrics may read it anywhere. */
    private volatile long bytesSent;
    private volatile long framesSent;
    private volatile long framesReceived;
    private final CountingInput counting;

    Transport(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.counting = new CountingInput(in);
        this.reader = new FrameReader(counting, FrameHeader.CLIENT_MAX_PAYLOAD);
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    void attachmentId(UUID id) {
        this.attachmentId = id;
    }

    /** Buffers one frame; {@link #flush()} sends what is buffered. Callers hold {@link #lock()}. */
    void write(ClientMessage m, int flags) throws IOException {
        byte[] frame = Messages.toFrame(m, flags, sequence++, attachmentId, 0).toBytes();
        out.write(frame);
        bytesSent += frame.length;
        framesSent++;
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Writes and flushes one frame atomically with respect to other writers. */
    void send(ClientMessage m, int flags) throws IOException {
        writeLock.lock();
        try {
            write(m, flags);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    ReentrantLock lock() {
        return writeLock;
    }

    /** @return the next frame; end of stream is an IOException (the server never closes cleanly mid-session) */
    Frame read() throws IOException {
        Frame f = reader.read();
        if (f == null) {
            throw new SocketException("the server closed the connection");
        }
        framesReceived++;
        return f;
    }

    void soTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    int soTimeout() throws SocketException {
        return socket.getSoTimeout();
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return counting.count;
    }

    long framesSent() {
        return framesSent;
    }

    long framesReceived() {
        return framesReceived;
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket that fails to close
        }
    }

    /** Counts bytes read, cheaply. */
    private static final class CountingInput extends java.io.FilterInputStream {
        volatile long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
