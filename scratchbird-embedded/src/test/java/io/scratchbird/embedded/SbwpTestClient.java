package io.scratchbird.embedded;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.auth.ScramClient;
import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramMechanism;
import io.scratchbird.wire.message.AuthContinue;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.ClientMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.ReadyMessage;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.Startup;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A raw SBWP client built on the driver's codec, for protocol-level tests of the embedded
 * server: it speaks frames, not JDBC, so every byte the server sends can be inspected.
 */
final class SbwpTestClient implements AutoCloseable {

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private int sequence;
    private UUID attachment = FrameHeader.ZERO_UUID;
    private Layout layout = Layout.P1;
    private final List<ServerMessage> handshake = new ArrayList<>();

    private SbwpTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        this.reader = new FrameReader(socket.getInputStream(), FrameHeader.CLIENT_MAX_PAYLOAD);
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** A transport-level connection (TLS when the server uses it), before any SBWP frame. */
    static SbwpTestClient open(EmbeddedScratchBird server) throws Exception {
        return open(server.port(), server.certificate());
    }

    /** @param pinned the server certificate to trust, or null for plaintext */
    static SbwpTestClient open(int port, java.security.cert.X509Certificate pinned) throws Exception {
        Socket plain = new Socket("127.0.0.1", port);
        if (pinned == null) {
            return new SbwpTestClient(plain);
        }
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, trustManagers(pinned), null);
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, "localhost", port, true);
        ssl.setEnabledProtocols(new String[]{"TLSv1.3"});
        ssl.startHandshake();
        return new SbwpTestClient(ssl);
    }

    /** Opens and logs in as the default user with SCRAM or PASSWORD, whichever the server asks for. */
    static SbwpTestClient connect(EmbeddedScratchBird server) throws Exception {
        return connect(server, EmbeddedScratchBird.DEFAULT_USER, EmbeddedScratchBird.DEFAULT_PASSWORD, 0);
    }

    static SbwpTestClient connect(EmbeddedScratchBird server, String user, String password, long features) throws Exception {
        return login(open(server), user, password, features);
    }

    static SbwpTestClient login(SbwpTestClient c, String user, String password, long features) throws Exception {
        c.send(Startup.of(features, List.of(Startup.ConnectKey.text("database", "default"), Startup.ConnectKey.text("user", user))));
        ServerMessage first = c.read();
        if (!(first instanceof AuthRequest req)) {
            throw new IllegalStateException("expected AUTH_REQUEST, got " + first);
        }
        c.handshake.add(first);
        if (req.method() == AuthRequest.PASSWORD) {
            c.send(OpaqueMessage.authResponse(password.getBytes(StandardCharsets.UTF_8)));
        } else {
            ScramClient scram = new ScramClient(ScramMechanism.SHA_256, user, password);
            c.send(OpaqueMessage.authResponse(scram.clientFirstMessage().getBytes(StandardCharsets.UTF_8)));
            ServerMessage cont = c.read();
            c.handshake.add(cont);
            if (!(cont instanceof AuthContinue ac)) {
                throw new AuthFailed(cont);
            }
            c.send(OpaqueMessage.authResponse(scram.handleServerFirst(ac.data().toUtf8()).getBytes(StandardCharsets.UTF_8)));
            ServerMessage ok = c.read();
            c.handshake.add(ok);
            if (!(ok instanceof AuthOk authOk)) {
                throw new AuthFailed(ok);
            }
            scram.verifyServerFinal(authOk.info().toUtf8());
            c.attachment = authOk.sessionId();
            c.handshake.addAll(c.untilReady());
            return c;
        }
        ServerMessage ok = c.read();
        c.handshake.add(ok);
        if (!(ok instanceof AuthOk authOk)) {
            throw new AuthFailed(ok);
        }
        c.attachment = authOk.sessionId();
        c.handshake.addAll(c.untilReady());
        return c;
    }

    /** Authentication ended in something other than AUTH_OK (usually an ERROR). */
    static final class AuthFailed extends Exception {
        final ServerMessage answer;

        AuthFailed(ServerMessage answer) {
            super("authentication failed: " + answer);
            this.answer = answer;
        }
    }

    List<ServerMessage> handshakeMessages() {
        return handshake;
    }

    void layout(Layout l) {
        this.layout = l;
    }

    void send(ClientMessage m) throws IOException {
        send(m, 0, 0);
    }

    void send(ClientMessage m, int flags, long txnId) throws IOException {
        out.write(Messages.toFrame(m, flags, sequence++, attachment, txnId).toBytes());
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Frame readFrame() throws IOException {
        return reader.read();
    }

    ServerMessage read() throws IOException {
        Frame f = reader.read();
        if (f == null) {
            throw new IOException("server closed the connection");
        }
        return Messages.decodeServer(f, layout);
    }

    List<ServerMessage> untilReady() throws IOException {
        List<ServerMessage> got = new ArrayList<>();
        while (true) {
            ServerMessage m = read();
            got.add(m);
            if (m instanceof ReadyMessage) {
                return got;
            }
        }
    }

    List<ServerMessage> query(String sql) throws IOException {
        send(Query.of(sql));
        return untilReady();
    }

    /** True when the server closed the connection (EOF, or a reset) within the read timeout. */
    boolean closedByServer() {
        try {
            return reader.read() == null;
        } catch (IOException e) {
            return true;
        }
    }

    static ErrorResponse error(List<ServerMessage> messages) {
        for (ServerMessage m : messages) {
            if (m instanceof ErrorResponse e) {
                return e;
            }
        }
        return null;
    }

    static SSLContext trusting(EmbeddedScratchBird server) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, trustManagers(server), null);
        return ctx;
    }

    /** Trust exactly the server's (pinned) certificate. */
    static javax.net.ssl.TrustManager[] trustManagers(EmbeddedScratchBird server) throws Exception {
        return trustManagers(server.certificate());
    }

    static javax.net.ssl.TrustManager[] trustManagers(java.security.cert.X509Certificate pinned) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("server", pinned);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static Bytes utf8(String s) {
        return Bytes.utf8(s);
    }

    static boolean isType(ServerMessage m, MessageType t) {
        return m.type() == t;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    InputStream rawInput() throws IOException {
        return socket.getInputStream();
    }
}
