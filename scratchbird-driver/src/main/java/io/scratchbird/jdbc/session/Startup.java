package io.scratchbird.jdbc.session;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.auth.ScramClient;
import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramMechanism;
import io.scratchbird.wire.message.AuthContinue;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ServerMessage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a session: TCP connect, direct TLS, the P1 STARTUP in one write (spec 2.3 / 13.1
 * item 8), authentication (PASSWORD, SCRAM-SHA-256/512 with the server signature required,
 * TOKEN), and the handshake tail to READY.
 */
public final class Startup {

    /**
     * What a session needs to log in. Secrets never appear in {@link #toString()}.
     *
     * @param requiredAuth the {@code requireAuth} methods ({@code password}, {@code scram-sha-256},
     *                     {@code scram-sha-512}, {@code token}) the server may ask for; empty: any
     */
    public record Login(String host, int port, String database, String user, char[] password, String token,
                        Map<String, String> connectKeys, int connectTimeoutMillis, int loginTimeoutMillis,
                        boolean tcpKeepAlive, ClientTls tls, List<String> requiredAuth) {
        /** The same login over another transport (null = plaintext). */
        public Login withTls(ClientTls other) {
            return new Login(host, port, database, user, password, token, connectKeys, connectTimeoutMillis,
                    loginTimeoutMillis, tcpKeepAlive, other, requiredAuth);
        }

        @Override
        public String toString() {
            return "Login[" + user + "@" + host + ":" + port + "/" + database + "]";
        }
    }


    private Startup() {
    }

    public static ProtocolSession open(Login login, SessionListener listener) throws SQLException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(login.tcpKeepAlive());
            socket.connect(new InetSocketAddress(login.host(), login.port()), login.connectTimeoutMillis());
            if (login.loginTimeoutMillis() > 0) {
                socket.setSoTimeout(login.loginTimeoutMillis());
            }
            Socket s = login.tls() == null ? socket
                    : login.tls().wrap(socket, login.host(), login.port(), java.time.Duration.ofMillis(login.connectTimeoutMillis()));
            Transport t = new Transport(s, new BufferedInputStream(s.getInputStream(), 16 * 1024), s.getOutputStream());
            ProtocolSession session = handshake(t, login, listener);
            s.setSoTimeout(0);
            return session;
        } catch (IOException e) {
            closeQuietly(socket);
            throw SessionErrors.connect(login.host(), login.port(), e);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static ProtocolSession handshake(Transport t, Login login, SessionListener listener)
            throws IOException, SQLException {
        List<io.scratchbird.wire.message.Startup.ConnectKey> keys = new ArrayList<>();
        keys.add(io.scratchbird.wire.message.Startup.ConnectKey.text("database", login.database()));
        keys.add(io.scratchbird.wire.message.Startup.ConnectKey.text("user", login.user()));
        login.connectKeys().forEach((k, v) -> keys.add(io.scratchbird.wire.message.Startup.ConnectKey.text(k, v)));
        t.send(io.scratchbird.wire.message.Startup.of(ProtocolSession.OFFERED_FEATURES, keys), 0);

        ServerMessage m = read(t);
        AuthOk ok = null;
        ScramClient scram = null;
        boolean authenticated = false;
        while (ok == null) {
            if (m instanceof ErrorResponse e) {
                throw SessionErrors.server(e, null);
            }
            if (m instanceof AuthRequest req) {
                checkRequired(login, req.method());
                authenticated |= req.method() != AuthRequest.OK;
                scram = answer(t, req, login);
            } else if (m instanceof AuthContinue cont) {
                if (scram == null) {
                    throw SessionErrors.protocol("AUTH_CONTINUE without a SCRAM exchange");
                }
                try {
                    String fin = scram.handleServerFirst(cont.data().toUtf8());
                    t.send(OpaqueMessage.authResponse(fin.getBytes(StandardCharsets.UTF_8)), 0);
                } catch (ScramException e) {
                    throw new SQLInvalidAuthorizationSpecException("SCRAM exchange failed: " + e.getMessage(), "28000");
                }
            } else if (m instanceof AuthOk a) {
                ok = a;
            }
            if (ok == null) {
                m = read(t);
            }
        }
        if (!authenticated && !login.requiredAuth().isEmpty()) {
            throw new SQLInvalidAuthorizationSpecException("the server let the session in without authentication, "
                    + "but requireAuth asks for " + login.requiredAuth(), "28000");
        }
        if (scram != null) {
            try {
                // H-18: a SCRAM server must prove it knows the password too
                scram.verifyServerFinal(ok.info().toUtf8());
            } catch (ScramException e) {
                throw new SQLInvalidAuthorizationSpecException("the server failed SCRAM verification: " + e.getMessage(), "28000");
            }
        }
        t.attachmentId(ok.sessionId());
        Map<String, String> parameters = new HashMap<>();
        Layout layout = Layout.P1;
        while (true) {
            Frame f = t.read();
            if (f.type() == MessageType.READY.code()) {
                ServerMessage ready = Messages.decodeServer(f, Layout.P1);
                Ready r = (Ready) ready;
                return new ProtocolSession(t, layout, r.negotiatedFeatures(), parameters, r, listener);
            }
            ServerMessage sm = decodeOrNull(f);
            if (sm instanceof ParameterStatus ps) {
                parameters.putAll(ps.asMap());
            } else if (sm instanceof ErrorResponse e) {
                throw SessionErrors.server(e, null);
            }
        }
    }

    /** requireAuth: refuse a method the user did not allow before sending anything secret (a downgrade guard). */
    private static void checkRequired(Login login, int method) throws SQLException {
        if (login.requiredAuth().isEmpty() || method == AuthRequest.OK) {
            return;
        }
        String name = switch (method) {
            case AuthRequest.PASSWORD -> "password";
            case AuthRequest.SCRAM_SHA_256 -> "scram-sha-256";
            case AuthRequest.SCRAM_SHA_512 -> "scram-sha-512";
            case AuthRequest.TOKEN -> "token";
            default -> "method " + method;
        };
        if (!login.requiredAuth().contains(name)) {
            throw new SQLInvalidAuthorizationSpecException("the server asks for " + name + " authentication, which "
                    + "requireAuth does not allow (it allows " + String.join(", ", login.requiredAuth()) + ")", "28000");
        }
    }

    /** Answers an AUTH_REQUEST; returns the SCRAM client when a SCRAM exchange started. */
    private static ScramClient answer(Transport t, AuthRequest req, Login login) throws IOException, SQLException {
        switch (req.method()) {
            case AuthRequest.OK:
                return null;
            case AuthRequest.PASSWORD:
                t.send(OpaqueMessage.authResponse(password(login)), 0);
                return null;
            case AuthRequest.SCRAM_SHA_256, AuthRequest.SCRAM_SHA_512: {
                ScramMechanism mech = req.method() == AuthRequest.SCRAM_SHA_256 ? ScramMechanism.SHA_256 : ScramMechanism.SHA_512;
                ScramClient c = new ScramClient(mech, login.user(), new String(login.password() == null ? new char[0] : login.password()));
                t.send(OpaqueMessage.authResponse(c.clientFirstMessage().getBytes(StandardCharsets.UTF_8)), 0);
                return c;
            }
            case AuthRequest.TOKEN:
                if (login.token() == null) {
                    throw new SQLInvalidAuthorizationSpecException(
                            "the server asks for token authentication but no authToken property is set", "28000");
                }
                t.send(OpaqueMessage.authResponse(login.token().getBytes(StandardCharsets.UTF_8)), 0);
                return null;
            default:
                throw new SQLFeatureNotSupportedException("the server asks for authentication method " + req.method()
                        + ", which this driver does not implement (it supports PASSWORD, SCRAM-SHA-256/512 and TOKEN)", "0A000");
        }
    }

    private static byte[] password(Login login) {
        return login.password() == null ? new byte[0] : new String(login.password()).getBytes(StandardCharsets.UTF_8);
    }

    private static ServerMessage read(Transport t) throws IOException, SQLException {
        while (true) {
            ServerMessage m = decodeOrNull(t.read());
            if (m != null) {
                return m;
            }
        }
    }

    private static ServerMessage decodeOrNull(Frame f) throws SQLException {
        if (MessageType.byCode(f.type()) == null) {
            return null;
        }
        try {
            return Messages.decodeServer(f, Layout.P1);
        } catch (WireFormatException e) {
            if (e.problem() == WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE) {
                return null;
            }
            throw SessionErrors.protocol(e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to report
        }
    }
}
