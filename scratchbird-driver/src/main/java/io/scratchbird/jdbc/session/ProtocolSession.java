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
    /** Requests written and answered (one write, then reading to READY): a round-trip count for diagnostics. */
    private volatile long roundTrips;

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

    /** Most parameters one statement can carry: PARSE and BIND counts are {@code u16} (spec 8.1, 8.3). */
    public static final int MAX_PARAMETERS = 0xFFFF;

    /**
     * Refuses a statement with more parameters than the wire can carry before anything is sent,
     * with the SQLSTATE the server uses for its own limit ({@code 54023}); the connection stays usable.
     */
    static void checkParameterCount(int count) throws SQLException {
        if (count > MAX_PARAMETERS) {
            throw new SQLException("too many parameters: " + count + "; SBWP carries at most " + MAX_PARAMETERS
                    + " per statement", "54023");
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
        checkParameterCount(Math.max(paramOids.size(), values.length));
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

    /** Rows pipelined per SYNC by {@link #executeBatch}: bounds the responses the server queues before we read. */
    static final int BATCH_ROWS_PER_SYNC = 1000;
    /** Bytes of BIND frames per SYNC by {@link #executeBatch}. */
    static final int BATCH_BYTES_PER_SYNC = 1 << 20;
    private static final String BATCH_SAVEPOINT = "sb_batch";

    /**
     * What {@link #executeBatch} did: the update count of each row that succeeded before the
     * first failure ({@code counts.length} rows), and that failure (null when every row succeeded).
     */
    public record BatchResult(long[] counts, SQLException failure) {
    }

    /**
     * Executes one prepared statement for many parameter rows with as few round trips as possible:
     * per chunk of at most {@value #BATCH_ROWS_PER_SYNC} rows (and about 1 MiB of values) one write
     * of [TXN_BEGIN or TXN_SAVEPOINT] PARSE (BIND EXECUTE)×n SYNC, whose responses are read only
     * after the SYNC; the chunk's COMMIT or RELEASE travels with the next chunk (one more round
     * trip after the last chunk). Bounding a chunk keeps the server's unread responses well under
     * the socket buffers, so neither side can block on a full buffer.
     *
     * <p>The server goes on executing the EXECUTEs that follow a failed one, so every chunk is
     * guarded: with {@code autocommit} each chunk is its own transaction, otherwise (the caller's
     * transaction) a savepoint. After a failure at row k of a chunk the guard is rolled back and
     * the chunk's rows before k are executed again, so exactly the rows before the failing one
     * take effect: committed with autocommit (earlier chunks are committed already), part of the
     * caller's transaction without. Never throws for a row's failure; a broken connection is
     * reported as the failure of the first row whose effect is not known.
     *
     * @param values       one array of encoded values per row
     * @param paramFormats one format list per row
     * @param beginFirst   send TXN_BEGIN first (lazy BEGIN for autoCommit=false)
     */
    public BatchResult executeBatch(String statementName, String sql, List<Integer> paramOids, List<byte[][]> values,
                                    List<List<Integer>> paramFormats, boolean beginFirst, boolean autocommit)
            throws SQLException {
        int n = values.size();
        long[] counts = new long[n];
        boolean savepoints = has(FeatureBits.SAVEPOINTS);
        List<ClientMessage> pending = new ArrayList<>();   // COMMIT / RELEASE of the previous chunk
        if (beginFirst) {
            pending.add(TxnBegin.NO_OPTIONS);
        }
        int done = 0;
        int committed = 0;   // with autocommit: rows whose COMMIT the server confirmed
        try {
            while (done < n) {
                int end = chunkEnd(values, done);
                List<ClientMessage> prefix = new ArrayList<>(pending);
                pending.clear();
                prefix.add(autocommit ? TxnBegin.NO_OPTIONS : savepointMessage(SavepointCommand.savepoint(BATCH_SAVEPOINT), savepoints));
                ChunkOutcome out = pipeline(prefix, statementName, sql, paramOids, values, paramFormats, done, end, counts);
                if (out.prefixFailure != null) {
                    // the guard (or the previous chunk's COMMIT) failed: nothing of this chunk is trusted
                    if (autocommit && inTransaction) {
                        rollback();
                    }
                    // a failed COMMIT of the previous chunk rolled that chunk back
                    return new BatchResult(java.util.Arrays.copyOf(counts, autocommit ? committed : done), out.prefixFailure);
                }
                if (autocommit) {
                    committed = done;
                    inTransaction = true;
                }
                if (out.failedAt < 0) {
                    pending.add(autocommit ? TxnCommit.PLAIN : savepointMessage(SavepointCommand.release(BATCH_SAVEPOINT), savepoints));
                    done = end;
                    continue;
                }
                // undo the chunk (the server executed the rows after the failing one too), then redo the rows before it
                int failedAt = out.failedAt;
                SQLException failure = out.failure;
                if (autocommit) {
                    rollback();
                } else {
                    requestWithReady(savepointMessage(SavepointCommand.rollbackTo(BATCH_SAVEPOINT), savepoints));
                }
                if (failedAt > done) {
                    List<ClientMessage> again = new ArrayList<>();
                    if (autocommit) {
                        again.add(TxnBegin.NO_OPTIONS);
                    }
                    ChunkOutcome redo = pipeline(again, statementName, sql, paramOids, values, paramFormats, done, failedAt, counts);
                    if (autocommit && redo.prefixFailure == null) {
                        inTransaction = true;
                    }
                    if (redo.prefixFailure != null || redo.failedAt >= 0) {
                        // the rows before the failure did not run the same way twice: report the new failure
                        failedAt = redo.prefixFailure != null ? done : redo.failedAt;
                        failure = redo.prefixFailure != null ? redo.prefixFailure : redo.failure;
                        if (autocommit) {
                            rollback();
                        } else {
                            requestWithReady(savepointMessage(SavepointCommand.rollbackTo(BATCH_SAVEPOINT), savepoints));
                        }
                        failedAt = done;   // nothing of this chunk took effect
                    }
                }
                if (autocommit) {
                    if (inTransaction) {
                        commit();
                    }
                } else {
                    requestWithReady(savepointMessage(SavepointCommand.release(BATCH_SAVEPOINT), savepoints));
                }
                return new BatchResult(java.util.Arrays.copyOf(counts, failedAt), failure);
            }
            for (ClientMessage m : pending) {
                try {
                    requestWithReady(m);
                } catch (SQLException e) {
                    if (isBroken() || !autocommit) {
                        throw e;
                    }
                    return new BatchResult(java.util.Arrays.copyOf(counts, committed), e);   // the last chunk was rolled back
                }
            }
            return new BatchResult(counts, null);
        } catch (SQLException e) {
            if (isBroken()) {
                // with autocommit the chunk in flight was not committed; without, the whole transaction is lost
                return new BatchResult(java.util.Arrays.copyOf(counts, autocommit ? committed : 0), e);
            }
            throw e;
        }
    }

    /**
     * Text batch: one QUERY frame per statement, pipelined in chunks of
     * {@value #BATCH_ROWS_PER_SYNC}, each answer read to its READY in order. The server runs every
     * statement, also after one fails, so each statement has its own outcome: its result groups, or
     * its SQLException. A broken connection is thrown.
     *
     * @param beginFirst send TXN_BEGIN first (lazy BEGIN for autoCommit=false)
     * @return per statement a {@code List<ResultGroup>} or an {@link SQLException}
     */
    public List<Object> queryPipeline(List<String> sqls, boolean beginFirst, boolean autocommit) throws SQLException {
        List<Object> outcomes = new ArrayList<>(sqls.size());
        boolean begin = beginFirst;
        for (int from = 0; from < sqls.size(); from += BATCH_ROWS_PER_SYNC) {
            int to = Math.min(sqls.size(), from + BATCH_ROWS_PER_SYNC);
            start();
            try {
                if (begin) {
                    transport.write(TxnBegin.NO_OPTIONS, 0);
                }
                for (int i = from; i < to; i++) {
                    transport.write(Query.of(autocommit ? Query.AUTOCOMMIT : 0, sqls.get(i)), 0);
                }
                transport.flush();
            } catch (IOException e) {
                throw ioFailure(e);
            }
            SQLException beginFailure = begin ? readBeginResponse() : null;
            begin = false;
            for (int i = from; i < to; i++) {
                requestInFlight = true;
                try {
                    outcomes.add(readResponse(null, sqls.get(i)));
                } catch (SQLException e) {
                    if (isBroken()) {
                        throw e;
                    }
                    outcomes.add(e);
                }
            }
            if (beginFailure != null) {
                throw beginFailure;
            }
        }
        return outcomes;
    }

    /** End (exclusive) of the chunk starting at {@code from}: at most BATCH_ROWS_PER_SYNC rows and ~1 MiB. */
    private static int chunkEnd(List<byte[][]> values, int from) {
        int end = from;
        long bytes = 0;
        while (end < values.size() && end - from < BATCH_ROWS_PER_SYNC && (end == from || bytes < BATCH_BYTES_PER_SYNC)) {
            for (byte[] v : values.get(end)) {
                bytes += 4 + (v == null ? 0 : v.length);
            }
            end++;
        }
        return end;
    }

    private ClientMessage savepointMessage(SavepointCommand command, boolean frames) {
        if (frames) {
            return command;
        }
        String sql = switch (command.type()) {
            case TXN_SAVEPOINT -> "SAVEPOINT " + command.name();
            case TXN_RELEASE -> "RELEASE SAVEPOINT " + command.name();
            default -> "ROLLBACK TO SAVEPOINT " + command.name();
        };
        return Query.of(0, sql);
    }

    /** One request answered by READY (TXN_*, savepoint frames, QUERY), raising its error. */
    private void requestWithReady(ClientMessage m) throws SQLException {
        if (m instanceof TxnCommit) {
            commit();
        } else if (m instanceof TxnRollback) {
            rollback();
        } else if (m instanceof Query q) {
            start();
            try {
                transport.send(q, 0);
            } catch (IOException e) {
                throw ioFailure(e);
            }
            readResponse(null, null);
        } else {
            simple(m, m.type().name());
        }
    }

    private static final class ChunkOutcome {
        SQLException prefixFailure;
        int failedAt = -1;
        SQLException failure;
    }

    /**
     * One round trip: the prefix requests (each answered by READY), PARSE, BIND+EXECUTE for rows
     * [from, to), SYNC. Reads the prefix answers, then one completion (or ERROR) for PARSE, each
     * BIND and each EXECUTE, to the READY of the SYNC.
     */
    private ChunkOutcome pipeline(List<ClientMessage> prefix, String statementName, String sql, List<Integer> paramOids,
                                  List<byte[][]> values, List<List<Integer>> paramFormats, int from, int to, long[] counts)
            throws SQLException {
        checkParameterCount(paramOids.size());
        for (int i = from; i < to; i++) {
            checkParameterCount(values.get(i).length);
        }
        start();
        try {
            for (ClientMessage m : prefix) {
                transport.write(m, 0);
            }
            transport.write(new Parse(statementName, sql, paramOids), 0);
            for (int i = from; i < to; i++) {
                transport.write(new Bind("", statementName, paramFormats.get(i), values.get(i), List.of()), 0);
                transport.write(new Execute("", 0, 0), 0);
            }
            transport.write(EmptyMessage.SYNC, 0);
            transport.flush();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        ChunkOutcome out = new ChunkOutcome();
        for (ClientMessage m : prefix) {
            try {
                readResponse(null, m.type().name());
                if (m instanceof TxnBegin) {
                    inTransaction = true;
                } else if (m instanceof TxnCommit) {
                    inTransaction = false;
                }
            } catch (SQLException e) {
                if (isBroken()) {
                    throw e;
                }
                if (out.prefixFailure == null) {
                    out.prefixFailure = e;
                }
                if (m instanceof TxnCommit) {
                    inTransaction = false;
                }
            }
        }
        requestInFlight = true;
        readBatchResponse(sql, from, to, counts, out);
        return out;
    }

    /** Reads PARSE, BIND and EXECUTE answers in order to READY; the first ERROR names the failing row. */
    private void readBatchResponse(String sql, int from, int to, long[] counts, ChunkOutcome out) throws SQLException {
        int event = 0;   // 0 = PARSE, then BIND and EXECUTE of each row
        int expected = 1 + 2 * (to - from);
        try {
            while (true) {
                Frame f = transport.read();
                MessageType t = MessageType.byCode(f.type());
                if (t == MessageType.PARSE_COMPLETE || t == MessageType.BIND_COMPLETE) {
                    event++;
                    continue;
                }
                ServerMessage m = decode(f);
                if (m == null) {
                    continue;
                }
                switch (m.type()) {
                    case COMMAND_COMPLETE -> {
                        if (event > 0 && event < expected && event % 2 == 0) {
                            counts[from + event / 2 - 1] = Math.max(0, ((CommandComplete) m).rows());
                        }
                        event++;
                    }
                    case ERROR -> {
                        int row = event == 0 ? from : from + (event - 1) / 2;
                        if (out.failedAt < 0 && row < to) {
                            out.failedAt = row;
                            out.failure = SessionErrors.server((ErrorResponse) m, sql);
                        }
                        event++;
                    }
                    case PARAMETER_STATUS -> serverParameters.putAll(((ParameterStatus) m).asMap());
                    case READY -> {
                        ReadyMessage ready = (ReadyMessage) m;
                        if (ready instanceof Ready r && r.reason() == Ready.REASON_CANCEL_OUTCOME && pendingCancels.get() > 0) {
                            pendingCancels.decrementAndGet();
                            continue;
                        }
                        noteReady(ready);
                        if (event < expected && out.failedAt < 0) {
                            int row = Math.max(from, from + (event - 1) / 2);
                            out.failedAt = Math.min(row, to - 1);
                            out.failure = SessionErrors.protocol("the server answered only part of a batch");
                        }
                        return;
                    }
                    default -> {
                        // ROW_DESCRIPTION / DATA_ROW of a row that returns rows: the count is the tag's
                    }
                }
            }
        } catch (IOException e) {
            throw ioFailure(e);
        } catch (WireFormatException e) {
            throw malformed(e);
        } finally {
            requestInFlight = false;
        }
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

    /** Round trips made so far (a request written, its answer read to READY); for diagnostics and tests. */
    public long roundTrips() {
        return roundTrips;
    }

    public long bytesSent() {
        return transport.bytesSent();
    }

    public long bytesReceived() {
        return transport.bytesReceived();
    }

    /** Frames written so far (for the TRACE log's frame summary). */
    public long framesSent() {
        return transport.framesSent();
    }

    /** Frames read so far (for the TRACE log's frame summary). */
    public long framesReceived() {
        return transport.framesReceived();
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
        roundTrips++;
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
            throw malformed(e);
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

    /** A frame this driver cannot read: the byte stream can no longer be trusted, so the connection ends. */
    private SQLException malformed(WireFormatException e) {
        broken = true;
        transport.close();
        return SessionErrors.protocol(e);
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
