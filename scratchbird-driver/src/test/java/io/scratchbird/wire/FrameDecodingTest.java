package io.scratchbird.wire;

import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.Ready;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each class of malformed frame raises its own {@link WireFormatException.Problem} at the right offset. */
class FrameDecodingTest {

    private static byte[] pingFrame(byte[] payload) {
        return Messages.toFrame(OpaqueMessage.ping(payload), 0, 3, FrameHeader.ZERO_UUID, 0).toBytes();
    }

    private static WireFormatException readFails(byte[] bytes, long limit) {
        return assertThrows(WireFormatException.class,
                () -> new FrameReader(new ByteArrayInputStream(bytes), limit).read());
    }

    @Test
    void readsConsecutiveFramesAndReportsCleanEndOfStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pingFrame(new byte[]{1, 2}));
        out.write(Messages.toFrame(Query.of("select 1"), 0, 4, UUID.randomUUID(), 42).toBytes());
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameHeader.SERVER_MAX_PAYLOAD);
        assertArrayEquals(new byte[]{1, 2}, reader.read().payload());
        Frame q = reader.read();
        assertEquals(MessageType.QUERY.code(), q.type());
        assertEquals(42, q.header().txnId());
        assertNull(reader.read());
    }

    @Test
    void truncatedHeaderIsReportedWhereTheStreamEnded() {
        WireFormatException e = readFails(Arrays.copyOf(pingFrame(new byte[0]), 10), FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(WireFormatException.Problem.TRUNCATED_FRAME, e.problem());
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().contains("10 of 40 header bytes"), e.getMessage());
    }

    @Test
    void truncatedPayloadIsReportedWhereTheStreamEnded() {
        byte[] full = pingFrame(new byte[]{1, 2, 3, 4, 5});
        WireFormatException e = readFails(Arrays.copyOf(full, 42), FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(WireFormatException.Problem.TRUNCATED_FRAME, e.problem());
        assertEquals(42, e.offset());
        WireFormatException buffer = assertThrows(WireFormatException.class,
                () -> Frame.decode(Arrays.copyOf(full, 43), FrameHeader.SERVER_MAX_PAYLOAD));
        assertEquals(WireFormatException.Problem.TRUNCATED_FRAME, buffer.problem());
    }

    @Test
    void badMagicNamesTheBytesAndRecognisesTheTextBanner() {
        byte[] f = pingFrame(new byte[0]);
        f[3] = 'Q';
        WireFormatException e = readFails(f, FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(WireFormatException.Problem.BAD_MAGIC, e.problem());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("53 42 57 51"), e.getMessage());

        byte[] banner = "ScratchBird SBSQL parser ready\n".getBytes();
        WireFormatException b = readFails(banner, FrameHeader.CLIENT_MAX_PAYLOAD);
        assertEquals(WireFormatException.Problem.BAD_MAGIC, b.problem());
        assertTrue(b.getMessage().contains("plaintext sniff"), b.getMessage());
    }

    @Test
    void badVersionIsRejected() {
        byte[] f = pingFrame(new byte[0]);
        f[5] = 0;
        WireFormatException e = readFails(f, FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(WireFormatException.Problem.BAD_VERSION, e.problem());
        assertEquals(4, e.offset());
    }

    @Test
    void reservedAndCompressedFlagBitsAreRejectedAtTheFlagsByte() {
        for (int bit = 4; bit < 8; bit++) {
            byte[] f = pingFrame(new byte[0]);
            f[7] = (byte) (1 << bit);
            WireFormatException e = readFails(f, FrameHeader.SERVER_MAX_PAYLOAD);
            assertEquals(WireFormatException.Problem.RESERVED_FLAG_BITS, e.problem());
            assertEquals(7, e.offset());
        }
        byte[] f = pingFrame(new byte[0]);
        f[7] = FrameFlags.COMPRESSED;
        assertEquals(WireFormatException.Problem.COMPRESSED_FLAG, readFails(f, FrameHeader.SERVER_MAX_PAYLOAD).problem());
        f[7] = FrameFlags.URGENT | FrameFlags.PARTIAL | FrameFlags.FINAL;
        assertEquals(FrameFlags.URGENT | FrameFlags.PARTIAL | FrameFlags.FINAL,
                Frame.decode(f, FrameHeader.SERVER_MAX_PAYLOAD).header().flags(), "defined bits are accepted");
    }

    @Test
    void oversizedLengthIsRejectedBeforeReadingOrAllocatingThePayload() throws IOException {
        byte[] header = pingFrame(new byte[0]);
        LittleEndian.putInt(header, 8, -1); // 4 GiB - 1
        CountingStream in = new CountingStream(header);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> new FrameReader(in, FrameHeader.SERVER_MAX_PAYLOAD).read());
        assertEquals(WireFormatException.Problem.OVERSIZED_PAYLOAD, e.problem());
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
        assertEquals(40, in.consumed, "nothing past the header was read");

        LittleEndian.putInt(header, 8, (int) FrameHeader.SERVER_MAX_PAYLOAD + 1);
        assertEquals(WireFormatException.Problem.OVERSIZED_PAYLOAD, readFails(header, FrameHeader.SERVER_MAX_PAYLOAD).problem());
    }

    @Test
    void trailingBytesAfterADeclaredPayloadAreRejected() {
        byte[] f = Arrays.copyOf(pingFrame(new byte[]{9}), 44);
        WireFormatException e = assertThrows(WireFormatException.class, () -> Frame.decode(f, FrameHeader.SERVER_MAX_PAYLOAD));
        assertEquals(WireFormatException.Problem.TRAILING_BYTES, e.problem());
        assertEquals(41, e.offset());
    }

    @Test
    void unknownMessageTypeIsRejectedByTheMessageDecoder() {
        for (int code : new int[]{0x00, 0x0A, 0x7F, 0xFF}) {
            Frame f = new Frame(new FrameHeader(code, 0, 0, 0, FrameHeader.ZERO_UUID, 0), new byte[0]);
            WireFormatException e = assertThrows(WireFormatException.class, () -> Messages.decodeClient(f, Layout.P1));
            assertEquals(WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE, e.problem());
            assertEquals(6, e.offset());
        }
        Frame serverCodeFromClient = new Frame(new FrameHeader(MessageType.READY.code(), 0, 0, 0, FrameHeader.ZERO_UUID, 0), new byte[0]);
        assertEquals(WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE,
                assertThrows(WireFormatException.class, () -> Messages.decodeClient(serverCodeFromClient, Layout.P1)).problem());
    }

    @Test
    void payloadShorterThanItsFieldsNamesTheFieldAndOffset() {
        byte[] ready = Ready.of(UUID.randomUUID(), 7, Ready.REASON_COMMAND_COMPLETE, 0x0101, 2).encodePayload();
        byte[] cut = Arrays.copyOf(ready, 51); // txn_id at payload offset 48 needs 8 bytes
        Frame f = new Frame(new FrameHeader(MessageType.READY.code(), 0, cut.length, 0, FrameHeader.ZERO_UUID, 0), cut);
        WireFormatException e = assertThrows(WireFormatException.class, () -> Messages.decodeServer(f, Layout.P1));
        assertEquals(WireFormatException.Problem.PAYLOAD_TOO_SHORT, e.problem());
        assertEquals(40 + 48, e.offset());
        assertTrue(e.getMessage().contains("'txn_id'"), e.getMessage());
    }

    @Test
    void hostileCountsAreRejectedBeforeAllocation() {
        // A DATA_ROW-sized PARAMETER_STATUS claiming 2^32-1 entries must not allocate a list for them.
        byte[] p = new byte[8];
        LittleEndian.putInt(p, 0, -1);
        Frame f = new Frame(new FrameHeader(MessageType.PARAMETER_STATUS.code(), 0, p.length, 0, FrameHeader.ZERO_UUID, 0), p);
        WireFormatException e = assertThrows(WireFormatException.class, () -> Messages.decodeServer(f, Layout.P1));
        assertEquals(WireFormatException.Problem.INVALID_FIELD, e.problem());

        PayloadReader r = new PayloadReader(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 2});
        WireFormatException lp = assertThrows(WireFormatException.class, () -> r.lpstr("sql"));
        assertEquals(WireFormatException.Problem.PAYLOAD_TOO_SHORT, lp.problem());
        assertTrue(lp.getMessage().contains("declares 2147483647 byte(s) but only 2 remain"), lp.getMessage());
    }

    /** Counts bytes consumed, to prove the reader stopped at the header. */
    private static final class CountingStream extends InputStream {
        private final byte[] data;
        int consumed;

        CountingStream(byte[] header) {
            this.data = header;
        }

        @Override
        public int read() {
            return consumed < data.length ? data[consumed++] & 0xFF : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, Math.max(0, data.length - consumed));
            if (n == 0) {
                // an endless stream of zeros past the header: a reader that kept going would never stop
                Arrays.fill(b, off, off + len, (byte) 0);
                consumed += len;
                return len;
            }
            System.arraycopy(data, consumed, b, off, n);
            consumed += n;
            return n;
        }
    }
}
