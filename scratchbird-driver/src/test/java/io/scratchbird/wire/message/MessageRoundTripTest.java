package io.scratchbird.wire.message;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every message type survives encode → frame → bytes → frame → decode unchanged; and no prefix
 * or random corruption of a valid payload makes a decoder fail with anything but a
 * {@link WireFormatException}.
 */
class MessageRoundTripTest {

    static List<SampleMessages.Sample> samples() {
        return SampleMessages.many(8);
    }

    @Test
    void samplesCoverEveryMessageTheCodecDecodes() {
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        samples().forEach(s -> covered.add(s.message().type()));
        Set<MessageType> decodable = EnumSet.noneOf(MessageType.class);
        for (MessageType t : MessageType.values()) {
            Frame probe = new Frame(new FrameHeader(t.code(), 0, 0, 0, FrameHeader.ZERO_UUID, 0), new byte[0]);
            if (decodes(probe, true) || decodes(probe, false)) {
                decodable.add(t);
            }
        }
        decodable.removeAll(covered);
        assertTrue(decodable.isEmpty(), "message types without samples: " + decodable);
    }

    private static boolean decodes(Frame probe, boolean client) {
        try {
            if (client) {
                Messages.decodeClient(probe, io.scratchbird.wire.Layout.P1);
            } else {
                Messages.decodeServer(probe, io.scratchbird.wire.Layout.P1);
            }
            return true;
        } catch (WireFormatException e) {
            return e.problem() != WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughBytes(SampleMessages.Sample s) {
        UUID attachment = UUID.randomUUID();
        Frame frame = Messages.toFrame(s.message(), 0, 0xFFFF_FFFF, attachment, -1L);
        byte[] wire = frame.toBytes();
        Frame back = Frame.decode(wire, FrameHeader.SERVER_MAX_PAYLOAD);
        assertEquals(frame, back);
        assertEquals(0xFFFF_FFFF, back.header().sequence());
        assertEquals(-1L, back.header().txnId());
        Message decoded = decode(s, back);
        assertEquals(s.message(), decoded);
        assertArrayEquals(s.message().encodePayload(), decoded.encodePayload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTruncationFailsCleanlyOrDecodesLeniently(SampleMessages.Sample s) {
        byte[] payload = s.message().encodePayload();
        for (int len = 0; len < payload.length; len++) {
            byte[] cut = Arrays.copyOf(payload, len);
            Frame f = new Frame(new FrameHeader(s.message().type().code(), 0, len, 0, FrameHeader.ZERO_UUID, 0), cut);
            try {
                decode(s, f);
            } catch (WireFormatException expected) {
                assertTrue(expected.offset() >= FrameHeader.SIZE && expected.offset() <= FrameHeader.SIZE + len,
                        "offset " + expected.offset() + " outside the truncated payload of " + len + ": " + expected.getMessage());
            } catch (RuntimeException | Error e) {
                fail(s + " truncated to " + len + " bytes threw " + e, e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void randomCorruptionNeverEscapesAsAnotherException(SampleMessages.Sample s) {
        byte[] payload = s.message().encodePayload();
        Random rnd = new Random(payload.length * 31L + s.message().type().code());
        for (int round = 0; round < 200 && payload.length > 0; round++) {
            byte[] bad = payload.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int k = 0; k < flips; k++) {
                bad[rnd.nextInt(bad.length)] = (byte) (rnd.nextBoolean() ? 0xFF : rnd.nextInt(256));
            }
            Frame f = new Frame(new FrameHeader(s.message().type().code(), 0, bad.length, 0, FrameHeader.ZERO_UUID, 0), bad);
            try {
                decode(s, f);
            } catch (WireFormatException expected) {
                // the one documented failure mode
            } catch (RuntimeException | Error e) {
                fail(s + " with corrupted payload threw " + e, e);
            }
        }
    }

    private static Message decode(SampleMessages.Sample s, Frame f) {
        return s.fromClient() ? Messages.decodeClient(f, s.layout()) : Messages.decodeServer(f, s.layout());
    }
}
