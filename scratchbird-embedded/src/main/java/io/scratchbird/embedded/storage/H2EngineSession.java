package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.IsolationLevel;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.SbTypes;
import io.scratchbird.embedded.sql.SessionCommand;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.embedded.sql.StatementKind;
import io.scratchbird.embedded.sql.StatementResult;
import io.scratchbird.embedded.sql.SystemSchemas;
import io.scratchbird.embedded.sql.TranslatedStatement;
import io.scratchbird.embedded.sql.VectorSearchPlan;
import io.scratchbird.embedded.sql.functions.SessionContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client session on its own storage connection (MVCC: sessions never block each other except
 * on row locks, and a lock wait ends after the lock timeout with 55P03).
 *
 * <p>Transactions follow SBWP errata A.1: autocommit outside an explicit transaction (storage
 * commits each statement; a failed one rolls back only itself); {@link #begin()} opens an explicit
 * transaction until commit or rollback. A serialization failure or deadlock inside an explicit
 * transaction rolls the whole transaction back (storage has undone it already); the session then
 * refuses further statements with 25P02 until ROLLBACK, and a COMMIT reports the failure instead of
 * pretending to commit. Storage commits DDL immediately, also inside an explicit transaction.
 */
final class H2EngineSession implements EngineSession {

    private static final Set<String> QUERY_TAGS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "");

    private final H2SqlEngine engine;
    private final Connection connection;
    private final String user;
    private final String defaultApplicationName;
    private final SessionSettings settings;
    private final Map<String, Savepoint> savepoints = new LinkedHashMap<>();
    private final Object executionLock = new Object();

    private boolean explicit;
    private IsolationLevel transactionIsolation;
    private boolean transactionReadOnly;
    private int statementsInTransaction;
    private EngineException abortedBy;
    private long transactionId;
    private boolean closed;

    private Statement running;
    private Thread runner;
    private volatile boolean cancelRequested;

    H2EngineSession(H2SqlEngine engine, Connection connection, String user, String applicationName) throws SQLException {
        this.engine = engine;
        this.connection = connection;
        this.user = user;
        this.defaultApplicationName = applicationName == null ? "" : applicationName;
        this.settings = new SessionSettings(applicationName, engine.lockTimeout());
        this.transactionId = engine.nextTransactionId();
        connection.setAutoCommit(true);
        connection.setSchema(SystemSchemas.DEFAULT_SCHEMA);
        applyTimeouts();
    }

    // ---------------------------------------------------------------- statements

    @Override
    public StatementResult execute(String sql, List<Parameter> parameters) throws EngineException {
        ensureOpen();
        TranslatedStatement statement = engine.translate(sql);
        if (statement.kind() == StatementKind.EMPTY) {
            return new StatementResult.Count("", 0);
        }
        if (statement.kind() == StatementKind.SESSION) {
            return run(statement.command(), statement.tag());
        }
        if (abortedBy != null) {
            throw new EngineException("25P02", SqlErrors.REJECTED,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (statement.writes() && effectiveReadOnly()) {
            throw new EngineException("25006", SqlErrors.REJECTED,
                    "cannot execute " + statement.tag() + " in a read-only transaction");
        }
        try {
            engine.catalog().ensureDomains(statement.domains());
        } catch (SQLException e) {
            throw translate(e, statement);
        }
        try {
            return executeInStorage(statement, parameters);
        } finally {
            if (!explicit) {
                transactionId = engine.nextTransactionId();
            } else {
                statementsInTransaction++;
            }
        }
    }

    private StatementResult executeInStorage(TranslatedStatement statement, List<Parameter> parameters)
            throws EngineException {
        PreparedStatement ps = null;
        IndexDdlRun indexDdl = null;
        SessionContext.enter(new SessionContext(user, () -> cancelRequested));
        try {
            if (statement.vectorPlan() != null) {
                StatementResult indexed = vectorSearch(statement, parameters);
                if (indexed != null) {
                    return indexed;
                }
            }
            if (statement.indexDdl() != null) {
                indexDdl = engine.vectorIndexes().begin(connection, statement.indexDdl());
                if (indexDdl.done()) { // an HNSW index: carried out in the engine's catalog, storage has no index
                    afterSuccess(statement, indexDdl);
                    return new StatementResult.Count(statement.tag(), 0);
                }
            }
            ps = connection.prepareStatement(statement.sql());
            ParameterBinder.bind(ps, statement, parameters);
            boolean rows = startAndExecute(ps);
            StatementResult result;
            if (rows) {
                ResultSet rs = ps.getResultSet();
                List<ResultColumn> columns = ResultColumns.describe(rs.getMetaData(), statement, connection, engine.catalog());
                PreparedStatement owned = ps;
                result = new StatementResult.Rows(rowsTag(statement),
                        new H2RowCursor(owned, rs, columns, e -> translate(e, statement)));
                ps = null;
            } else {
                result = new StatementResult.Count(statement.tag(), Math.max(0, ps.getLargeUpdateCount()));
            }
            afterSuccess(statement, indexDdl);
            return result;
        } catch (SQLException e) {
            EngineException failure = translate(e, statement);
            abortIfTransactionLost(failure);
            throw failure;
        } finally {
            if (indexDdl != null) {
                indexDdl.close();
            }
            SessionContext.clear();
            Quietly.close(ps);
        }
    }

    // ---------------------------------------------------------------- HNSW index scans

    /**
     * A k-nearest-neighbour query answered through an HNSW index (docs/embedded-sql.md, "Vector
     * indexes"), or null when the statement must run as written (no index, an unusual argument, or
     * too few matching candidates even after widening: then the exact scan is the answer). The
     * candidates' rows are read through this session's connection with the statement's own filter,
     * so storage decides visibility (own writes yes; others' uncommitted, rolled-back and deleted
     * rows no) and computes the exact distances that order the result.
     */
    private StatementResult vectorSearch(TranslatedStatement statement, List<Parameter> parameters)
            throws SQLException, EngineException {
        VectorSearchPlan plan = statement.vectorPlan();
        HnswIndex index = null;
        if (plan.schema() != null) {
            index = engine.vectorIndexes().find(plan.schema(), plan.table(), plan.column());
        } else {
            String schema = schemaOf(plan.table());
            if (schema != null) {
                index = engine.vectorIndexes().find(schema, plan.table(), plan.column());
            }
        }
        if (index == null || parameters == null || parameters.size() != statement.parameterCount()) {
            return null;
        }
        try {
            float[] query = queryVector(plan, statement, parameters);
            long k = plan.limit() >= 0 ? plan.limit() : limitParameter(plan, statement, parameters);
            if (query == null || query.length != index.dimension() || k <= 0 || k > SessionSettings.MAX_EF_SEARCH) {
                return null;
            }
            int ef = (int) Math.max(settings.efSearch, k);
            while (true) {
                List<HnswIndex.Candidate> candidates = index.search(plan.metric(), plan.maximize(), query, ef, (int) Math.max(4 * k, 40));
                int m = (int) Math.min(candidates.size(), Math.max(2 * k, k + 10));
                while (true) {
                    while (tieAcrossBoundary(candidates, m)) {
                        m = Math.min(candidates.size(), 2 * m);
                    }
                    for (int i = 0; i < m; i++) {
                        if (candidates.get(i).versioned()) {
                            m = candidates.size(); // some rows were rewritten: storage distances every candidate
                            break;
                        }
                    }
                    StatementResult.Rows rows = runRestricted(plan, statement, parameters, index, query, candidates, m, k);
                    if (rows != null) {
                        return rows;
                    }
                    if (m >= candidates.size()) {
                        break;
                    }
                    m = Math.min(candidates.size(), m * 4);
                }
                int total = index.size();
                if (candidates.size() >= total || ef >= total / 2 || ef >= SessionSettings.MAX_EF_SEARCH) {
                    return null; // the exact scan is as cheap, and certain
                }
                ef = Math.min(ef * 4, SessionSettings.MAX_EF_SEARCH);
            }
        } catch (SQLException e) {
            if (cancelRequested) {
                throw e;
            }
            return null; // the statement as written reports its own error
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(H2EngineSession.class.getName())
                    .log(java.util.logging.Level.WARNING, "HNSW index scan failed; running the exact scan", e);
            return null;
        }
    }

    /**
     * The result when the first {@code m} candidates hold at least {@code k} matching rows, else
     * null. When each of them was written once (its logged vector is the row's) the index computes
     * their distances with storage's own arithmetic and storage orders by those values (with the
     * statement's direction and tie-breaking keys); otherwise storage computes the distances itself.
     */
    private StatementResult.Rows runRestricted(VectorSearchPlan plan, TranslatedStatement statement,
            List<Parameter> parameters, HnswIndex index, float[] query, List<HnswIndex.Candidate> candidates, int m, long k)
            throws SQLException, EngineException {
        Object[] keys = new Object[m];
        for (int i = 0; i < m; i++) {
            keys[i] = candidates.get(i).key();
        }
        java.util.Map<String, Double> distances = candidateDistances(plan, index, query, candidates, m);
        String sql = (distances != null ? plan.rankedSql().replace(VectorSearchPlan.DISTANCE, HnswCandidateDistances.FUNCTION) : plan.restrictedSql())
                .replace(VectorSearchPlan.PK, SystemSchemas.quote(index.primaryKey));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int[] sources = statement.parameterSources();
            int position = 1;
            for (int p = 0; p <= sources.length; p++) {
                if (p == plan.candidateParameter()) {
                    ps.setObject(position++, keys);
                }
                if (p < sources.length && !(distances != null && plan.distanceInOrderBy() && contains(plan.vectorParameters(), p))) {
                    Parameter parameter = parameters.get(sources[p]);
                    ParameterBinder.bind(ps, position++, parameter.oid(), parameter.value());
                }
            }
            if (distances != null) {
                HnswCandidateDistances.enter(distances);
            }
            try {
                if (!startAndExecute(ps)) {
                    return null;
                }
                ResultSet rs = ps.getResultSet();
                List<ResultColumn> columns = ResultColumns.describe(rs.getMetaData(), statement, connection, engine.catalog());
                H2RowCursor cursor = new H2RowCursor(ps, rs, columns, e -> translate(e, statement));
                List<Object[]> rows = new ArrayList<>();
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    rows.add(row);
                }
                if (rows.size() < k) {
                    return null;
                }
                return new StatementResult.Rows("SELECT", new ListRowCursor(columns, rows));
            } finally {
                if (distances != null) {
                    HnswCandidateDistances.exit();
                }
            }
        }
    }

    /**
     * The first {@code m} candidates' distances by key text, each computed as the statement's distance
     * function computes it (storage's arithmetic); null when some candidate's logged vector may not be
     * its row's (several writes), its key's text form is not certain, or its distance is undefined.
     */
    private static java.util.Map<String, Double> candidateDistances(VectorSearchPlan plan, HnswIndex index, float[] query,
            List<HnswIndex.Candidate> candidates, int m) {
        java.util.Map<String, Double> distances = new java.util.HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            HnswIndex.Candidate c = candidates.get(i);
            String text = HnswCandidateDistances.keyText(c.key());
            if (c.versioned() || text == null) {
                return null;
            }
            float[] v = index.vectorAt(c.ord());
            double d = switch (plan.function()) {
                case "sb_l2_distance" -> io.scratchbird.embedded.sql.functions.VectorFunctions.exactL2Distance(query, v);
                case "sb_cosine_distance" -> io.scratchbird.embedded.sql.functions.VectorFunctions.exactCosineDistance(query, v);
                case "sb_inner_product" -> io.scratchbird.embedded.sql.functions.VectorFunctions.exactInnerProduct(query, v);
                case "sb_negative_inner_product" -> -io.scratchbird.embedded.sql.functions.VectorFunctions.exactInnerProduct(query, v);
                default -> Double.NaN;
            };
            if (Double.isNaN(d)) {
                return null; // storage reports the zero vector
            }
            distances.put(text, d);
        }
        return distances;
    }

    /**
     * Whether the candidate just after the first {@code m} is exactly as near as the m-th: then rows
     * tied with the last ones taken may lie beyond, and a tie-breaking ORDER BY key could prefer them.
     */
    private static boolean tieAcrossBoundary(List<HnswIndex.Candidate> candidates, int m) {
        return m < candidates.size() && candidates.get(m).distance() == candidates.get(m - 1).distance()
                && candidates.get(m).distance() != Double.POSITIVE_INFINITY;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private float[] queryVector(VectorSearchPlan plan, TranslatedStatement statement, List<Parameter> parameters)
            throws SQLException, EngineException {
        if (plan.vectorParameters().length == 1 && (plan.vectorSql().equals("?") || isVectorCast(plan.vectorSql()))) {
            // the usual shape, a bare parameter: read it here rather than through a storage round trip
            Object value = parameters.get(statement.parameterSources()[plan.vectorParameters()[0]]).value();
            if (value instanceof io.scratchbird.types.Vector v) {
                return v.toArray();
            }
            float[] parsed = value instanceof String text ? VectorIndexes.parse(text) : null;
            if (parsed != null) {
                return parsed;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT "
                + SystemSchemas.qualified(SystemSchemas.FUNCTIONS, "sb_vector") + "(" + plan.vectorSql() + ")")) {
            int[] sources = statement.parameterSources();
            int position = 1;
            for (int p : plan.vectorParameters()) {
                Parameter parameter = parameters.get(sources[p]);
                ParameterBinder.bind(ps, position++, parameter.oid(), parameter.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? VectorIndexes.parse(rs.getString(1)) : null;
            }
        }
    }

    /** {@code CAST(? AS <a vector type>)}, as Hibernate binds a query vector: the same floats as the bare parameter. */
    private static boolean isVectorCast(String vectorSql) {
        String upper = vectorSql.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("CAST(? AS ") && upper.endsWith(")") && upper.contains("VECTOR")
                && upper.indexOf('?') == upper.lastIndexOf('?') && upper.indexOf('(') == upper.lastIndexOf('(');
    }

    private static long limitParameter(VectorSearchPlan plan, TranslatedStatement statement, List<Parameter> parameters) {
        Object value = parameters.get(statement.parameterSources()[plan.limitParameter()]).value();
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? -1 : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Search-path lookups of unqualified table names, valid while storage's catalog is unchanged. */
    private final java.util.Map<String, java.util.Optional<String>> tableSchemas = new java.util.HashMap<>();
    private long tableSchemasVersion = -1;
    private java.util.List<String> tableSchemasPath;

    /** The first schema of the search path holding {@code table}, or null. */
    private String schemaOf(String table) throws SQLException {
        long version = ((org.h2.engine.Database) VectorIndexes.database(connection)).getModificationMetaId();
        if (version != tableSchemasVersion || !settings.searchPath.equals(tableSchemasPath)) {
            tableSchemas.clear();
            tableSchemasVersion = version;
            tableSchemasPath = java.util.List.copyOf(settings.searchPath);
        }
        java.util.Optional<String> known = tableSchemas.get(table);
        if (known == null) {
            known = java.util.Optional.empty();
            for (String schema : settings.searchPath) {
                if (tableExists(schema, table)) {
                    known = java.util.Optional.of(schema);
                    break;
                }
            }
            tableSchemas.put(table, known);
        }
        return known.orElse(null);
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE"
                + " TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) = UPPER(?)")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Executes with the statement registered for {@link #cancel()}. */
    private boolean startAndExecute(PreparedStatement ps) throws SQLException {
        synchronized (executionLock) {
            cancelRequested = false;
            running = ps;
            runner = Thread.currentThread();
        }
        try {
            return ps.execute();
        } finally {
            synchronized (executionLock) {
                running = null;
                runner = null;
            }
            // A cancel may have interrupted a lock wait just as it ended; the flag must not outlive the statement.
            Thread.interrupted();
        }
    }

    private static String rowsTag(TranslatedStatement statement) {
        return statement.kind() == StatementKind.QUERY && QUERY_TAGS.contains(statement.tag()) ? "SELECT" : statement.tag();
    }

    private void afterSuccess(TranslatedStatement statement, IndexDdlRun indexDdl) throws SQLException {
        if (statement.kind() != StatementKind.DDL) {
            return;
        }
        tableSchemasVersion = -1; // also this session's temporary tables, which storage's catalog version may not count
        if (indexDdl == null || !indexDdl.done()) {
            try (Statement s = connection.createStatement()) {
                for (String followUp : statement.followUps()) {
                    s.execute(followUp);
                }
            }
        }
        try {
            if (indexDdl != null) {
                indexDdl.afterStorage();
            }
            engine.vectorIndexes().refresh();
        } catch (SQLException e) {
            // the statement itself succeeded; the vector indexes are brought in line by the next DDL or start
            java.util.logging.Logger.getLogger(H2EngineSession.class.getName())
                    .log(java.util.logging.Level.WARNING, "HNSW index refresh failed", e);
        }
        engine.catalog().changed(statement.changesSchemas());
    }

    private EngineException translate(SQLException e, TranslatedStatement statement) {
        IsolationLevel isolation = transactionIsolation != null ? transactionIsolation : settings.isolation;
        return ErrorTranslator.translate(e, new ErrorTranslator.Context(statement, cancelRequested,
                isolation.usesTransactionSnapshot()));
    }

    /** Storage rolls a whole transaction back on a deadlock; so does the session on any 40xxx. */
    private void abortIfTransactionLost(EngineException failure) {
        if (explicit && failure.sqlState().startsWith("40")) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // storage has already rolled back
            }
            savepoints.clear();
            abortedBy = failure;
        }
    }

    // ---------------------------------------------------------------- session commands

    private StatementResult run(SessionCommand command, String tag) throws EngineException {
        if (abortedBy != null && !(command instanceof SessionCommand.Commit || command instanceof SessionCommand.Rollback)) {
            throw new EngineException("25P02", SqlErrors.REJECTED,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (command instanceof SessionCommand.Begin b) {
            begin(b.isolation(), b.readOnly());
        } else if (command instanceof SessionCommand.Commit) {
            commit();
        } else if (command instanceof SessionCommand.Rollback) {
            rollback();
        } else if (command instanceof SessionCommand.Savepoint s) {
            savepoint(s.name());
        } else if (command instanceof SessionCommand.ReleaseSavepoint r) {
            releaseSavepoint(r.name());
        } else if (command instanceof SessionCommand.RollbackToSavepoint r) {
            rollbackToSavepoint(r.name());
        } else if (command instanceof SessionCommand.SetTransaction t) {
            setTransaction(t.isolation(), t.readOnly());
        } else if (command instanceof SessionCommand.SetSearchPath p) {
            setSearchPath(p.schemas());
        } else if (command instanceof SessionCommand.SetParameter p) {
            settings.set(p.name(), p.value());
            applyParameter(p.name());
        } else if (command instanceof SessionCommand.ResetParameter r) {
            settings.reset(r.name(), defaultApplicationName);
            if (r.name().equals("all") || r.name().equals("search_path")) {
                setSearchPath(List.of());
            }
            applyParameter(r.name());
        } else if (command instanceof SessionCommand.Show s) {
            return show(s.name());
        }
        return new StatementResult.Count(tag, 0);
    }

    private void setTransaction(IsolationLevel isolation, Boolean readOnly) throws EngineException {
        if (isolation != null && explicit && statementsInTransaction > 0) {
            throw new EngineException("25001", SqlErrors.REJECTED,
                    "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        if (isolation != null) {
            if (explicit) {
                transactionIsolation = isolation;
            } else {
                settings.isolation = isolation;
            }
            applyIsolation(isolation);
        }
        if (readOnly != null) {
            if (explicit) {
                transactionReadOnly = readOnly;
            } else {
                settings.readOnly = readOnly;
            }
        }
    }

    private void setSearchPath(List<String> schemas) throws EngineException {
        List<String> path = schemas.isEmpty() ? List.of(SystemSchemas.DEFAULT_SCHEMA) : schemas;
        if (SystemSchemas.isSystem(path.get(0))) {
            throw new EngineException("42501", SqlErrors.REJECTED,
                    "the current schema must be a user schema, not \"" + path.get(0) + "\"");
        }
        for (String schema : path) {
            if (SystemSchemas.isInternal(schema)) {
                throw new EngineException("42501", SqlErrors.REJECTED, "a schema of the search path belongs to the engine");
            }
            if (!engine.catalog().exists(schema)) {
                throw new EngineException("3F000", SqlErrors.NOT_FOUND, "schema \"" + schema + "\" does not exist");
            }
        }
        try (Statement s = connection.createStatement()) {
            connection.setSchema(path.get(0));
            StringBuilder sql = new StringBuilder("SET SCHEMA_SEARCH_PATH ");
            for (int i = 0; i < path.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(SystemSchemas.quote(path.get(i)));
            }
            s.execute(sql.toString());
            settings.searchPath = List.copyOf(path);
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    private void applyParameter(String name) throws EngineException {
        try (Statement s = connection.createStatement()) {
            if (name.equals("timezone") || name.equals("all")) {
                s.execute("SET TIME ZONE '" + settings.timeZone.replace("'", "''") + "'");
            }
            if (name.equals("lock_timeout") || name.equals("statement_timeout") || name.equals("all")) {
                applyTimeouts();
            }
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    /**
     * Lock wait limit, and a query timeout that is always set: storage only clears a pending cancel
     * when a statement starts with a timeout, so "none" is the largest timeout it accepts.
     */
    private void applyTimeouts() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + settings.lockTimeoutMillis);
            long timeout = settings.statementTimeoutMillis > 0 ? settings.statementTimeoutMillis : Integer.MAX_VALUE;
            s.execute("SET QUERY_TIMEOUT " + Math.min(timeout, Integer.MAX_VALUE));
        }
    }

    private StatementResult show(String name) throws EngineException {
        String value = settings.show(name);
        if (value == null) {
            try {
                value = connection.getSchema();
            } catch (SQLException e) {
                throw translate(e, null);
            }
        }
        if (name.equals("transaction_isolation") && transactionIsolation != null) {
            value = transactionIsolation.sqlName();
        }
        if (name.equals("transaction_read_only")) {
            value = effectiveReadOnly() ? "on" : "off";
        }
        List<ResultColumn> columns = List.of(new ResultColumn(name, SbTypes.TEXT, false, null, null, null));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value});
        return new StatementResult.Rows("SHOW", new ListRowCursor(columns, rows));
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void begin() throws EngineException {
        begin(null, null);
    }

    private void begin(IsolationLevel isolation, Boolean readOnly) throws EngineException {
        ensureOpen();
        if (explicit) {
            throw new EngineException("25001", SqlErrors.REJECTED, "there is already a transaction in progress");
        }
        try {
            connection.setAutoCommit(false);
            if (isolation != null) {
                applyIsolation(isolation);
            }
        } catch (SQLException e) {
            throw translate(e, null);
        }
        explicit = true;
        transactionIsolation = isolation;
        transactionReadOnly = readOnly != null ? readOnly : settings.readOnly;
        statementsInTransaction = 0;
    }

    @Override
    public void commit() throws EngineException {
        ensureOpen();
        if (!explicit) {
            return;
        }
        EngineException aborted = abortedBy;
        try {
            if (aborted == null) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw translate(e, null);
        } finally {
            end();
        }
        if (aborted != null) {
            throw new EngineException(aborted.sqlState(), aborted.diagnosticCode(),
                    "the transaction was rolled back and not committed: " + aborted.getMessage());
        }
    }

    @Override
    public void rollback() throws EngineException {
        ensureOpen();
        if (!explicit) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw translate(e, null);
        } finally {
            end();
        }
    }

    /** Back to autocommit with the session's own characteristics, under a new transaction id. */
    private void end() {
        explicit = false;
        abortedBy = null;
        savepoints.clear();
        statementsInTransaction = 0;
        try {
            connection.setAutoCommit(true);
            if (transactionIsolation != null) {
                applyIsolation(settings.isolation);
            }
        } catch (SQLException | EngineException ignored) {
            // a broken connection shows on the next statement
        }
        transactionIsolation = null;
        transactionReadOnly = false;
        transactionId = engine.nextTransactionId();
    }

    private void applyIsolation(IsolationLevel isolation) throws EngineException {
        try {
            connection.setTransactionIsolation(isolation.jdbcLevel());
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    private boolean effectiveReadOnly() {
        return explicit ? transactionReadOnly : settings.readOnly;
    }

    @Override
    public void savepoint(String name) throws EngineException {
        requireTransactionBlock("SAVEPOINT");
        try {
            Savepoint previous = savepoints.remove(name);
            if (previous != null) {
                connection.releaseSavepoint(previous);
            }
            savepoints.put(name, connection.setSavepoint(name));
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    @Override
    public void releaseSavepoint(String name) throws EngineException {
        toSavepoint("RELEASE SAVEPOINT", name, connection::releaseSavepoint, true);
    }

    @Override
    public void rollbackToSavepoint(String name) throws EngineException {
        toSavepoint("ROLLBACK TO SAVEPOINT", name, connection::rollback, false);
    }

    /** What RELEASE and ROLLBACK TO do to storage's savepoint. */
    private interface SavepointAction {
        void apply(Savepoint savepoint) throws SQLException;
    }

    /** Applies {@code action} to an existing savepoint, then forgets the later ones (and it, when {@code inclusive}). */
    private void toSavepoint(String statement, String name, SavepointAction action, boolean inclusive)
            throws EngineException {
        requireTransactionBlock(statement);
        try {
            action.apply(existingSavepoint(name));
        } catch (SQLException e) {
            throw translate(e, null);
        }
        dropSavepointsFrom(name, inclusive);
    }

    private void requireTransactionBlock(String statement) throws EngineException {
        ensureOpen();
        if (!explicit) {
            throw new EngineException("25P01", SqlErrors.REJECTED, statement + " can only be used in transaction blocks");
        }
        if (abortedBy != null) {
            throw new EngineException("25P02", SqlErrors.REJECTED,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
    }

    private Savepoint existingSavepoint(String name) throws EngineException {
        Savepoint sp = savepoints.get(name);
        if (sp == null) {
            throw new EngineException("3B001", SqlErrors.NOT_FOUND, "savepoint \"" + name + "\" does not exist");
        }
        return sp;
    }

    /** Forgets the savepoints set after {@code name} (and {@code name} itself when {@code inclusive}). */
    private void dropSavepointsFrom(String name, boolean inclusive) {
        boolean after = false;
        for (var it = savepoints.entrySet().iterator(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (key.equals(name)) {
                after = true;
                if (inclusive) {
                    it.remove();
                }
            } else if (after) {
                it.remove();
            }
        }
    }

    @Override
    public boolean inTransaction() {
        return explicit;
    }

    @Override
    public long transactionId() {
        return transactionId;
    }

    // ---------------------------------------------------------------- cancel and close

    @Override
    public void cancel() {
        synchronized (executionLock) {
            if (running == null) {
                return;
            }
            cancelRequested = true;
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // the statement may just have finished
            }
            if (LockWaits.isWaitingForLock(runner)) {
                runner.interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (explicit && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone with the engine
        }
        engine.sessionClosed(this);
    }

    private void ensureOpen() throws EngineException {
        if (closed) {
            throw new EngineException("08003", SqlErrors.REJECTED, "the session is closed");
        }
    }
}
