package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.IndexDdl;
import io.scratchbird.embedded.sql.SystemSchemas;
import io.scratchbird.embedded.sql.VectorSearchPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HNSW indexes of one engine (docs/embedded-sql.md, "Vector indexes"). An index declared
 * {@code USING HNSW} (or {@code VECTOR_HNSW}) is an entry of the engine's {@link IndexCatalog}, not a
 * storage index. On a table with a one-column primary key it gets a row trigger that appends every
 * written vector to its {@link HnswIndex}, and is loaded with the table's committed rows when the
 * engine starts or the index is created. Graphs are built by one background thread per engine.
 * {@link #refresh} is run at start and after every DDL statement, so dropped indexes, tables and
 * columns lose their index and trigger.
 *
 * <p>The catalog and the loading use a connection of their own (autocommit, never inside a
 * session's transaction). One lock orders everything that reads or changes the catalog: the
 * refreshes and the index DDL of the sessions ({@link IndexDdlRun}, held from before storage runs
 * the statement until after the refresh that follows it).
 */
final class VectorIndexes {

    private static final Logger LOG = Logger.getLogger(VectorIndexes.class.getName());

    /** Engines by storage database, for the triggers (storage creates them without a reference to the engine). */
    private static final Map<Object, VectorIndexes> BY_DATABASE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final Connection connection;
    private final Object database;
    private final ReentrantLock lock = new ReentrantLock();
    /** Loaded indexes, by schema and index name: the ones queries use. */
    private final Map<String, HnswIndex> indexes = new ConcurrentHashMap<>();
    /** Indexes being loaded: their triggers feed them already; queries do not use them yet. */
    private final Map<String, HnswIndex> loading = new ConcurrentHashMap<>();
    /** The indexed column's storage type per loaded index: a change of type reloads the index. */
    private final Map<String, String> columnTypes = new ConcurrentHashMap<>();
    /** Compactions: a load that may wait for the table's writers, so not on the indexer. */
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scratchbird-hnsw-compactor");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scratchbird-hnsw-indexer");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /**
     * @param connection  a storage connection for the index catalog only (this object closes it)
     * @param lockTimeout how long loading an index waits for the transactions that wrote its table
     */
    VectorIndexes(Connection connection, Duration lockTimeout) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + Math.min(lockTimeout.toMillis(), Integer.MAX_VALUE));
        }
        this.database = database(connection);
        BY_DATABASE.put(database, this);
        try (Statement s = connection.createStatement()) {
            s.execute(HnswCandidateDistances.CREATE);
        }
    }

    /** Storage's database object behind a connection (also a trigger's internal one). */
    static Object database(Connection c) throws SQLException {
        return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase();
    }

    static VectorIndexes forDatabase(Object database) {
        return BY_DATABASE.get(database);
    }

    void close() {
        BY_DATABASE.remove(database);
        indexer.shutdownNow();
        compactor.shutdownNow();
        for (HnswIndex index : indexes.values()) {
            index.close();
        }
        for (HnswIndex index : loading.values()) {
            index.close();
        }
        indexes.clear();
        loading.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // storage is shutting down
        }
    }

    /** The index a trigger feeds: a loaded one, or one being loaded. */
    HnswIndex byTrigger(String schema, String triggerName) {
        for (Map<String, HnswIndex> map : List.of(indexes, loading)) {
            for (HnswIndex index : map.values()) {
                if (index.schema.equals(schema) && index.triggerName.equalsIgnoreCase(triggerName)) {
                    return index;
                }
            }
        }
        return null;
    }

    /** The loaded index on {@code schema.table(column)}, names compared ignoring case, or null. */
    HnswIndex find(String schema, String table, String column) {
        for (HnswIndex index : indexes.values()) {
            if (index.schema.equalsIgnoreCase(schema) && index.table.equalsIgnoreCase(table)
                    && index.column.equalsIgnoreCase(column)) {
                return index;
            }
        }
        return null;
    }

    /** The loaded indexes. */
    List<HnswIndex> all() {
        return new ArrayList<>(indexes.values());
    }

    /**
     * Starts a DDL statement that concerns the index catalog: the statement's catalog work, under
     * the catalog lock, which the returned run holds until it is closed.
     */
    IndexDdlRun begin(Connection session, IndexDdl ddl) throws SQLException, EngineException {
        return IndexDdlRun.begin(this, session, ddl);
    }

    Connection connection() {
        return connection;
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** A catalog entry as storage names it now: its table and column in storage's spelling and the column's type. */
    private record Wanted(String key, String schema, String index, String table, String column, String columnType) {
    }

    private static String key(String schema, String index) {
        return schema + "\u0000" + index;
    }

    /**
     * Brings the catalog and the loaded indexes in line with storage: entries of dropped tables,
     * columns and schemas go; loaded indexes whose entry is gone or whose table, column, column
     * type or primary key changed are dropped (with their trigger); new entries are loaded.
     */
    void refresh() throws SQLException {
        lock.lock();
        try {
            if (indexes.isEmpty() && IndexCatalog.isEmpty(connection)) {
                return; // the common case, after any DDL statement: nothing to look up in storage's catalog
            }
            IndexCatalog.reconcile(connection);
            Map<String, Wanted> wanted = wanted();
            for (String key : new ArrayList<>(indexes.keySet())) {
                HnswIndex index = indexes.get(key);
                Wanted w = wanted.get(key);
                if (w == null || !w.schema().equals(index.schema) || !w.table().equals(index.table)
                        || !w.column().equals(index.column) || !w.columnType().equals(columnTypes.get(key))
                        || !index.primaryKey.equals(primaryKey(connection, index.schema, index.table))) {
                    unload(key);
                } else {
                    index.positions(connection);
                }
            }
            for (Wanted w : wanted.values()) {
                if (!indexes.containsKey(w.key())) {
                    try {
                        load(w);
                    } catch (SQLException | RuntimeException e) {
                        // queries scan exactly; the next DDL statement or start tries again
                        LOG.log(Level.WARNING, "HNSW index " + w.schema() + "." + w.index() + " could not be loaded", e);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Wanted> wanted() throws SQLException {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT v.schema_name, v.index_name,"
                + " c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, CONCAT(c.DATA_TYPE, '/', c.DOMAIN_SCHEMA, '.', c.DOMAIN_NAME,"
                + " '/', c.CHARACTER_MAXIMUM_LENGTH, '/', c.NUMERIC_PRECISION) FROM " + IndexCatalog.TABLE + " v JOIN"
                + " INFORMATION_SCHEMA.TABLES t ON UPPER(t.TABLE_SCHEMA) = UPPER(v.schema_name) AND"
                + " UPPER(t.TABLE_NAME) = UPPER(v.table_name) JOIN INFORMATION_SCHEMA.COLUMNS c ON c.TABLE_SCHEMA ="
                + " t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND UPPER(c.COLUMN_NAME) = UPPER(v.column_name)"
                + " WHERE t.TABLE_TYPE IN " + IndexCatalog.INDEXABLE_TYPES)) {
            while (rs.next()) {
                String key = key(rs.getString(1), rs.getString(2));
                wanted.put(key, new Wanted(key, rs.getString(3), rs.getString(2), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return wanted;
    }

    /** Loads a new catalog entry now (CREATE INDEX), failures reaching the caller; under the lock. */
    void loadNew(IndexCatalog.Entry entry) throws SQLException {
        Wanted w = wanted().get(key(entry.schema(), entry.name()));
        if (w != null && !indexes.containsKey(w.key())) {
            load(w);
        }
    }

    /** Drops a loaded index and its trigger (DROP INDEX); under the lock. */
    void unload(IndexCatalog.Entry entry) {
        unload(key(entry.schema(), entry.name()));
    }

    private void unload(String key) {
        HnswIndex index = indexes.remove(key);
        columnTypes.remove(key);
        if (index != null) {
            index.close();
            dropTrigger(index);
        }
    }

    private void dropTrigger(HnswIndex index) {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS " + SystemSchemas.qualified(index.schema, index.triggerName));
        } catch (SQLException e) {
            LOG.log(Level.FINE, "trigger of HNSW index " + index.indexName + " not dropped (its schema is gone)", e);
        }
    }

    /**
     * Registers the index (so its trigger finds it from its first row on), creates the trigger, waits
     * for the transactions that wrote the table before the trigger existed, then reads the committed
     * rows. A write is thus in the log through the trigger (it came after the trigger) or through the
     * read (its transaction had ended, and it is committed or was never visible). The wait is storage's
     * exclusive table lock, taken by an ALTER TABLE that changes nothing (SET NOT NULL on the primary
     * key); CREATE TRIGGER itself takes no table lock. A transaction holding the table longer than the
     * lock timeout makes the load fail (55P03 for CREATE INDEX).
     */
    private void load(Wanted w) throws SQLException {
        long start = System.nanoTime();
        HnswIndex index = prepare(w, 0);
        if (index == null) {
            return;
        }
        register(w, index);
        LOG.log(Level.FINE, "HNSW index {0}: {1} vectors loaded in {2} ms",
                new Object[] {index.indexName, index.size(), (System.nanoTime() - start) / 1_000_000});
    }

    /**
     * A new index of generation {@code generation} with its trigger and the table's rows, in
     * {@link #loading} (its trigger feeds it; queries do not use it), or null (no one-column
     * primary key). On failure nothing is left behind.
     */
    private HnswIndex prepare(Wanted w, int generation) throws SQLException {
        String pk = primaryKey(connection, w.schema(), w.table());
        if (pk == null) {
            LOG.fine(() -> "HNSW index " + w.index() + " is not loaded: its table has no one-column primary key");
            return null;
        }
        HnswIndex index = new HnswIndex(w.schema(), w.table(), w.column(), pk, w.index(), indexer, generation);
        String table = SystemSchemas.qualified(index.schema, index.table);
        index.positions(connection);
        loading.put(w.key(), index);
        boolean prepared = false;
        try {
            try (Statement s = connection.createStatement()) {
                if (generation == 0) {
                    dropTriggers(index.schema, w.index()); // also those of a compaction cut short
                }
                s.execute("CREATE TRIGGER " + SystemSchemas.qualified(index.schema, index.triggerName)
                        + " AFTER INSERT, UPDATE, DELETE ON " + table + " FOR EACH ROW CALL '"
                        + HnswTrigger.class.getName() + "'");
                s.execute("ALTER TABLE " + table + " ALTER COLUMN " + SystemSchemas.quote(pk) + " SET NOT NULL");
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + SystemSchemas.quote(pk) + ", "
                    + SystemSchemas.quote(index.column) + " FROM " + table); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    index.append(rs.getObject(1), parse(rs.getString(2)));
                }
            }
            prepared = true;
            return index;
        } finally {
            if (!prepared) {
                discard(w.key(), index);
            }
        }
    }

    /** A prepared index becomes the one queries use; under the lock. */
    private void register(Wanted w, HnswIndex index) {
        loading.remove(w.key(), index);
        indexes.put(w.key(), index);
        columnTypes.put(w.key(), w.columnType());
        index.onMostlyDead(() -> compactor.execute(() -> compact(w.key(), index)));
    }

    private void discard(String key, HnswIndex index) {
        loading.remove(key, index);
        index.close();
        dropTrigger(index);
    }

    /**
     * Rebuilds a loaded index whose log is mostly dead entries (rows updated or deleted since it was
     * loaded) from the table's rows, beside the old one, which answers queries until the new one has
     * built the graphs the old one had. The catalog lock is held while the new one reads the table
     * and at the swap, not while its graphs build. If the old one was dropped or reloaded meanwhile,
     * or the rebuild fails (say a writer held the table past the lock timeout), the old one stays.
     */
    private void compact(String key, HnswIndex old) {
        HnswIndex fresh = null;
        Wanted w;
        long dead = old.deadEntries();
        int before = old.size();
        lock.lock();
        try {
            w = indexes.get(key) == old && !old.isClosed() ? wanted().get(key) : null;
            if (w != null) {
                fresh = prepare(w, old.generation + 1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "HNSW index compaction failed; the index stays as it is (tried again on a later write)", e);
            old.compactionFailed();
            return;
        } finally {
            lock.unlock();
        }
        if (fresh == null) {
            return;
        }
        awaitGraphs(fresh, old.metrics());
        lock.lock();
        try {
            if (indexes.get(key) != old || old.isClosed() || fresh.isClosed()) {
                discard(key, fresh);
                return;
            }
            register(w, fresh);
            old.close();
            dropTrigger(old);
        } finally {
            lock.unlock();
        }
        LOG.log(Level.INFO, "HNSW index {0} compacted: {1} log entries (about {2} dead) became {3}",
                new Object[] {old.indexName, before, dead, fresh.size()});
    }

    /** Starts the graphs of {@code metrics} and waits until each has caught up with most of the log. */
    private static void awaitGraphs(HnswIndex index, List<VectorSearchPlan.Metric> metrics) {
        for (VectorSearchPlan.Metric m : metrics) {
            index.graph(m);
        }
        for (VectorSearchPlan.Metric m : metrics) {
            while (!index.isClosed() && index.size() >= HnswIndex.MIN_GRAPH_SIZE
                    && index.indexed(m) < index.size() - index.size() / 100) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops every trigger of the index (all generations). */
    private void dropTriggers(String schema, String indexName) throws SQLException {
        List<String> names = new ArrayList<>();
        String own = java.util.regex.Pattern.quote(HnswIndex.triggerPrefix(indexName)) + "(_[0-9]+)?";
        try (PreparedStatement ps = connection.prepareStatement("SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).matches(own)) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String name : names) {
                s.execute("DROP TRIGGER IF EXISTS " + SystemSchemas.qualified(schema, name));
            }
        }
    }

    /** The table's primary key column when it has exactly one, else null. */
    private static String primaryKey(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kc.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kc ON kc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND"
                + " kc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND"
                + " tc.CONSTRAINT_TYPE = 'PRIMARY KEY'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                String column = rs.next() ? rs.getString(1) : null;
                return rs.next() ? null : column;
            }
        }
    }

    /** {@code [1.0,2.0]} → floats; null for null or malformed text (storage's CHECK refuses those). */
    static float[] parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return io.scratchbird.wire.codec.Codecs.VECTOR.decodeText(text).toArray();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
