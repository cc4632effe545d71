package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameFlags;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.AuthContinue;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.LegacyReady;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ServerInfo;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.Startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of one SBWP connection: startup and feature negotiation, authentication, then
 * the command phase, frame by frame, in the order the client sent them.
 *
 * <p>Two threads serve a connection. A reader thread reads frames into an inbox and, when a
 * CANCEL arrives while a statement runs, interrupts that statement at once; the session thread
 * answers the frames in order, so the CANCEL's own response follows the response of the
 * statement it cancelled (spec 13.1 item 29).
 */
public final class ServerSession implements Runnable {

    private static final System.Logger LOG = System.getLogger(ServerSession.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private static final Object END_OF_STREAM = new Object();
    private static final int INBOX_CAPACITY = 1024;

    /** A frame with what the reader knew when it arrived. */
    private record Inbound(Frame frame, boolean cancelHit) {
    }

    private final ServerContext ctx;
    private final WireConnection conn;
    private final String peer;
    private final long id = IDS.incrementAndGet();
    private final boolean quirks;

    private Layout layout = Layout.LEGACY;
    private int selectedVersion = Startup.VERSION_1_1;
    private long negotiated;
    private String user = "";
    private EngineSession engine;
    private volatile boolean authenticated;
    private volatile boolean statementRunning;
    private volatile boolean closed;
    private boolean readySent;
    private ByteArrayOutputStream partialQuery;
    private CommandHandler commands;

    ServerSession(ServerContext ctx, WireConnection conn, String peer) {
        this.ctx = ctx;
        this.conn = conn;
        this.peer = peer;
        this.quirks = ctx.settings().referenceQuirks();
    }

    /** Creates a session over an accepted (and, if configured, TLS-wrapped) socket's streams. */
    public static ServerSession over(ServerContext ctx, java.io.InputStream in, java.io.OutputStream out,
                                     AutoCloseable transport, String peer) {
        return new ServerSession(ctx, new WireConnection(in, out, transport), peer);
    }

    @Override
    public void run() {
        try {
            if (handshake()) {
                commandPhase();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "session {0} from {1} ended: {2}", id, peer, e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "session " + id + " from " + peer + " failed", e);
        } finally {
            shutdown();
        }
    }

    /** Ends the session from outside (server stop): the socket closes, an open transaction rolls back. */
    void abort() {
        closed = true;
        conn.close();
    }

    private void shutdown() {
        closed = true;
        if (engine != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing engine session " + id, e);
            }
        }
        if (commands != null) {
            commands.closeAll();
        }
        ctx.leave(this);
        conn.close();
    }

    // ---------------------------------------------------------------- handshake

    /** @return true when the session is authenticated and ready for commands */
    private boolean handshake() throws IOException {
        while (true) {
            Frame f = readChecked();
            if (f == null) {
                return false;
            }
            MessageType t = MessageType.byCode(f.type());
            try {
                if (t == MessageType.STARTUP) {
                    return startup(f);
                }
                beforeStartup(f, t);
            } catch (ProtocolFailure pf) {
                if (fail(pf)) {
                    return false;
                }
            }
            conn.flush();
        }
    }

    /** Frames that arrive before STARTUP (spec 6.1): only PING is served. */
    private void beforeStartup(Frame f, MessageType t) throws ProtocolFailure, IOException {
        FrameGate.check(f.type(), 0);
        switch (t) {
            case PING -> conn.send(OpaqueMessage.pong(f.payload()));
            case QUERY, TXN_BEGIN, TXN_COMMIT, TXN_ROLLBACK, SYNC ->
                    throw new ProtocolFailure("28000", "authentication required", null, Ready.REASON_COMMAND_COMPLETE);
            case SBLR_EXECUTE -> throw new ProtocolFailure("28000", "authentication required", null, Ready.REASON_ERROR_RECOVERED);
            case CANCEL -> throw new ProtocolFailure("28000", "SECURITY.CANCEL_NOT_AUTHORIZED",
                    "cancel requires an authenticated owner session", ProtocolFailure.NO_READY);
            default -> throw new ProtocolFailure("28000", "authentication required", null, ProtocolFailure.NO_READY);
        }
    }

    private boolean startup(Frame f) throws IOException {
        StartupNegotiation.Result r;
        try {
            r = new StartupNegotiation(SessionSettings.SUPPORTED_FEATURES).negotiate(f.payload());
        } catch (ProtocolFailure pf) {
            fail(pf);
            return false;
        }
        layout = r.layout();
        selectedVersion = r.selectedVersion();
        negotiated = r.negotiatedFeatures();
        user = r.user();
        String database = r.parameters().getOrDefault("database", "");
        if (!database.isEmpty() && !database.equals("default") && !database.equalsIgnoreCase(ctx.settings().databaseName())) {
            fail(ProtocolFailure.fatal("3D000", "database \"" + database + "\" does not exist",
                    "SBSQL.NAME_RESOLUTION.NOT_FOUND_OR_NOT_VISIBLE"));
            return false;
        }
        byte[] info = authenticate();
        if (info == null) {
            return false;
        }
        if (!ctx.admit(this)) {
            fail(ProtocolFailure.fatal("53300", "sorry, too many clients already",
                    "SESSION.CONNECTION_LIMIT: the server accepts at most " + ctx.settings().maxConnections() + " sessions"));
            return false;
        }
        try {
            engine = ctx.engine().openSession(user, r.parameters().get("application_name"));
        } catch (EngineException e) {
            fail(ProtocolFailure.fatal(e.sqlState(), e.getMessage(), e.diagnosticCode()));
            return false;
        }
        UUID attachment = UUID.randomUUID();
        conn.attachmentId(attachment);
        conn.txnId(engine.transactionId());
        authenticated = true;
        commands = new CommandHandler(this);
        conn.send(new AuthOk(attachment, Bytes.of(info)));
        if (layout == Layout.P1) {
            conn.send(new ServerInfo(attachment, new UUID(0, 0), new UUID(0, 0), "ScratchBird native SBWP P1",
                    "public-alpha", "sbsql", 1, SessionSettings.SUPPORTED_FEATURES, 1));
            conn.send(startupStatus(r));
        }
        sendReady(Ready.REASON_STARTUP);
        conn.flush();
        return true;
    }

    private ParameterStatus startupStatus(StartupNegotiation.Result r) {
        List<ParameterStatus.Entry> e = new ArrayList<>();
        e.add(ParameterStatus.Entry.text("protocol.selected_version", selectedVersion == Startup.VERSION_1_1 ? "1.1" : "1.0"));
        if (negotiated != 0) {
            e.add(ParameterStatus.Entry.text("protocol.negotiated_features", Long.toString(negotiated)));
        }
        e.add(ParameterStatus.Entry.text("session.auth_provider_family", "local_password"));
        if (!user.isEmpty()) {
            e.add(ParameterStatus.Entry.text("session.principal_claim", user));
        }
        e.add(ParameterStatus.Entry.text("current_txn_id", Long.toString(engine.transactionId())));
        if (!quirks) {
            // Our additions: what a client needs for targetServerType and version checks.
            e.add(ParameterStatus.Entry.text("server.role", ctx.settings().role()));
            e.add(ParameterStatus.Entry.text("server.version", EmbeddedVersion.VALUE));
        }
        for (String key : StartupNegotiation.ECHOED_KEYS) {
            String v = r.parameters().get(key);
            if (v != null && !v.isEmpty()) {
                e.add(ParameterStatus.Entry.text(key, v));
            }
        }
        return new ParameterStatus(e);
    }

    /** @return the AUTH_OK info bytes on success, or null after sending the failure */
    private byte[] authenticate() throws IOException {
        String address = clientAddress();
        if (ctx.throttle().throttled(address, user)) {
            // Refused before any credential is looked at; same answer for known and unknown users.
            fail(ProtocolFailure.fatal(quirks ? "28000" : "28P01", "too many failed authentication attempts; try again later",
                    "SECURITY.AUTHENTICATION.THROTTLED"));
            return null;
        }
        byte[] info = checkCredentials();
        if (info == null) {
            ctx.throttle().failed(address, user);
        } else {
            ctx.throttle().succeeded(address, user);
        }
        return info;
    }

    /** The client's IP address without the port (the throttling key). */
    private String clientAddress() {
        int colon = peer.lastIndexOf(':');
        return colon > 0 ? peer.substring(0, colon) : peer;
    }

    private byte[] checkCredentials() throws IOException {
        int method = ctx.settings().effectiveAuthMethod();
        conn.send(AuthRequest.of(method));
        conn.flush();
        try {
            byte[] first = expectAuthResponse();
            if (first == null) {
                return null;
            }
            if (method == AuthRequest.PASSWORD) {
                return ctx.credentials().checkPassword(user, first) ? new byte[0] : authFailed();
            }
            Credentials.ScramExchange scram = ctx.credentials().startScram(user);
            String serverFirst = scram.serverFirst(new String(first, StandardCharsets.UTF_8));
            if (serverFirst == null) {
                return authFailed();
            }
            conn.send(new AuthContinue(method, AuthContinue.STAGE_SERVER_FIRST, Bytes.utf8(serverFirst)));
            conn.flush();
            byte[] fin = expectAuthResponse();
            if (fin == null) {
                return null;
            }
            String serverFinal = scram.serverFinal(new String(fin, StandardCharsets.UTF_8));
            return serverFinal == null ? authFailed() : serverFinal.getBytes(StandardCharsets.UTF_8);
        } catch (ProtocolFailure pf) {
            fail(pf);
            return null;
        }
    }

    private byte[] expectAuthResponse() throws IOException, ProtocolFailure {
        Frame f = readChecked();
        if (f == null) {
            return null;
        }
        if (f.type() != MessageType.AUTH_RESPONSE.code()) {
            throw ProtocolFailure.fatal("08P01", "expected AUTH_RESPONSE after AUTH_REQUEST", null);
        }
        return f.payload();
    }

    /** Identical for an unknown user and a wrong password (spec 6.4 / issue 11). */
    private byte[] authFailed() throws ProtocolFailure {
        throw ProtocolFailure.fatal(quirks ? "28000" : "28P01", "password authentication failed for user \"" + user + "\"",
                "SECURITY.AUTHENTICATION.FAILED");
    }

    // ---------------------------------------------------------------- command phase

    private void commandPhase() throws IOException {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
        Thread reader = new Thread(() -> readInto(inbox), "sbwp-reader-" + id);
        reader.setDaemon(true);
        reader.start();
        long idleNanos = idleInTransactionNanos(ctx.settings().idleInTransactionTimeout());
        while (!closed) {
            Object item;
            try {
                if (idleNanos > 0 && engine.inTransaction()) {
                    item = inbox.poll(idleNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (item == null) {
                        idleInTransactionTimeout();
                        return;
                    }
                } else {
                    item = inbox.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == END_OF_STREAM) {
                return;
            }
            if (item instanceof WireFormatException wfe) {
                failOnMalformed(wfe);
                return;
            }
            if (item instanceof IOException) {
                return;
            }
            Inbound in = (Inbound) item;
            try {
                if (!handleFrame(in)) {
                    return;
                }
            } catch (ProtocolFailure pf) {
                if (fail(pf)) {
                    return;
                }
            } catch (WireFormatException malformed) {
                // A payload that does not decode is the client's protocol error, not a server defect
                // (fuzzing finding: malformed CLOSE/QUERY/CANCEL/RESET_SESSION payloads were answered
                // as XX000 internal errors and logged at ERROR level).
                statementRunning = false;
                MessageType mt = MessageType.byCode(in.frame().type());
                conn.send(ErrorResponse.of("08P01", "invalid " + (mt == null ? "frame" : mt.name()) + " payload",
                        "SBWP.PAYLOAD.MALFORMED: " + malformed.getMessage()));
                sendReady(Ready.REASON_ERROR_RECOVERED);
            } catch (RuntimeException bug) {
                // A defect must not wedge the client: answer it, keep the session in step, log the cause.
                LOG.log(System.Logger.Level.ERROR, "session " + id + ": internal error handling frame 0x"
                        + Integer.toHexString(in.frame().type()), bug);
                statementRunning = false;
                conn.send(ErrorResponse.of("XX000", "internal error in the embedded server", "SERVER.INTERNAL_ERROR"));
                sendReady(Ready.REASON_ERROR_RECOVERED);
            }
            // One write per batch of pipelined frames (PARSE/BIND/EXECUTE/SYNC), not one per frame:
            // the answers to frames already waiting in the inbox go out together after them.
            if (inbox.isEmpty()) {
                conn.flush();
            }
        }
    }

    private static long idleInTransactionNanos(java.time.Duration timeout) {
        return timeout.compareTo(java.time.Duration.ofDays(3650)) > 0 ? java.time.Duration.ofDays(3650).toNanos()
                : timeout.toNanos();
    }

    /**
     * The client left a transaction open and sent nothing for the idle-in-transaction timeout
     * (issue 11: a vanished, half-open client must not hold locks forever). The transaction rolls
     * back first, so its locks are free even if the goodbye below cannot be delivered; then ERROR
     * 25P03 is sent (best effort, bounded: a peer that does not read cannot park this thread) and
     * the caller ends the session.
     */
    private void idleInTransactionTimeout() {
        LOG.log(System.Logger.Level.WARNING, "session {0} from {1}: idle in transaction for {2}; "
                + "rolling back and closing the connection", id, peer, ctx.settings().idleInTransactionTimeout());
        try {
            engine.rollback();
        } catch (io.scratchbird.embedded.sql.EngineException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "session {0}: rollback at idle timeout: {1}", id, e.toString());
        }
        closed = true;
        var guard = java.util.concurrent.CompletableFuture.runAsync(conn::abortTransport,
                java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS));
        try {
            conn.send(ErrorResponse.of("25P03", "terminating connection due to idle-in-transaction timeout",
                    "SESSION.IDLE_IN_TRANSACTION_TIMEOUT"));
            conn.flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "session {0}: could not send the idle timeout error: {1}", id, e.toString());
        } finally {
            guard.cancel(false);
        }
    }

    /** Reader thread: frames into the inbox; cancels a running statement the moment its CANCEL arrives. */
    private void readInto(BlockingQueue<Object> inbox) {
        try {
            while (!closed) {
                Frame f;
                try {
                    f = conn.read();
                } catch (WireFormatException | IOException e) {
                    deliver(inbox, e);
                    return;
                }
                if (f == null) {
                    deliver(inbox, END_OF_STREAM);
                    return;
                }
                boolean hit = false;
                if (f.type() == MessageType.CANCEL.code() && statementRunning) {
                    hit = true;
                    engine.cancel();
                }
                if (!deliver(inbox, new Inbound(f, hit))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Puts an item into a full inbox only while the session lives: once the session thread has
     * ended nobody drains the inbox, and a plain {@code put} would park the reader thread forever
     * (a leaked thread per client that pipelined more than the inbox holds before a fatal error).
     */
    private boolean deliver(BlockingQueue<Object> inbox, Object item) throws InterruptedException {
        while (!inbox.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (closed) {
                return false;
            }
        }
        return true;
    }

    /** @return false when the session must end (TERMINATE) */
    private boolean handleFrame(Inbound in) throws ProtocolFailure, IOException {
        Frame f = in.frame();
        int type = f.type();
        int flags = f.header().flags();
        boolean pieceFlags = (flags & (FrameFlags.PARTIAL | FrameFlags.FINAL)) != 0;
        if (pieceFlags && type != MessageType.QUERY.code() || partialQuery != null && type != MessageType.QUERY.code()) {
            throw ProtocolFailure.fatal("08P01", "SBWP.PARTIAL_QUERY.INVALID_MESSAGE",
                    "partial/final frame continuation is only supported for Query payloads");
        }
        if (pieceFlags && (negotiated & FeatureBits.STREAMING) == 0) {
            throw FrameGate.notNegotiated(type);
        }
        if (pieceFlags || partialQuery != null) {
            if (!accumulate(f)) {
                return true;
            }
            byte[] whole = completePartial();
            io.scratchbird.wire.FrameHeader h = f.header();
            f = new Frame(new io.scratchbird.wire.FrameHeader(h.msgType(), 0, whole.length, h.sequence(), h.attachmentId(),
                    h.txnId()), whole);
        }
        FrameGate.check(type, negotiated);
        return commands.handle(f, in.cancelHit());
    }

    /** Appends a QUERY piece; @return true when this piece completed the payload. */
    private boolean accumulate(Frame f) throws ProtocolFailure {
        if (partialQuery == null) {
            partialQuery = new ByteArrayOutputStream();
        }
        if ((long) partialQuery.size() + f.payload().length > io.scratchbird.wire.FrameHeader.SERVER_MAX_PAYLOAD) {
            partialQuery = null;
            throw ProtocolFailure.fatal("54000", "SBWP.PARTIAL_QUERY.PAYLOAD_TOO_LARGE",
                    "partial Query payload exceeds the parser route payload budget");
        }
        partialQuery.writeBytes(f.payload());
        return (f.header().flags() & FrameFlags.FINAL) != 0;
    }

    private byte[] completePartial() {
        byte[] all = partialQuery.toByteArray();
        partialQuery = null;
        return all;
    }

    private void failOnMalformed(WireFormatException e) throws IOException {
        switch (e.problem()) {
            case COMPRESSED_FLAG -> fail(ProtocolFailure.fatal("08P01", "SBWP.COMPRESSION.UNNEGOTIATED_FRAME",
                    "SBWP frame flags failed closed before payload dispatch"));
            case RESERVED_FLAG_BITS -> fail(ProtocolFailure.fatal("08P01", "SBWP.HEADER.RESERVED_BITS_SET",
                    "SBWP frame flags failed closed before payload dispatch"));
            default -> LOG.log(System.Logger.Level.DEBUG, "session {0}: closing on malformed frame: {1}", id, e.getMessage());
        }
    }

    /** Reads one frame during the handshake, applying the header checks; null at end of stream. */
    private Frame readChecked() throws IOException {
        try {
            return conn.read();
        } catch (WireFormatException e) {
            failOnMalformed(e);
            return null;
        }
    }

    // ---------------------------------------------------------------- shared with CommandHandler

    /** Sends the ERROR (and READY) of a failure; @return true when the connection must close. */
    boolean fail(ProtocolFailure pf) throws IOException {
        conn.send(pf.toError());
        if (pf.closesConnection()) {
            conn.flush();
            return true;
        }
        if (pf.readyReason() != ProtocolFailure.NO_READY) {
            sendReady(pf.readyReason());
        }
        return false;
    }

    void sendReady(int reason) throws IOException {
        long txn = authenticated ? engine.transactionId() : 0;
        conn.txnId(txn);
        if (layout == Layout.P1) {
            int status = txn == 0 ? Ready.STATUS_NONE
                    : quirks || engine.inTransaction() ? Ready.STATUS_IN_TRANSACTION : Ready.STATUS_IDLE;
            conn.send(new Ready(conn.attachmentId(), conn.attachmentId(), new UUID(0, 0), txn, status, reason,
                    selectedVersion, negotiated, 0, 0));
        } else {
            conn.send(LegacyReady.of(txn));
        }
        readySent = true;
    }

    void send(ServerMessage m) throws IOException {
        if (authenticated) {
            conn.txnId(engine.transactionId());
        }
        conn.send(m);
    }

    /** An engine error as the client sees it: precise in normal mode, generic 42000 in quirks mode. */
    ErrorResponse engineError(EngineException e) {
        List<ErrorResponse.Field> f = new ArrayList<>();
        f.add(new ErrorResponse.Field(ErrorResponse.SEVERITY, "ERROR"));
        f.add(new ErrorResponse.Field(ErrorResponse.SQLSTATE, quirks ? "42000" : e.sqlState()));
        if (e.getMessage() != null && !e.getMessage().isEmpty()) {
            f.add(new ErrorResponse.Field(ErrorResponse.MESSAGE, e.getMessage()));
        }
        if (e.diagnosticCode() != null && !e.diagnosticCode().isEmpty()) {
            f.add(new ErrorResponse.Field(ErrorResponse.DETAIL, e.diagnosticCode()));
        }
        if (!quirks && e.position() > 0) {
            f.add(new ErrorResponse.Field(ErrorResponse.POSITION, Integer.toString(e.position())));
        }
        return new ErrorResponse(false, f);
    }

    boolean quirks() {
        return quirks;
    }

    Layout layout() {
        return layout;
    }

    long negotiated() {
        return negotiated;
    }

    int selectedVersion() {
        return selectedVersion;
    }

    String user() {
        return user;
    }

    EngineSession engine() {
        return engine;
    }

    ServerContext context() {
        return ctx;
    }

    WireConnection connection() {
        return conn;
    }

    void readySent(boolean sent) {
        this.readySent = sent;
    }

    boolean readySent() {
        return readySent;
    }

    void statementRunning(boolean running) {
        this.statementRunning = running;
    }

    static PayloadReader payloadOf(Frame f) {
        return PayloadReader.ofPayload(f.payload());
    }
}
