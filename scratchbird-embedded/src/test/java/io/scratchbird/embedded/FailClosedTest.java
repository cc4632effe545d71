package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameFlags;
import io.scratchbird.wire.LittleEndian;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.SavepointCommand;
import io.scratchbird.wire.message.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed and hostile frames (spec 3.6): every class answers the spec's exact ERROR (or nothing)
 * and closes that connection, while other sessions carry on.
 */
class FailClosedTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    record Case(String name, byte[] request, byte[] response) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The five fail-closed cases of golden vector 08, with the server's exact response bytes. */
    static List<Case> vector08() throws Exception {
        JsonNode root;
        try (InputStream in = FailClosedTest.class.getResourceAsStream("/sbwp-vectors/08_fail_closed_rejections.json")) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(new Case(c.get("case").asString(), HexFormat.of().parseHex(c.get("request").get("hex").asString()),
                    HexFormat.of().parseHex(c.get("response").get("hex").asString())));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vector08")
    void firstFrameRejectionsAreByteExact(Case c) throws Exception {
        try (SbwpTestClient client = SbwpTestClient.open(db.server())) {
            client.sendRaw(c.request());
            Frame answer = client.readFrame();
            assertEquals(HexFormat.of().formatHex(c.response()), HexFormat.of().formatHex(answer.toBytes()), c.name());
            assertTrue(client.closedByServer(), "connection closed after " + c.name());
        }
    }

    @Test
    void badMagicVersionAndOversizedLengthCloseWithoutAWord() throws Exception {
        byte[] ping = Messages.toFrame(OpaqueMessage.ping(new byte[0]), 0, 0, new UUID(0, 0), 0).toBytes();
        List<byte[]> hostile = new ArrayList<>();
        byte[] magic = ping.clone();
        magic[0] = 'X';
        hostile.add(magic);
        byte[] version = ping.clone();
        version[5] = 2;
        hostile.add(version);
        byte[] huge = ping.clone();
        LittleEndian.putInt(huge, 8, 64 * 1024 * 1024 + 1);
        hostile.add(huge);
        for (byte[] h : hostile) {
            try (SbwpTestClient client = SbwpTestClient.open(db.server())) {
                client.sendRaw(h);
                assertTrue(client.closedByServer());
            }
        }
    }

    @Test
    void malformedFramesAfterLoginAreFatalOnlyForTheirConnection() throws Exception {
        try (SbwpTestClient bystander = SbwpTestClient.connect(db.server())) {
            // reserved flag bit
            try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
                byte[] f = Messages.toFrame(Query.of("select 1"), 0x20, 9, new UUID(0, 0), 0).toBytes();
                c.sendRaw(f);
                ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
                assertEquals("SBWP.HEADER.RESERVED_BITS_SET", e.message());
                assertTrue(c.closedByServer());
            }
            // unknown message type
            try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
                c.sendRaw(new Frame(new io.scratchbird.wire.FrameHeader(0x13, 0, 0, 9, new UUID(0, 0), 0), new byte[0]).toBytes());
                assertEquals("NATIVE_WIRE.PROTOCOL_FATAL", assertInstanceOf(ErrorResponse.class, c.read()).message());
                assertTrue(c.closedByServer());
            }
            // savepoint frame without feature bit 9 (spec H-4)
            try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
                c.send(SavepointCommand.savepoint("a"));
                ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
                assertEquals("SBWP.FEATURE.NOT_NEGOTIATED", e.message());
                assertEquals("frame 0x24 requires a feature that was not negotiated for this session", e.detail());
                assertTrue(c.closedByServer());
            }
            // PARTIAL on a non-QUERY frame
            try (SbwpTestClient c = SbwpTestClient.connect(db.server(), "sysdba", "masterkey",
                    io.scratchbird.wire.FeatureBits.STREAMING)) {
                c.send(OpaqueMessage.ping(new byte[0]), FrameFlags.PARTIAL, 0);
                assertEquals("SBWP.PARTIAL_QUERY.INVALID_MESSAGE", assertInstanceOf(ErrorResponse.class, c.read()).message());
                assertTrue(c.closedByServer());
            }
            // a frame truncated mid-payload, then the socket half-closed
            try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
                byte[] f = Messages.toFrame(Query.of("select 123456"), 0, 9, new UUID(0, 0), 0).toBytes();
                c.sendRaw(java.util.Arrays.copyOf(f, f.length - 3));
                c.shutdownOutput();
                assertTrue(c.closedByServer());
            }
            List<ServerMessage> stillFine = bystander.query("select 1");
            assertEquals(MessageType.READY, stillFine.get(stillFine.size() - 1).type());
            assertEquals(null, SbwpTestClient.error(stillFine));
        }
    }
}
