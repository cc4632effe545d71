package io.scratchbird.wire;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing finding (seed kept as ServerMessageFuzzTestInputs/decode/huge-length-header): a 40-byte
 * header claiming a 1 GiB payload made the client's frame reader allocate 1 GiB before reading a
 * single payload byte. The reader now grows its buffer only as bytes arrive.
 */
class FrameReaderAllocationTest {

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aHeaderClaimingOneGibibyteCostsNoMoreThanTheBytesThatArrive() throws Exception {
        byte[] header = new FrameHeader(0x43, 0, FrameHeader.CLIENT_MAX_PAYLOAD, 0, new UUID(0, 0), 0).toBytes();
        byte[] stream = Arrays.copyOf(header, header.length + 10);
        long before = allocatedByThisThread();
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> new FrameReader(new ByteArrayInputStream(stream), FrameHeader.CLIENT_MAX_PAYLOAD).read());
        long allocated = allocatedByThisThread() - before;
        assertEquals(WireFormatException.Problem.TRUNCATED_FRAME, e.problem());
        assertTrue(allocated < 8L * 1024 * 1024, "allocated " + allocated + " bytes for a 50-byte stream");
    }

    @Test
    void largePayloadsStillArriveWhole() throws Exception {
        byte[] payload = new byte[300_001];
        new java.util.Random(7).nextBytes(payload);
        Frame f = new Frame(new FrameHeader(0x43, 0, payload.length, 3, new UUID(1, 2), 9), payload);
        Frame back = new FrameReader(new ByteArrayInputStream(f.toBytes()), FrameHeader.CLIENT_MAX_PAYLOAD).read();
        assertArrayEquals(payload, back.payload());
        assertEquals(f.header(), back.header());
    }
}
