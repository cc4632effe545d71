package io.scratchbird.wire.golden;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameFlags;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.Message;
import io.scratchbird.wire.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every frame of every golden vector ({@code shared/spec/vectors}, copied to test resources) is
 * rebuilt from its documented fields and encoded byte-for-byte, and its bytes decode back to
 * exactly those fields. Frames the spec says a receiver must reject decode to the specific error.
 */
class GoldenFrameTest {

    static List<VectorFrame> frames() {
        return GoldenVectors.frames();
    }

    @Test
    void everyVectorFileContributesFrames() {
        Set<String> files = frames().stream().map(VectorFrame::file).collect(Collectors.toSet());
        assertEquals(Set.copyOf(GoldenVectors.FILES), files);
        assertTrue(frames().size() >= 45, "expected every documented frame, found " + frames().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void headerFieldsEncodeToTheFirst40Bytes(VectorFrame v) {
        VectorFields h = v.headerFields();
        assertEquals("SBWP", h.str("magic"));
        assertEquals(1, h.i("version_major"));
        assertEquals(1, h.i("version_minor"));
        FrameHeader documented = documentedHeader(v);
        assertArrayEquals(Arrays.copyOf(v.bytes(), FrameHeader.SIZE), documented.toBytes(), v + ": header bytes");
        assertEquals(v.bytes().length - FrameHeader.SIZE, documented.payloadLength(), v + ": payload_length");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void documentedFieldsEncodeToTheExactFrame(VectorFrame v) {
        Message m = VectorMessages.build(v);
        FrameHeader h = documentedHeader(v);
        byte[] encoded = m == null
                ? new Frame(h, new byte[0]).toBytes()
                : Messages.toFrame(m, h.flags(), h.sequence(), h.attachmentId(), h.txnId()).toBytes();
        assertEquals(HexFormat.of().formatHex(v.bytes()), HexFormat.of().formatHex(encoded), v + ": encoded frame");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void frameDecodesToTheDocumentedFields(VectorFrame v) {
        FrameHeader documented = documentedHeader(v);
        WireFormatException.Problem expectedRejection = rejectionFor(documented);
        if (expectedRejection != null) {
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> Frame.decode(v.bytes(), FrameHeader.SERVER_MAX_PAYLOAD), v.toString());
            assertEquals(expectedRejection, e.problem(), e.getMessage());
            assertEquals(7, e.offset(), "flag problems are reported at the flags byte");
            return;
        }
        Frame frame = Frame.decode(v.bytes(), FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(documented, frame.header(), v + ": decoded header");
        if (MessageType.byCode(v.messageCode()) == null) {
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> Messages.decodeClient(frame, v.layout()));
            assertEquals(WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE, e.problem());
            assertEquals(6, e.offset(), "the message type lives at byte 6");
            return;
        }
        Message decoded = v.fromClient() ? Messages.decodeClient(frame, v.layout()) : Messages.decodeServer(frame, v.layout());
        assertEquals(VectorMessages.build(v), decoded, v + ": decoded message");
    }

    private static WireFormatException.Problem rejectionFor(FrameHeader h) {
        if ((h.flags() & FrameFlags.COMPRESSED) != 0) {
            return WireFormatException.Problem.COMPRESSED_FLAG;
        }
        if ((h.flags() & FrameFlags.RESERVED_MASK) != 0) {
            return WireFormatException.Problem.RESERVED_FLAG_BITS;
        }
        return null;
    }

    private static FrameHeader documentedHeader(VectorFrame v) {
        VectorFields h = v.headerFields();
        return new FrameHeader(h.i("msg_type"), h.i("flags"), h.num("payload_length"), h.i("sequence"),
                h.uuid("attachment_id"), h.num("txn_id"));
    }
}
