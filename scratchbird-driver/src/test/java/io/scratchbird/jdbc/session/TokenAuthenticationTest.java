package io.scratchbird.jdbc.session;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ServerMessage;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TOKEN authentication (spec 6.6 method 5), which the embedded server never asks for: a
 * one-connection peer on loopback plays the server's side of the handshake frame by frame.
 */
class TokenAuthenticationTest {

    /** Answers one handshake with AUTH_REQUEST(TOKEN) and returns the credential the client sent. */
    private static CompletableFuture<String> tokenServer(ServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = listener.accept()) {
                FrameReader in = new FrameReader(s.getInputStream(), FrameHeader.SERVER_MAX_PAYLOAD);
                OutputStream out = s.getOutputStream();
                Frame startup = in.read();
                assertEquals(MessageType.STARTUP.code(), startup.type());
                UUID id = UUID.randomUUID();
                write(out, AuthRequest.of(AuthRequest.TOKEN), 0, FrameHeader.ZERO_UUID, 0);
                Frame response = in.read();
                String credential = new String(response.payload(), StandardCharsets.UTF_8);
                write(out, new AuthOk(id, Bytes.EMPTY), 1, id, 7);
                write(out, Ready.of(id, 7, Ready.REASON_STARTUP, 0x0101, 0), 2, id, 7);
                in.read();   // TERMINATE or EOF
                return credential;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void write(OutputStream out, ServerMessage m, int seq, UUID id, long txn) throws Exception {
        out.write(Messages.toFrame(m, 0, seq, id, txn).toBytes());
        out.flush();
    }

    private static Properties props(String token) {
        Properties p = new Properties();
        p.setProperty("user", "svc");
        p.setProperty("sslmode", "disable");
        if (token != null) {
            p.setProperty("authToken", token);
        }
        return p;
    }

    @Test
    void theTokenIsSentWhenTheServerAsksForIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> sent = tokenServer(listener);
            try (var c = DriverManager.getConnection("jdbc:scratchbird://127.0.0.1:" + listener.getLocalPort() + "/db",
                    props("t0ken-value"))) {
                assertFalse(c.isClosed());
                assertFalse(c.toString().contains("t0ken-value"));
            }
            assertEquals("t0ken-value", sent.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void withoutATokenTheLoginFailsWithAnAuthorizationError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tokenServer(listener);
            SQLInvalidAuthorizationSpecException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
                    () -> DriverManager.getConnection("jdbc:scratchbird://127.0.0.1:" + listener.getLocalPort() + "/db",
                            props(null)).close());
            assertTrue(e.getMessage().contains("authToken"), e.getMessage());
        }
    }

}
