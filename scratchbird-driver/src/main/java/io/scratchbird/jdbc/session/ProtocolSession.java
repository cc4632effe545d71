package io.scratchbird.jdbc.session;

import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.Cancel;
import io.scratchbird.wire.message.ClientMessage;
import io.scratchbird.wire.message.Close;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.LegacyRowDescription;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ReadyMessage;
import io.scratchbird.wire.message.RowDescription;
import io.scratchbird.wire.message.SavepointCommand;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.TxnBegin;
import io.scratchbird.wire.message.TxnCommit;
import io.scratchbird.wire.message.TxnRollback;
import io.scratchbird.wire.message.TypeRefs;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The protocol state of one connection, above the transport and below JDBC: it sends requests,
 * reads every response to its READY before the next request (errata A.2: never desync),
 * tracks the transaction status and negotiated features, consumes the responses of CANCELs
 * (spec H-20), and turns ERROR frames into SQLExceptions.
 *
 * <p>Not thread-safe except {@link #cancel()} and {@link #abort()}: JDBC objects use a
 * connection serially (they synchronise on it).
 */
public final class ProtocolSession implements AutoCloseable {

    /** Features this driver offers; the server grants a subset (spec 5.4). */
    public static final long OFFERED_FEATURES = FeatureBits.STREAMING | FeatureBits.SAVEPOINTS | FeatureBits.ARRAY_BIND
            | FeatureBits.SESSION_RESET;

    private final Transport transport;
    private final Layout layout;
    private final long negotiated;
    private final Map<String, String> serverParameters = new HashMap<>();
    private final AtomicInteger pendingCancels = new AtomicInteger();
    private final SessionListener listener;
    private volatile boolean requestInFlight;
    private volatile boolean broken;
    /**
     * An explicit transaction this session opened (TXN_BEGIN) and has not ended. READY's status
     * alone cannot say so: the reference server reports "in transaction" after every statement.
     */
    private boolean inTransaction;
    private long txnId;
    private int portalCounter;

    ProtocolSession(Transport transport, Layout layout, long negotiated, Map<String, String> parameters,
                    Ready ready, SessionListener listener) {
        this.transport = transport;
        this.layout = layout;
        this.negotiated = negotiated;
        this.serverParameters.putAll(parameters);
        this.listener = listener == null ? SessionListener.NONE : listener;
        if (ready != null) {
            noteReady(ready);
        }
    }

    public boolean has(long feature) {
        return (negotiated & feature) == feature;
    }

    /** PARAMETER_STATUS values the server sent (server.role, server.version, …). */
    public Map<String, String> serverParameters() {
        return serverParameters;
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    public boolean isBroken() {
        return broken || transport.isClosed();
    }

    // ------------------------------------------------------------------ requests

    /**
     * Sends a simple QUERY and reads every result group to READY.
     *
     * @param beginFirst send TXN_BEGIN first, pipelined (lazy BEGIN for autoCommit=false)
     */
    public List<ResultGroup> query(String sql, boolean beginFirst, boolean autocommit) throws SQLException {
        start();
        try {
            if (beginFirst) {
                transport.write(TxnBegin.NO_OPTIONS, 0);
            }
            transport.write(Query.of(autocommit ? Query.AUTOCOMMIT : 0, sql), 0);
            transport.flush();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        SQLException beginFailure = beginFirst ? readBeginResponse() : null;
        List<ResultGroup> groups = readResponse(null, sql);
        if (beginFailure != null) {
            throw beginFailure;
        }
        return groups;
    }

    /**
     * Reads the answer to a pipelined TXN_BEGIN. A failure is returned, not thrown, so that the
     * caller reads the pipelined statement's answer too before raising it (never desync).
     */
    private SQLException readBeginResponse() throws SQLException {
        try {
            readResponse(null, "BEGIN");
            inTransaction = true;
            return null;
        } catch (SQLException e) {
            if (isBroken()) {
                throw e;
            }
            return e;
        }
    }

    /**
     * Extended query: [PARSE] BIND EXECUTE SYNC, pipelined in one write (spec 8.10).
     *
     * @param statementName  server statement name ("" = unnamed)
     * @param parse          whether to (re)PARSE first
     * @param maxRows        0 = all rows; otherwise the portal suspends after this many
     */
    public ResultGroup extended(String statementName, String sql, List<Integer> paramOids, boolean parse,
                                byte[][] values, List<Integer> paramFormats, List<Integer> resultFormats,
                                int maxRows, boolean beginFirst, boolean autocommit) throws SQLException {
        start();
        String portal = maxRows > 0 ? "sbp_" + (++portalCounter) : "";
        try {
            if (beginFirst) {
                transport.write(TxnBegin.NO_OPTIONS, 0);
            }
            if (parse) {
                transport.write(new Parse(statementName, sql, paramOids), 0);
            }
            transport.write(new Bind(portal, statementName, paramFormats, values, resultFormats), 0);
            transport.write(new Execute(portal, maxRows, autocommit ? Execute.AUTOCOMMIT : 0), 0);
            transport.write(EmptyMessage.SYNC, 0);
            transport.flush();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        SQLException beginFailure = beginFirst ? readBeginResponse() : null;
        List<ResultGroup> groups = readResponse(portal, sql);
        if (beginFailure != null) {
            throw beginFailure;
        }
        return groups.isEmpty() ? new ResultGroup() : groups.get(0);
    }

    /** Fetches the next page of a suspended portal. */
    public ResultGroup fetch(String portal, int maxRows) throws SQLException {
        start();
        try {
            transport.write(new Execute(portal, maxRows, null), 0);
            transport.write(EmptyMessage.SYNC, 0);
            transport.flush();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        List<ResultGroup> groups = readResponse(portal, null);
        return groups.isEmpty() ? new ResultGroup() : groups.get(0);
    }

    /** Closes a portal (an early-closed streaming ResultSet) without draining its rows. */
    public void closePortal(String portal) throws SQLException {
        closeOnServer(Close.PORTAL, portal);
    }

    /** Closes a named server statement (cache eviction). */
    public void closeStatement(String name) throws SQLException {
        closeOnServer(Close.STATEMENT, name);
    }

    private void closeOnServer(int kind, String name) throws SQLException {
        if (isBroken()) {
            return;
        }
        start();
        try {
            transport.write(new Close(kind, name), 0);
            transport.write(EmptyMessage.SYNC, 0);
            transport.flush();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        readResponse(null, null);
    }

    public void begin() throws SQLException {
        simple(TxnBegin.NO_OPTIONS, "BEGIN");
        inTransaction = true;
    }

    /** Ends the transaction, also when the COMMIT fails (the server then rolls back). */
    public void commit() throws SQLException {
        try {
            simple(TxnCommit.PLAIN, "COMMIT");
        } finally {
            inTransaction = false;
        }
    }

    public void rollback() throws SQLException {
        try {
            simple(TxnRollback.PLAIN, "ROLLBACK");
        } finally {
            inTransaction = false;
        }
    }

    /** Savepoint frames when bit 9 was negotiated, else the SQL text the frames stand for (spec 5.4). */
    public void savepoint(SavepointCommand command) throws SQLException {
        if (has(FeatureBits.SAVEPOINTS) && command.hasSimpleName()) {
            simple(command, command.type().name());
            return;
        }
        String quoted = "\"" + command.name().replace("\"", "\"\"") + "\"";
        String sql = switch (command.type()) {
            case TXN_SAVEPOINT -> "SAVEPOINT " + quoted;
            case TXN_RELEASE -> "RELEASE SAVEPOINT " + quoted;
            default -> "ROLLBACK TO SAVEPOINT " + quoted;
        };
        query(sql, false, false);
    }

    private void simple(ClientMessage m, String what) throws SQLException {
        start();
        try {
            transport.send(m, 0);
        } catch (IOException e) {
            throw ioFailure(e);
        }
        readResponse(null, what);
    }

    /**
     * PING / PONG liveness probe (spec 9.5; never SYNC, H-5).
     *
     * @param timeoutMillis how long to wait for PONG; 0 waits without limit
     */
    public boolean ping(int timeoutMillis) {
        if (isBroken()) {
            return false;
        }
        int previous = -1;
        try {
            start();
            previous = transport.soTimeout();
            transport.soTimeout(timeoutMillis);
            byte[] token = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            transport.send(OpaqueMessage.ping(token), 0);
            while (true) {
                Frame f = transport.read();
                if (f.type() == MessageType.PONG.code()) {
                    return java.util.Arrays.equals(token, f.payload());
                }
                ServerMessage m = decode(f);
                if (m instanceof Ready r && r.reason() == Ready.REASON_CANCEL_OUTCOME) {
                    pendingCancels.decrementAndGet();
                }
            }
        } catch (SocketTimeoutException e) {
            broken = true; // a half-read frame may follow: this connection can no longer be trusted
            return false;
        } catch (IOException | SQLException | WireFormatException e) {
            broken = true;
            return false;
        } finally {
            requestInFlight = false;
            if (previous >= 0 && !broken) {
                try {
                    transport.soTimeout(previous);
                } catch (IOException ignored) {
                    broken = true;
                }
            }
        }
    }

    /**
     * Asks the server to cancel the statement running now (spec 9.4). Safe from any thread; a
     * no-op when nothing is in flight. The CANCEL's own response is consumed later.
     */
    public void cancel() throws SQLException {
        if (!requestInFlight || isBroken()) {
            return;
        }
        try {
            pendingCancels.incrementAndGet();
            transport.send(Cancel.of(UUID.randomUUID(), null), io.scratchbird.wire.FrameFlags.URGENT);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Socket read timeout for the following requests (0 = none). */
    public void readTimeout(int millis) throws SQLException {
        try {
            transport.soTimeout(millis);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    public int readTimeout() throws SQLException {
        try {
            return transport.soTimeout();
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    public long bytesSent() {
        return transport.bytesSent();
    }

    public long bytesReceived() {
        return transport.bytesReceived();
    }

    /** Closes the socket at once, from any thread (Connection.abort, a broken connection). */
    public void abort() {
        broken = true;
        transport.close();
    }

    /** TERMINATE, then close (spec 13.1 item 30). */
    @Override
    public void close() {
        if (!isBroken()) {
            try {
                transport.send(EmptyMessage.TERMINATE, 0);
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        abort();
    }

    // ------------------------------------------------------------------ responses

    private void start() throws SQLException {
        if (isBroken()) {
            throw SessionErrors.closed();
        }
        requestInFlight = true;
    }

    /**
     * Reads one response to its READY: result groups, the first ERROR (raised after READY so
     * the connection stays in step), PARAMETER_STATUS updates; unknown frames are skipped.
     */
    private List<ResultGroup> readResponse(String portal, String sql) throws SQLException {
        List<ResultGroup> groups = new ArrayList<>();
        ResultGroup current = null;
        ErrorResponse error = null;
        try {
            while (true) {
                Frame f = transport.read();
                ServerMessage m = decode(f);
                if (m == null) {
                    continue;
                }
                switch (m.type()) {
                    case ROW_DESCRIPTION -> {
                        current = new ResultGroup();
                        current.columns(columns(m));
                    }
                    case DATA_ROW -> {
                        if (current == null) {
                            current = new ResultGroup();
                            current.columns(List.of());
                        }
                        current.rows().add((DataRow) m);
                    }
                    case COMMAND_COMPLETE -> {
                        CommandComplete cc = (CommandComplete) m;
                        if (current == null) {
                            current = new ResultGroup();
                        }
                        current.complete(cc.tag(), cc.rows());
                        groups.add(current);
                        current = null;
                    }
                    case PORTAL_SUSPENDED -> {
                        if (current == null) {
                            current = new ResultGroup();
                            current.columns(List.of());
                        }
                        current.suspended(portal);
                        groups.add(current);
                        current = null;
                    }
                    case ERROR -> {
                        if (error == null) {
                            error = (ErrorResponse) m;
                        }
                    }
                    case PARAMETER_STATUS -> serverParameters.putAll(((ParameterStatus) m).asMap());
                    case READY -> {
                        ReadyMessage ready = (ReadyMessage) m;
                        if (ready instanceof Ready r && r.reason() == Ready.REASON_CANCEL_OUTCOME
                                && pendingCancels.get() > 0) {
                            pendingCancels.decrementAndGet();
                            continue;   // the end of an earlier CANCEL's answer, not of this request
                        }
                        noteReady(ready);
                        requestInFlight = false;
                        if (error != null) {
                            throw SessionErrors.server(error, sql);
                        }
                        return groups;
                    }
                    default -> {
                        // CANCEL_ACK, CANCELLED, completions, notices: nothing to do (spec 13.1 item 6)
                    }
                }
            }
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (WireFormatException e) {
            broken = true;
            transport.close();
            throw SessionErrors.protocol(e);
        } finally {
            requestInFlight = false;
        }
    }

    /** Decodes a server frame; null for codes this driver does not handle. */
    private ServerMessage decode(Frame f) throws SQLException {
        MessageType t = MessageType.byCode(f.type());
        if (t == null) {
            return null;
        }
        try {
            return Messages.decodeServer(f, layout);
        } catch (WireFormatException e) {
            if (e.problem() == WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE) {
                return null;
            }
            throw e;
        }
    }

    private List<ColumnInfo> columns(ServerMessage m) {
        List<ColumnInfo> cols = new ArrayList<>();
        if (m instanceof RowDescription rd) {
            for (RowDescription.Column c : rd.columns()) {
                cols.add(new ColumnInfo(c.label().value(), TypeRefs.oidOf(c.type()),
                        c.valueFormat() == RowDescription.Column.FORMAT_BINARY, c.nullability(), c.type()));
            }
        } else {
            for (LegacyRowDescription.Column c : ((LegacyRowDescription) m).columns()) {
                cols.add(new ColumnInfo(c.name(), c.typeOid(), c.format() == 1, c.nullable(), null));
            }
        }
        return cols;
    }

    /** An idle READY ends the transaction (a SQL COMMIT, or the server rolled it back); an active one proves nothing. */
    private void noteReady(ReadyMessage ready) {
        txnId = ready.txnId();
        if (!ready.transactionActive()) {
            inTransaction = false;
        }
    }

    private SQLException ioFailure(IOException e) {
        broken = true;
        requestInFlight = false;
        transport.close();
        return SessionErrors.io(e);
    }

    long txnId() {
        return txnId;
    }

    SessionListener listener() {
        return listener;
    }
}
