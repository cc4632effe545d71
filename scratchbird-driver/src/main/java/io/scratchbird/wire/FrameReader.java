package io.scratchbird.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads whole frames from a stream. The header is validated before the payload is allocated, and
 * the payload buffer grows only as bytes actually arrive (in steps of at most {@link #CHUNK}), so
 * a hostile length field can never cause an allocation larger than the data the peer really sent
 * (a 40-byte header claiming 1 GiB costs 64 KiB, not 1 GiB); a stream that ends mid-frame raises
 * {@link WireFormatException.Problem#TRUNCATED_FRAME} with the offset at which it ended.
 */
public final class FrameReader {

    private final InputStream in;
    private final long maxPayload;
    private final byte[] headerBuf = new byte[FrameHeader.SIZE];
    /** Largest allocation made ahead of the bytes that fill it. */
    static final int CHUNK = 64 * 1024;

    public FrameReader(InputStream in, long maxPayload) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxPayload = maxPayload;
    }

    /**
     * @return the next frame, or {@code null} when the stream ended cleanly between frames
     * @throws WireFormatException on a malformed or truncated frame
     * @throws IOException         on an I/O failure of the underlying stream
     */
    public Frame read() throws IOException {
        int got = readFully(headerBuf, 0, FrameHeader.SIZE);
        if (got == 0) {
            return null;
        }
        if (got < FrameHeader.SIZE) {
            // Check what we have first: a bad magic is more useful to report than "truncated".
            if (got >= 4 && LittleEndian.getInt(headerBuf, 0) != FrameHeader.MAGIC) {
                FrameHeader.decode(padded(got), 0, maxPayload);
            }
            throw new WireFormatException(WireFormatException.Problem.TRUNCATED_FRAME, got,
                    "stream ended after " + got + " of 40 header bytes");
        }
        FrameHeader header = FrameHeader.decode(headerBuf, 0, maxPayload);
        int length = (int) header.payloadLength();
        byte[] payload = new byte[Math.min(length, CHUNK)];
        int read = readFully(payload, 0, payload.length);
        while (read == payload.length && read < length) {
            // Grow geometrically, but never past what was declared nor far ahead of what arrived.
            payload = java.util.Arrays.copyOf(payload, (int) Math.min(length, Math.max((long) read * 2, read + CHUNK)));
            read += readFully(payload, read, payload.length - read);
        }
        if (read < length) {
            throw new WireFormatException(WireFormatException.Problem.TRUNCATED_FRAME, FrameHeader.SIZE + (long) read,
                    "stream ended after " + read + " of " + length + " payload bytes");
        }
        return new Frame(header, payload);
    }

    private byte[] padded(int got) {
        byte[] b = new byte[FrameHeader.SIZE];
        System.arraycopy(headerBuf, 0, b, 0, got);
        return b;
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n;
            try {
                n = in.read(b, off + total, len - total);
            } catch (EOFException e) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
