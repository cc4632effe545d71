package io.scratchbird.wire;

import java.util.Arrays;
import java.util.Objects;

/** One complete frame: a validated header and exactly {@code payloadLength} payload bytes. */
public final class Frame {

    private final FrameHeader header;
    private final byte[] payload;

    public Frame(FrameHeader header, byte[] payload) {
        this.header = Objects.requireNonNull(header, "header");
        this.payload = Objects.requireNonNull(payload, "payload");
        if (header.payloadLength() != payload.length) {
            throw new IllegalArgumentException("header says " + header.payloadLength() + " payload bytes, got " + payload.length);
        }
    }

    public FrameHeader header() {
        return header;
    }

    public int type() {
        return header.msgType();
    }

    /** The payload array itself (not copied: frames are handed from reader to decoder once). */
    public byte[] payload() {
        return payload;
    }

    public byte[] toBytes() {
        byte[] out = new byte[FrameHeader.SIZE + payload.length];
        header.writeTo(out, 0);
        System.arraycopy(payload, 0, out, FrameHeader.SIZE, payload.length);
        return out;
    }

    /** Decodes exactly one frame that fills {@code bytes}; shorter or longer input is an error. */
    public static Frame decode(byte[] bytes, long maxPayload) {
        FrameHeader h = FrameHeader.decode(bytes, 0, maxPayload);
        long available = bytes.length - FrameHeader.SIZE;
        if (available < h.payloadLength()) {
            throw new WireFormatException(WireFormatException.Problem.TRUNCATED_FRAME, bytes.length,
                    "payload_length is " + h.payloadLength() + " but only " + available + " payload byte(s) follow the header");
        }
        if (available > h.payloadLength()) {
            throw new WireFormatException(WireFormatException.Problem.TRAILING_BYTES, FrameHeader.SIZE + h.payloadLength(),
                    (available - h.payloadLength()) + " byte(s) follow the declared payload");
        }
        return new Frame(h, Arrays.copyOfRange(bytes, FrameHeader.SIZE, bytes.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && header.equals(f.header) && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        MessageType t = MessageType.byCode(header.msgType());
        return "Frame[" + (t == null ? "0x" + Integer.toHexString(header.msgType()) : t.name())
                + ", seq=" + Integer.toUnsignedString(header.sequence()) + ", txn=" + Long.toUnsignedString(header.txnId())
                + ", flags=0x" + Integer.toHexString(header.flags()) + ", payload=" + payload.length + " bytes]";
    }
}
