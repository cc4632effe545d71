package io.scratchbird.wire;

import java.util.Objects;
import java.util.UUID;

/**
 * The fixed 40-byte SBWP frame header (spec 3.1): magic {@code SBWP}, version 1.1, message type,
 * flags, payload length, sender sequence, attachment id and transaction id, all little-endian
 * except the UUID.
 *
 * @param msgType       message code, 0-255
 * @param flags         see {@link FrameFlags}
 * @param payloadLength unsigned 32-bit value held in a long
 * @param sequence      unsigned 32-bit sender counter held in an int (wraps)
 * @param attachmentId  session attachment id, all-zero before AUTH_OK
 * @param txnId         engine local transaction id (unsigned 64-bit, held in a long)
 */
public record FrameHeader(int msgType, int flags, long payloadLength, int sequence, UUID attachmentId, long txnId) {

    public static final int SIZE = 40;
    /** ASCII {@code SBWP} read as a little-endian u32. */
    public static final int MAGIC = 0x50574253;
    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 1;
    /** The server refuses larger payloads before reading them (spec 3.2). */
    public static final long SERVER_MAX_PAYLOAD = 64L * 1024 * 1024;
    /** The upstream drivers accept up to 1 GiB on receive. */
    public static final long CLIENT_MAX_PAYLOAD = 1024L * 1024 * 1024;
    public static final UUID ZERO_UUID = new UUID(0, 0);

    public FrameHeader {
        if (msgType < 0 || msgType > 0xFF) {
            throw new IllegalArgumentException("msgType must fit a byte: " + msgType);
        }
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("flags must fit a byte: " + flags);
        }
        if (payloadLength < 0 || payloadLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("payloadLength must be an unsigned 32-bit value: " + payloadLength);
        }
        Objects.requireNonNull(attachmentId, "attachmentId");
    }

    public void writeTo(byte[] out, int at) {
        LittleEndian.putInt(out, at, MAGIC);
        out[at + 4] = VERSION_MAJOR;
        out[at + 5] = VERSION_MINOR;
        out[at + 6] = (byte) msgType;
        out[at + 7] = (byte) flags;
        LittleEndian.putInt(out, at + 8, (int) payloadLength);
        LittleEndian.putInt(out, at + 12, sequence);
        LittleEndian.putLongBigEndian(out, at + 16, attachmentId.getMostSignificantBits());
        LittleEndian.putLongBigEndian(out, at + 24, attachmentId.getLeastSignificantBits());
        LittleEndian.putLong(out, at + 32, txnId);
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        writeTo(out, 0);
        return out;
    }

    /**
     * Decodes and validates a header in the order the server checks it (spec 3.6 rows 1-3):
     * magic, version, length limit, then flag bits. The first three are the "close silently"
     * class; flag problems get an ERROR frame from a server.
     *
     * @param maxPayload receiver's payload limit, checked before anything is allocated
     */
    public static FrameHeader decode(byte[] b, int at, long maxPayload) {
        if (b.length - at < SIZE) {
            throw new WireFormatException(WireFormatException.Problem.TRUNCATED_FRAME, b.length - at,
                    "frame header needs 40 bytes but only " + (b.length - at) + " are present");
        }
        if (LittleEndian.getInt(b, at) != MAGIC) {
            throw new WireFormatException(WireFormatException.Problem.BAD_MAGIC, 0,
                    "expected 53 42 57 50 ('SBWP') but found " + hex(b, at, 4)
                            + (b[at] == 'S' && b[at + 1] == 'c' ? " (a text banner: the plaintext sniff was lost)" : ""));
        }
        if (b[at + 4] != VERSION_MAJOR || b[at + 5] != VERSION_MINOR) {
            throw new WireFormatException(WireFormatException.Problem.BAD_VERSION, 4,
                    "expected version bytes 01 01 but found " + hex(b, at + 4, 2));
        }
        int type = b[at + 6] & 0xFF;
        int flags = b[at + 7] & 0xFF;
        long length = LittleEndian.getInt(b, at + 8) & 0xFFFF_FFFFL;
        if (length > maxPayload) {
            throw new WireFormatException(WireFormatException.Problem.OVERSIZED_PAYLOAD, 8,
                    "payload_length " + length + " exceeds the limit of " + maxPayload + " bytes");
        }
        if ((flags & FrameFlags.COMPRESSED) != 0) {
            throw new WireFormatException(WireFormatException.Problem.COMPRESSED_FLAG, 7,
                    "flags 0x" + Integer.toHexString(flags) + " set COMPRESSED, which is never negotiated");
        }
        if ((flags & FrameFlags.RESERVED_MASK) != 0) {
            throw new WireFormatException(WireFormatException.Problem.RESERVED_FLAG_BITS, 7,
                    "flags 0x" + Integer.toHexString(flags) + " set reserved bits 0x" + Integer.toHexString(flags & FrameFlags.RESERVED_MASK));
        }
        int sequence = LittleEndian.getInt(b, at + 12);
        UUID attachment = new UUID(LittleEndian.getLongBigEndian(b, at + 16), LittleEndian.getLongBigEndian(b, at + 24));
        long txn = LittleEndian.getLong(b, at + 32);
        return new FrameHeader(type, flags, length, sequence, attachment, txn);
    }

    static String hex(byte[] b, int at, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && at + i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b[at + i] >> 4) & 0xF, 16)).append(Character.forDigit(b[at + i] & 0xF, 16));
        }
        return sb.toString();
    }
}
