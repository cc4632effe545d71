package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ProtocolSession;
import io.scratchbird.jdbc.session.ResultGroup;
import io.scratchbird.wire.message.SavepointCommand;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * A JDBC connection over one SBWP session. Autocommit is on by default; with autocommit off the
 * driver sends TXN_BEGIN lazily, pipelined with the first statement of each transaction
 * (errata A.1). Statements prepared more than {@code prepareThreshold} times stay prepared on
 * the server in a per-connection LRU cache, cleared after DDL and recovered transparently when
 * the server has dropped a statement.
 */
public class ScratchBirdConnection implements Connection {

    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT");
    /** The only holdability: results are read completely or through portals that outlive the transaction. */
    private static final int HOLDABILITY = ResultSet.HOLD_CURSORS_OVER_COMMIT;

    private final ProtocolSession session;
    private final ConnectionSettings settings;
    private final Set<ScratchBirdStatement> statements = Collections.newSetFromMap(new WeakHashMap<>());
    private final LinkedHashMap<String, String> statementCache;
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private int savepointCounter;
    private int statementCounter;
    private Map<String, Class<?>> typeMap = new HashMap<>();
    private final Observability obs;

    ScratchBirdConnection(ProtocolSession session, ConnectionSettings settings) throws SQLException {
        this.session = session;
        this.settings = settings;
        this.obs = new Observability(session, settings.loggerLevel());
        if (obs.logs(Observability.INFO)) {
            obs.log(Observability.INFO, "connected to database \"" + settings.database() + "\" as \"" + settings.user()
                    + "\" (" + settings.url() + ", server " + session.serverParameters().getOrDefault("server.version", "?")
                    + ")");
        }
        int cacheSize = Math.max(0, settings.statementCacheSize());
        this.statementCache = new LinkedHashMap<>(16, 0.75f, true);
        if (settings.currentSchema() != null && !settings.currentSchema().isEmpty()) {
            setSchema(settings.currentSchema());
        }
        if (settings.readOnly()) {
            setReadOnly(true);
        }
        this.cacheLimit = cacheSize;
    }

    private final int cacheLimit;

    ProtocolSession session() {
        return session;
    }

    int defaultFetchSize() {
        return settings.defaultFetchSize();
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("this connection has been closed", "08003");
        }
        if (session.isBroken()) {
            closed = true;
            throw new SQLNonTransientConnectionException("the connection to the server was lost", "08006");
        }
    }

    // ------------------------------------------------------------------ execution (called by statements)

    private boolean beginNeeded() {
        return !autoCommit && !session.inTransaction();
    }

    List<ResultGroup> runSimple(String sql, int fetchSize, ScratchBirdStatement st) throws SQLException {
        checkOpen();
        return obs.observe(sql, 0, () -> runSimpleUnobserved(sql, fetchSize, st), ScratchBirdConnection::rowsOf, null);
    }

    private List<ResultGroup> runSimpleUnobserved(String sql, int fetchSize, ScratchBirdStatement st) throws SQLException {
        List<ResultGroup> groups;
        if (fetchSize > 0 && st.fetchSizeForStreaming() > 0 && isSingleStatement(sql)) {
            groups = List.of(session.extended("", sql, List.of(), true, new byte[0][], List.of(), resultFormats(),
                    fetchSize, beginNeeded(), autoCommit));
        } else {
            groups = session.query(sql, beginNeeded(), autoCommit);
        }
        afterExecution(groups);
        return groups;
    }

    /** A Statement's batch, pipelined; per statement its result groups or its SQLException. */
    List<Object> runTextBatch(List<String> sqls) throws SQLException {
        checkOpen();
        return obs.observe(String.join(";\n", sqls), sqls.size(), () -> runTextBatchUnobserved(sqls),
                ScratchBirdConnection::textBatchRows, ScratchBirdConnection::textBatchFailure);
    }

    private List<Object> runTextBatchUnobserved(List<String> sqls) throws SQLException {
        List<Object> outcomes = session.queryPipeline(sqls, beginNeeded(), autoCommit);
        for (Object o : outcomes) {
            if (o instanceof List<?> groups) {
                @SuppressWarnings("unchecked")
                List<ResultGroup> g = (List<ResultGroup>) groups;
                afterExecution(g);
            }
        }
        return outcomes;
    }

    ResultGroup runPrepared(ScratchBirdPreparedStatement ps, Parameters params, int fetchSize) throws SQLException {
        checkOpen();
        return obs.observe(ps.originalSql, 0, () -> runPreparedUnobserved(ps, params, fetchSize),
                g -> rowsOf(List.of(g)), null);
    }

    private ResultGroup runPreparedUnobserved(ScratchBirdPreparedStatement ps, Parameters params, int fetchSize)
            throws SQLException {
        String sql = ps.parsed.sql();
        List<Integer> oids = params.oidList();
        String key = cacheKey(sql, oids);
        String name = statementCache.get(key);
        boolean parse = name == null;
        (parse ? obs.cacheMisses : obs.cacheHits).increment();
        if (parse) {
            ps.executions++;
            if (cacheLimit > 0 && reachedPrepareThreshold(ps.executions)) {
                name = "sbs_" + (++statementCounter);
                remember(key, name);
            } else {
                name = "";
            }
        }
        ResultGroup g;
        try {
            g = session.extended(name, sql, oids, parse, params.values(), params.formatList(), resultFormats(), fetchSize,
                    beginNeeded(), autoCommit);
        } catch (SQLException e) {
            if (!parse && "08P01".equals(e.getSQLState())) {
                // the server evicted our statement (spec 8.1 limits): prepare it again, once
                g = session.extended(name, sql, oids, true, params.values(), params.formatList(), resultFormats(), fetchSize,
                        beginNeeded(), autoCommit);
            } else {
                throw e;
            }
        }
        afterExecution(List.of(g));
        return g;
    }

    /**
     * Executes a PreparedStatement's batch pipelined ({@link ProtocolSession#executeBatch}): rows
     * whose parameter types agree share one PARSE; a change of types starts a new run.
     *
     * @return the update counts of the rows before the first failure, and that failure (or null)
     */
    ProtocolSession.BatchResult runBatch(ScratchBirdPreparedStatement ps, List<Parameters> rows) throws SQLException {
        checkOpen();
        return obs.observe(ps.originalSql, rows.size(), () -> runBatchUnobserved(ps, rows),
                r -> java.util.Arrays.stream(r.counts()).filter(c -> c > 0).sum(), ProtocolSession.BatchResult::failure);
    }

    private ProtocolSession.BatchResult runBatchUnobserved(ScratchBirdPreparedStatement ps, List<Parameters> rows)
            throws SQLException {
        String sql = ps.parsed.sql();
        long[] counts = new long[rows.size()];
        int done = 0;
        while (done < rows.size()) {
            List<Integer> oids = rows.get(done).oidList();
            int end = done + 1;
            while (end < rows.size() && rows.get(end).oidList().equals(oids)) {
                end++;
            }
            List<byte[][]> values = new ArrayList<>(end - done);
            List<List<Integer>> formats = new ArrayList<>(end - done);
            for (int i = done; i < end; i++) {
                values.add(rows.get(i).values());
                formats.add(rows.get(i).formatList());
            }
            String name = statementCache.get(cacheKey(sql, oids));
            ProtocolSession.BatchResult r = session.executeBatch(name == null ? "" : name, sql, oids, values, formats,
                    beginNeeded(), autoCommit);
            System.arraycopy(r.counts(), 0, counts, done, r.counts().length);
            if (r.failure() != null) {
                return new ProtocolSession.BatchResult(java.util.Arrays.copyOf(counts, done + r.counts().length), r.failure());
            }
            done = end;
        }
        return new ProtocolSession.BatchResult(counts, null);
    }

    /** Update counts plus result-set rows received (the first page of a streamed result). */
    private static long rowsOf(List<ResultGroup> groups) {
        long n = 0;
        for (ResultGroup g : groups) {
            n += g.isResultSet() ? g.rows().size() : Math.max(0, g.count());
        }
        return n;
    }

    private static long textBatchRows(List<Object> outcomes) {
        long n = 0;
        for (Object o : outcomes) {
            if (o instanceof List<?> groups) {
                @SuppressWarnings("unchecked")
                List<ResultGroup> g = (List<ResultGroup>) groups;
                n += rowsOf(g);
            }
        }
        return n;
    }

    private static SQLException textBatchFailure(List<Object> outcomes) {
        for (Object o : outcomes) {
            if (o instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }

    /** prepareThreshold: 0 never keeps statements prepared, a negative value from the first execution. */
    private boolean reachedPrepareThreshold(int executions) {
        int threshold = settings.prepareThreshold();
        return threshold < 0 || threshold > 0 && executions >= threshold;
    }

    /** The server statement is specific to the parameter types it was parsed with. */
    private static String cacheKey(String sql, List<Integer> oids) {
        return sql + '\u0000' + oids;
    }

    /** Whether SQL with these parameter types is prepared on the server under a cached name. */
    boolean isServerPrepared(String sql, List<Integer> oids) {
        return statementCache.containsKey(cacheKey(sql, oids));
    }

    private void remember(String key, String name) throws SQLException {
        statementCache.put(key, name);
        if (statementCache.size() > cacheLimit) {
            Map.Entry<String, String> eldest = statementCache.entrySet().iterator().next();
            statementCache.remove(eldest.getKey());
            session.closeStatement(eldest.getValue());
        }
    }

    private List<Integer> resultFormats() {
        return settings.binaryTransfer() ? List.of(1) : List.of();
    }

    /** DDL changes what cached statements mean: forget them (spec 8.1 stores SQL text only, so we just re-PARSE). */
    private void afterExecution(List<ResultGroup> groups) throws SQLException {
        for (ResultGroup g : groups) {
            String verb = g.tag().split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (DDL.contains(verb) && !statementCache.isEmpty()) {
                List<String> names = new ArrayList<>(statementCache.values());
                statementCache.clear();
                for (String n : names) {
                    session.closeStatement(n);
                }
                return;
            }
        }
    }

    private static boolean isSingleStatement(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        boolean inQuote = false;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inQuote) {
                if (c == q) {
                    inQuote = false;
                }
            } else if (c == '\'' || c == '"') {
                inQuote = true;
                q = c;
            } else if (c == ';') {
                return false;
            }
        }
        return true;
    }

    /** Executes DML with RETURNING so getGeneratedKeys() can answer; other statements run unchanged. */
    long executeWithKeys(ScratchBirdStatement st, String sql, String[] columns) throws SQLException {
        st.checkOpen();
        synchronized (this) {
            String withKeys = GeneratedKeys.rewrite(sql, columns);
            List<ResultGroup> groups = runSimple(withKeys, 0, st);
            return GeneratedKeys.apply(st, groups, withKeys != sql);
        }
    }

    void executePreparedWithKeys(ScratchBirdPreparedStatement ps, Parameters params, String[] columns) throws SQLException {
        String withKeys = GeneratedKeys.rewrite(ps.parsed.sql(), columns);
        boolean rewritten = !withKeys.equals(ps.parsed.sql());
        ResultGroup g = ps.runTimed(() -> rewritten
                ? obs.observe(withKeys, 0, () -> session.extended("", withKeys, params.oidList(), true, params.values(),
                        params.formatList(), resultFormats(), 0, beginNeeded(), autoCommit), r -> rowsOf(List.of(r)), null)
                : runPrepared(ps, params, 0));
        GeneratedKeys.apply(ps, List.of(g), rewritten);
    }

    // ------------------------------------------------------------------ statements

    void forget(ScratchBirdStatement s) {
        synchronized (statements) {
            statements.remove(s);
        }
    }

    private <T extends ScratchBirdStatement> T track(T s) {
        synchronized (statements) {
            statements.add(s);
        }
        return s;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, HOLDABILITY);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        return track(new ScratchBirdStatement(this, type, concurrency, holdability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, HOLDABILITY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        return track(new ScratchBirdPreparedStatement(this, sql, type, concurrency, holdability, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return track(new ScratchBirdPreparedStatement(this, sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                HOLDABILITY, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS ? new String[0] : null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys by column index; name the columns instead", "0A000");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return track(new ScratchBirdPreparedStatement(this, sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                HOLDABILITY, columnNames == null ? null : columnNames.clone()));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql, type, concurrency, HOLDABILITY);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        return track(new ScratchBirdCallableStatement(this, sql, type, concurrency, holdability));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return ParsedSql.parse(sql).sql();
    }

    // ------------------------------------------------------------------ transactions

    @Override
    public synchronized void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on == autoCommit) {
            return;
        }
        if (on && session.inTransaction()) {
            session.commit();   // JDBC: switching autocommit on commits the open transaction
        }
        autoCommit = on;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public synchronized void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("cannot commit when autoCommit is enabled", "25P01");
        }
        if (session.inTransaction()) {
            session.commit();
        }
    }

    @Override
    public synchronized void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("cannot roll back when autoCommit is enabled", "25P01");
        }
        if (session.inTransaction()) {
            session.rollback();
        }
    }

    @Override
    public synchronized Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public synchronized Savepoint setSavepoint(String name) throws SQLException {
        if (name == null || name.isEmpty()) {
            throw new SQLException("a savepoint name must not be empty", "3B001");
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("savepoints need a transaction: call setAutoCommit(false) first", "25P01");
        }
        if (!session.inTransaction()) {
            session.begin();
        }
        ScratchBirdSavepoint sp = new ScratchBirdSavepoint(++savepointCounter, name);
        session.savepoint(SavepointCommand.savepoint(sp.serverName()));
        return sp;
    }

    @Override
    public synchronized void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        session.savepoint(SavepointCommand.rollbackTo(ours(savepoint).serverName()));
    }

    @Override
    public synchronized void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        session.savepoint(SavepointCommand.release(ours(savepoint).serverName()));
    }

    private static ScratchBirdSavepoint ours(Savepoint s) throws SQLException {
        if (s instanceof ScratchBirdSavepoint sp) {
            return sp;
        }
        throw new SQLException("not a savepoint of this driver: " + s, "3B001");
    }

    @Override
    public synchronized void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (session.inTransaction()) {
            throw new SQLException("cannot change the isolation level in the middle of a transaction", "25001");
        }
        String name = switch (level) {
            case TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> throw new SQLException("unknown transaction isolation level " + level, "22023");
        };
        session.query("SET TRANSACTION ISOLATION LEVEL " + name, false, false);
        isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public synchronized void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (session.inTransaction()) {
            throw new SQLException("cannot change read-only mode in the middle of a transaction", "25001");
        }
        session.query(readOnly ? "SET TRANSACTION READ ONLY" : "SET TRANSACTION READ WRITE", false, false);
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        ScratchBirdStatement.checkHoldability(holdability);
    }

    /** Results are held by the client after commit (read completely, or through a portal that outlives the transaction). */
    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLDABILITY;
    }

    // ------------------------------------------------------------------ session

    @Override
    public synchronized void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null || schema.isEmpty()) {
            throw new SQLException("a schema name must not be empty", "3F000");
        }
        session.query("SET SCHEMA '" + schema.replace("'", "''") + "'", false, false);
    }

    @Override
    public synchronized String getSchema() throws SQLException {
        checkOpen();
        List<ResultGroup> g = session.query("SELECT CURRENT_SCHEMA", false, false);
        if (g.isEmpty() || g.get(0).rows().isEmpty() || g.get(0).rows().get(0).isNull(0)) {
            return null;
        }
        byte[] v = g.get(0).rows().get(0).value(0);
        return g.get(0).columns().get(0).binary() ? io.scratchbird.wire.codec.Codecs.TEXT.decodeBinary(v)
                : new String(v, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();   // JDBC: ignored when catalogs are not supported
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return settings.database();
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw new SQLException("timeout must be >= 0 seconds, got " + timeoutSeconds, "22023");
        }
        if (closed) {
            return false;
        }
        synchronized (this) {
            // 0 means "no timeout" in JDBC; a dead peer must still not hang the caller forever
            return session.ping(timeoutSeconds == 0 ? 30_000 : timeoutSeconds * 1000);
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new ScratchBirdDatabaseMetaData(this, settings);
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        List<ScratchBirdStatement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
            statements.clear();
        }
        for (ScratchBirdStatement s : open) {
            s.closeSilently();
        }
        synchronized (this) {
            session.close();
        }
        obs.log(Observability.INFO, "disconnected");
    }

    @Override
    public boolean isClosed() {
        return closed || session.isBroken();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("abort needs an executor", "22023");
        }
        closed = true;
        obs.log(Observability.INFO, "aborted");
        executor.execute(session::abort);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("network timeout must be >= 0 ms, got " + milliseconds, "22023");
        }
        session.readTimeout(milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return session.readTimeout();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return typeMap;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        typeMap = map == null ? new HashMap<>() : map;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return ScratchBirdArray.of(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw new SQLFeatureNotSupportedException("structured types are not supported", "0A000");
    }

    @Override
    public Clob createClob() throws SQLException {
        return new javax.sql.rowset.serial.SerialClob(new char[0]);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return new javax.sql.rowset.serial.SerialBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("NCLOB is not supported; use Clob or String", "0A000");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLXML is not supported; bind XML as a String", "0A000");
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        if (properties != null) {
            clientInfo.putAll(properties);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties p = new Properties();
        p.putAll(clientInfo);
        return p;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** Server PARAMETER_STATUS values (e.g. {@code server.version}, {@code server.role}). */
    public Map<String, String> serverParameters() {
        return Collections.unmodifiableMap(session.serverParameters());
    }

    String user() {
        return settings.user();
    }

    // ------------------------------------------------------------------ observability

    /** This connection's id in log lines and {@link StatementEvent#connectionId()}: unique within the JVM. */
    public long id() {
        return obs.connectionId;
    }

    /** Calls {@code listener} around every statement execution of this connection (see {@link StatementListener}). */
    public void addStatementListener(StatementListener listener) {
        obs.add(listener);
    }

    public void removeStatementListener(StatementListener listener) {
        obs.remove(listener);
    }

    /** A snapshot of this connection's counters; safe from any thread, also after close. */
    public ConnectionMetrics metrics() {
        return obs.snapshot();
    }
}
