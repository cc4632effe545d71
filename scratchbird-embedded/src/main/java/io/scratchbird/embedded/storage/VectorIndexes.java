package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SystemSchemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HNSW indexes of one engine (docs/embedded-sql.md, "Vector indexes"). An index declared
 * {@code USING HNSW} (or {@code VECTOR_HNSW}) on one column of a table with a one-column primary
 * key gets a row trigger that appends every written vector to its {@link HnswIndex}, and is loaded
 * with the table's committed rows when the engine starts or the index is created. Graphs are built
 * by one background thread per engine. {@link #refresh} is run at start and after every DDL
 * statement, so dropped indexes and tables lose their index and trigger.
 */
final class VectorIndexes {

    private static final Logger LOG = Logger.getLogger(VectorIndexes.class.getName());

    /** Engines by storage database, for the triggers (storage creates them without a reference to the engine). */
    private static final Map<Object, VectorIndexes> BY_DATABASE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final Object database;
    private final Map<String, HnswIndex> indexes = new ConcurrentHashMap<>();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scratchbird-hnsw-indexer");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    VectorIndexes(Connection system) throws SQLException {
        this.database = database(system);
        BY_DATABASE.put(database, this);
        try (Statement s = system.createStatement()) {
            s.execute(HnswRank.CREATE);
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
        for (HnswIndex index : indexes.values()) {
            index.close();
        }
        indexes.clear();
    }

    /** The index a trigger feeds. */
    HnswIndex byTrigger(String schema, String triggerName) {
        for (HnswIndex index : indexes.values()) {
            if (index.schema.equals(schema) && index.triggerName.equalsIgnoreCase(triggerName)) {
                return index;
            }
        }
        return null;
    }

    /** The index on {@code schema.table(column)}, names compared ignoring case, or null. */
    HnswIndex find(String schema, String table, String column) {
        for (HnswIndex index : indexes.values()) {
            if (index.schema.equalsIgnoreCase(schema) && index.table.equalsIgnoreCase(table)
                    && index.column.equalsIgnoreCase(column)) {
                return index;
            }
        }
        return null;
    }

    List<HnswIndex> all() {
        return new ArrayList<>(indexes.values());
    }

    /** Brings the loaded indexes in line with the catalog: loads new ones, drops the ones gone. */
    synchronized void refresh(Connection c) throws SQLException {
        Map<String, String[]> wanted = new HashMap<>();
        String sql = "SELECT i.INDEX_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, MIN(ic.COLUMN_NAME), COUNT(*) FROM"
                + " INFORMATION_SCHEMA.INDEXES i JOIN " + SystemSchemas.qualified(SystemSchemas.META, "index_methods")
                + " m ON m.schema_name = i.INDEX_SCHEMA AND UPPER(m.index_name) = UPPER(i.INDEX_NAME) JOIN"
                + " INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME ="
                + " i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME WHERE m.method IN ('hnsw', 'vector_hnsw')"
                + " GROUP BY i.INDEX_SCHEMA, i.TABLE_NAME, i.INDEX_NAME";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getLong(5) == 1) {
                    wanted.put(rs.getString(1) + "\u0000" + rs.getString(3),
                            new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        for (var it = indexes.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            HnswIndex index = e.getValue();
            String[] w = wanted.get(e.getKey());
            if (w == null || !w[1].equals(index.table) || !w[3].equals(index.column)
                    || !index.primaryKey.equals(primaryKey(c, index.schema, index.table))) {
                it.remove();
                index.close();
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TRIGGER IF EXISTS " + SystemSchemas.quote(index.schema) + "."
                            + SystemSchemas.quote(index.triggerName));
                }
            } else {
                index.positions(c);
            }
        }
        for (var e : wanted.entrySet()) {
            if (!indexes.containsKey(e.getKey())) {
                String[] w = e.getValue();
                String pk = primaryKey(c, w[0], w[1]);
                if (pk == null) {
                    LOG.fine(() -> "HNSW index " + w[2] + " is an ordinary index: its table has no one-column primary key");
                    continue;
                }
                load(c, e.getKey(), new HnswIndex(w[0], w[1], w[3], pk, w[2], indexer));
            }
        }
    }

    private void load(Connection c, String key, HnswIndex index) throws SQLException {
        long start = System.nanoTime();
        String table = SystemSchemas.quote(index.schema) + "." + SystemSchemas.quote(index.table);
        index.positions(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER IF NOT EXISTS " + SystemSchemas.quote(index.schema) + "."
                    + SystemSchemas.quote(index.triggerName) + " AFTER INSERT, UPDATE ON " + table
                    + " FOR EACH ROW CALL '" + HnswTrigger.class.getName() + "'");
        }
        // registered only with its trigger in place (else writes would be missed); then the committed rows
        indexes.put(key, index);
        boolean loaded = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SystemSchemas.quote(index.primaryKey) + ", "
                + SystemSchemas.quote(index.column) + " FROM " + table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                index.append(rs.getObject(1), parse(rs.getString(2)));
            }
            loaded = true;
        } finally {
            if (!loaded) {
                indexes.remove(key);
                index.close();
            }
        }
        LOG.log(Level.FINE, "HNSW index {0}: {1} vectors loaded in {2} ms",
                new Object[] {index.indexName, index.size(), (System.nanoTime() - start) / 1_000_000});
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
