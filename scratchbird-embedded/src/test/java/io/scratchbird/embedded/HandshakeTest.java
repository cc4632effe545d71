package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.message.AuthContinue;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.LegacyReady;
import io.scratchbird.wire.message.LegacyStartup;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ServerInfo;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Startup, feature negotiation and authentication at the frame level (spec 6). */
class HandshakeTest {

    @RegisterExtension
    static ScratchBirdExtension scram = ScratchBirdExtension.configured(b -> b.user("alice", "s3cret"));

    @RegisterExtension
    static ScratchBirdExtension password = ScratchBirdExtension.configured(b -> b.authMethod(1).user("alice", "s3cret"));

    @Test
    void scramHandshakeVerifiesTheServerAndEndsWithReadyStartup() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(scram.server(), "alice", "s3cret", FeatureBits.SAVEPOINTS | FeatureBits.STREAMING)) {
            List<ServerMessage> h = c.handshakeMessages();
            assertEquals(AuthRequest.SCRAM_SHA_256, ((AuthRequest) h.get(0)).method());
            assertInstanceOf(AuthContinue.class, h.get(1));
            AuthOk ok = (AuthOk) h.get(2);
            assertTrue(ok.info().toUtf8().startsWith("v="), "server-final carries the server signature");
            ServerInfo info = (ServerInfo) h.get(3);
            assertEquals("ScratchBird native SBWP P1", info.productName());
            assertEquals(ok.sessionId(), info.sessionId());
            Map<String, String> status = ((ParameterStatus) h.get(4)).asMap();
            assertEquals("1.1", status.get("protocol.selected_version"));
            assertEquals(Long.toString(FeatureBits.SAVEPOINTS | FeatureBits.STREAMING), status.get("protocol.negotiated_features"));
            assertEquals("alice", status.get("session.principal_claim"));
            assertEquals("primary", status.get("server.role"));
            Ready ready = (Ready) h.get(5);
            assertEquals(Ready.REASON_STARTUP, ready.reason());
            assertNotEquals(0, ready.txnId());
            assertEquals(FeatureBits.SAVEPOINTS | FeatureBits.STREAMING, ready.negotiatedFeatures());
            assertEquals(ok.sessionId(), ready.attachmentId());
        }
    }

    @Test
    void passwordMethodWhenConfigured() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(password.server(), "alice", "s3cret", 0)) {
            assertEquals(AuthRequest.PASSWORD, ((AuthRequest) c.handshakeMessages().get(0)).method());
            assertEquals(0, ((AuthOk) c.handshakeMessages().get(1)).info().length());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreIndistinguishable() throws Exception {
        for (ScratchBirdExtension server : List.of(scram, password)) {
            ErrorResponse wrong = authError(server.server(), "alice", "nope");
            ErrorResponse unknown = authError(server.server(), "mallory", "nope");
            assertEquals(wrong.sqlState(), unknown.sqlState());
            assertEquals("28P01", wrong.sqlState());
            assertEquals("SECURITY.AUTHENTICATION.FAILED", wrong.detail());
            assertEquals(wrong.detail(), unknown.detail());
            assertEquals(wrong.message().replace("alice", "X"), unknown.message().replace("mallory", "X"));
            assertTrue(!wrong.message().contains("nope"), "the password never appears in a message");
        }
    }

    private static ErrorResponse authError(EmbeddedScratchBird server, String user, String pw) throws Exception {
        SbwpTestClient.AuthFailed f = assertThrows(SbwpTestClient.AuthFailed.class,
                () -> SbwpTestClient.connect(server, user, pw, 0).close());
        return assertInstanceOf(ErrorResponse.class, f.answer);
    }

    @Test
    void legacyStartupSelectsLegacyLayoutsAndSkipsServerInfo() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(password.server())) {
            c.layout(Layout.LEGACY);
            c.send(LegacyStartup.of(List.of(new LegacyStartup.Param("user", "alice"), new LegacyStartup.Param("database", "default"))));
            assertEquals(AuthRequest.PASSWORD, ((AuthRequest) c.read()).method());
            c.send(OpaqueMessage.authResponse("s3cret".getBytes(StandardCharsets.UTF_8)));
            assertInstanceOf(AuthOk.class, c.read());
            LegacyReady ready = assertInstanceOf(LegacyReady.class, c.read());
            assertNotEquals(0, ready.txnId());
        }
    }

    @Test
    void pingIsAnsweredBeforeStartup() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(scram.server())) {
            c.send(OpaqueMessage.ping(new byte[]{0x10, 0x20, 0x30, 0x40}));
            Frame pong = c.readFrame();
            assertArrayEquals(new byte[]{0x10, 0x20, 0x30, 0x40}, pong.payload());
        }
    }

    @Test
    void startupRequiringAnUnsupportedFeatureIsRefused() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(scram.server())) {
            c.send(new Startup(0x0101, 0x0101, 0, FeatureBits.COMPRESSION, FeatureBits.COMPRESSION, 0,
                    io.scratchbird.wire.Bytes.zeros(16), io.scratchbird.wire.Bytes.zeros(16), io.scratchbird.wire.Bytes.zeros(16),
                    List.of(Startup.ConnectKey.text("user", "alice")), List.of()));
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
            assertEquals("0A000", e.sqlState());
            assertEquals("SBWP.FEATURE.REQUIRED_UNSUPPORTED", e.message());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void unknownConnectKeyIsRefused() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(scram.server())) {
            c.send(Startup.of(0, List.of(Startup.ConnectKey.text("user", "alice"), Startup.ConnectKey.text("dormant_id", "x"))));
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
            assertEquals("NATIVE_WIRE.CONNECT_UNKNOWN_KEY", e.message());
            assertEquals("startup connect key is malformed or not in the admitted registry", e.detail());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void unknownDatabaseIsRefused() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(scram.server())) {
            c.send(Startup.of(0, List.of(Startup.ConnectKey.text("user", "alice"), Startup.ConnectKey.text("database", "nope"))));
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
            assertEquals("3D000", e.sqlState());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void aFrameOtherThanAuthResponseAfterAuthRequestIsFatal() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.open(password.server())) {
            c.send(Startup.of(0, List.of(Startup.ConnectKey.text("user", "alice"))));
            assertInstanceOf(AuthRequest.class, c.read());
            c.send(io.scratchbird.wire.message.Query.of("select 1"));
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, c.read());
            assertEquals("08P01", e.sqlState());
            assertEquals("expected AUTH_RESPONSE after AUTH_REQUEST", e.message());
            assertTrue(c.closedByServer());
        }
    }
}
