package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.scratchbird.embedded.storage.EngineTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * HNSW indexes exist in the engine's catalog only (no storage index on the vector column): DDL,
 * catalog views, renames, drops, restart, migration of older data directories, and the load's
 * handling of concurrent writers.
 */
class HnswCatalogTest {

    private H2SqlEngine engine;
    private EngineSession s;

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        s = engine.openSession("test", "hnsw-catalog");
    }

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static void createItems(EngineSession session, String table, int rows) throws Exception {
        run(session, "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, cat INTEGER, emb VECTOR(3))");
        for (int i = 1; i <= rows; i++) {
            exec(session, "INSERT INTO " + table + " VALUES (?, ?, ?)",
                    params(23, i, 23, i % 3, 0, "[" + i + ",0," + (i % 7) + "]"));
        }
    }

    /** Rows of a query on storage's own catalog (INFORMATION_SCHEMA), which sessions may not read. */
    private static List<List<Object>> storage(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The names of storage's indexes on a table of users.public, and of the columns they cover. */
    private static List<List<Object>> storageIndexes(Connection c, String table) throws SQLException {
        return storage(c, "SELECT i.INDEX_NAME, ic.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i JOIN"
                + " INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME"
                + " WHERE i.TABLE_SCHEMA = 'users.public' AND i.TABLE_NAME = ? ORDER BY 1, 2", table);
    }

    private static List<Object> triggers(Connection c) throws SQLException {
        return storage(c, "SELECT DISTINCT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1").stream().map(r -> r.get(0)).toList();
    }

    private List<Object> sysIndexes(String where) throws Exception {
        return query(s, "SELECT index_name || ':' || index_type || ':' || schema_name || '.' || table_name AS x"
                + " FROM sys.indexes WHERE " + where + " ORDER BY x").column("x");
    }

    private HnswIndex loaded() {
        List<HnswIndex> all = engine.vectorIndexes().all();
        assertEquals(1, all.size(), "loaded HNSW indexes");
        return all.get(0);
    }

    private List<Object> nearest(EngineSession session, String table, String column, String vector) throws Exception {
        return query(session, "SELECT id FROM " + table + " ORDER BY l2_distance(" + column + ", vector(?)) LIMIT 3",
                text(vector)).column("id");
    }

    @Test
    void anHnswIndexHasNoStorageIndexAndIsListedByEveryCatalogView() throws Exception {
        createItems(s, "items", 50);
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)", "CREATE INDEX items_cat ON items (cat)");
        Connection storage = engine.systemConnection();
        List<List<Object>> onTable = storageIndexes(storage, "items");
        assertFalse(onTable.stream().anyMatch(r -> r.get(1).equals("emb")), "a storage index on the vector column: " + onTable);
        assertTrue(onTable.contains(List.of("items_cat", "cat")), "ordinary indexes are storage's: " + onTable);
        assertEquals(List.of("sb_hnsw_items_emb"), triggers(storage));

        assertEquals(List.of("items_cat:btree:users.public.items", "items_emb:hnsw:users.public.items",
                "items_pkey:btree:users.public.items"), sysIndexes("table_name = 'items'"));
        assertEquals(List.of("emb"), query(s, "SELECT ic.column_name FROM sys.index_columns ic JOIN sys.indexes i ON"
                + " i.index_id = ic.index_id WHERE i.index_name = 'items_emb'").column("column_name"));
        assertEquals(List.of(1, false, false), Arrays.asList(query(s, "SELECT ic.ordinal_position, ic.is_descending,"
                + " i.is_unique FROM sys.index_columns ic JOIN sys.indexes i ON i.index_id = ic.index_id"
                + " WHERE i.index_name = 'items_emb'").only()));
        assertEquals("hnsw", scalar(s, "SELECT index_type FROM sys.information.indexes WHERE index_name = 'items_emb'"));
        assertEquals("users.public.items_emb", scalar(s, "SELECT object_path FROM sys.catalog_readable.object_tree"
                + " WHERE object_kind = 'INDEX' AND object_name = 'items_emb'"));

        long before = loaded().searches.get();
        assertEquals(List.of(1, 2, 3), nearest(s, "items", "emb", "[0,0,0]"));
        assertEquals(50, loaded().size());
        assertTrue(loaded().searches.get() > before, "the index answered");

        run(s, "CREATE TABLE other (id INTEGER PRIMARY KEY, v VECTOR(2))", "CREATE INDEX other_v ON other USING VECTOR_HNSW (v)");
        assertEquals(List.of("other_v:vector_hnsw:users.public.other"), sysIndexes("index_name = 'other_v'"));
        assertTrue(storageIndexes(storage, "other").stream().noneMatch(r -> r.get(1).equals("v")));
    }

    @Test
    void createChecksColumnsAndNamesAsBefore() throws Exception {
        createItems(s, "items", 5);
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)", "CREATE INDEX items_cat ON items (cat)");
        fails("42703", null, s, "CREATE INDEX x ON items USING HNSW (nosuch)");
        fails("42P01", null, s, "CREATE INDEX x ON nosuch USING HNSW (emb)");
        fails("3F000", null, s, "CREATE INDEX x ON nosuch.items USING HNSW (emb)");
        // an index on a column that holds no vectors would stay empty: refused, saying why
        assertEquals("data type integer has no default operator class for access method \"hnsw\": an HNSW index needs a"
                + " vector(n) column", fails("42704", null, s, "CREATE INDEX x ON items USING HNSW (cat)").getMessage());
        fails("42704", null, s, "CREATE INDEX IF NOT EXISTS x ON items USING VECTOR_HNSW (cat)");
        assertTrue(IndexCatalog.find(engine.vectorIndexes().connection(), "users.public", "x") == null, "nothing recorded");
        // one namespace for storage's and the catalog's indexes, names ignoring case
        assertEquals("relation \"ITEMS_EMB\" already exists",
                fails("42P07", null, s, "CREATE INDEX ITEMS_EMB ON items USING HNSW (emb)").getMessage());
        fails("42P07", null, s, "CREATE INDEX items_emb ON items (cat)");
        fails("42P07", null, s, "CREATE INDEX items_cat ON items USING HNSW (emb)");
        fails("42P07", null, s, "CREATE UNIQUE INDEX Items_Emb ON items (id, cat)");
        run(s, "CREATE INDEX IF NOT EXISTS items_emb ON items USING HNSW (emb)",
                "CREATE INDEX IF NOT EXISTS items_emb ON items USING GIN (cat)",
                "CREATE INDEX IF NOT EXISTS items_cat ON items USING HNSW (emb)");
        assertEquals(List.of("items_cat:btree:users.public.items", "items_emb:hnsw:users.public.items"),
                sysIndexes("index_name IN ('items_emb', 'items_cat')"));
        // unnamed: the generated name, as for storage's indexes
        run(s, "CREATE TABLE t2 (id INTEGER PRIMARY KEY, emb VECTOR(3))", "CREATE INDEX ON t2 USING HNSW (emb)");
        assertEquals(List.of("t2_emb_idx:hnsw:users.public.t2"), sysIndexes("table_name = 't2' AND index_type = 'hnsw'"));
        fails("42P07", null, s, "CREATE INDEX ON t2 USING HNSW (emb)");
        // the same name in another schema is another index
        run(s, "CREATE SCHEMA app", "CREATE TABLE app.items (id INTEGER PRIMARY KEY, emb VECTOR(3))",
                "CREATE INDEX items_emb ON app.items USING HNSW (emb)");
        assertEquals(List.of("items_emb:hnsw:app.items", "items_emb:hnsw:users.public.items"),
                sysIndexes("index_name = 'items_emb'"));
        assertEquals(3, engine.vectorIndexes().all().size());
    }

    @Test
    void dropIndexRemovesEntryTriggerAndLoadedIndex() throws Exception {
        createItems(s, "items", 20);
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
        assertEquals("index \"nosuch\" does not exist", fails("42704", null, s, "DROP INDEX nosuch").getMessage());
        run(s, "DROP INDEX IF EXISTS nosuch");
        run(s, "DROP INDEX ITEMS_EMB");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        assertEquals(List.of(), triggers(engine.systemConnection()));
        assertTrue(engine.vectorIndexes().all().isEmpty());
        fails("42704", null, s, "DROP INDEX items_emb");
        run(s, "DROP INDEX IF EXISTS items_emb");
        assertEquals(List.of(1, 2, 3), nearest(s, "items", "emb", "[0,0,0]"));

        // qualified names, and unqualified ones in the current schema only (as storage resolves DDL names)
        run(s, "CREATE SCHEMA app.sub", "CREATE TABLE app.sub.items (id INTEGER PRIMARY KEY, emb VECTOR(3))",
                "CREATE INDEX sub_emb ON app.sub.items USING HNSW (emb)");
        fails("42704", null, s, "DROP INDEX sub_emb");
        run(s, "DROP INDEX app.sub.sub_emb");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        run(s, "CREATE INDEX sub_emb ON app.sub.items USING HNSW (emb)", "SET search_path TO app.sub, users.public");
        run(s, "DROP INDEX sub_emb");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        run(s, "CREATE INDEX sub_emb2 ON items USING HNSW (emb)");
        assertEquals(List.of("sub_emb2:hnsw:app.sub.items"), sysIndexes("index_type = 'hnsw'"));
    }

    @Test
    void droppingTheTableTheColumnOrTheSchemaDropsTheIndex() throws Exception {
        createItems(s, "items", 5);
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)", "DROP TABLE items");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        assertTrue(engine.vectorIndexes().all().isEmpty());
        createItems(s, "items", 5);
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"), "a new table of the same name has no index");

        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)", "ALTER TABLE items DROP COLUMN emb");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        assertEquals(List.of(), triggers(engine.systemConnection()));
        assertTrue(engine.vectorIndexes().all().isEmpty());
        run(s, "ALTER TABLE items ADD COLUMN emb VECTOR(3)");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));

        run(s, "CREATE SCHEMA app", "CREATE TABLE app.t (id INTEGER PRIMARY KEY, v VECTOR(2))",
                "CREATE INDEX t_v ON app.t USING HNSW (v)", "DROP SCHEMA app CASCADE");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        assertTrue(engine.vectorIndexes().all().isEmpty());
        run(s, "CREATE SCHEMA app", "CREATE TABLE app.t (id INTEGER PRIMARY KEY, v VECTOR(2))");
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
    }

    @Test
    void theIndexFollowsRenamesOfItsTableColumnSchemaAndItself() throws Exception {
        createItems(s, "items", 30);
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
        run(s, "RENAME TABLE items TO things");
        assertEquals(List.of("items_emb:hnsw:users.public.things"), sysIndexes("index_type = 'hnsw'"));
        run(s, "ALTER TABLE things RENAME TO stuff", "ALTER TABLE stuff RENAME COLUMN emb TO vec");
        assertEquals("vec", scalar(s, "SELECT ic.column_name FROM sys.index_columns ic JOIN sys.indexes i"
                + " ON i.index_id = ic.index_id WHERE i.index_name = 'items_emb'"));
        run(s, "ALTER TABLE stuff ALTER COLUMN vec RENAME TO v2");
        HnswIndex index = loaded();
        assertEquals(List.of("stuff", "v2", 30), List.of(index.table, index.column, index.size()));
        long before = index.searches.get();
        assertEquals(List.of(1, 2, 3), nearest(s, "stuff", "v2", "[0,0,0]"));
        assertTrue(index.searches.get() > before, "the renamed index answers");

        run(s, "ALTER INDEX items_emb RENAME TO stuff_v2");
        assertEquals(List.of("stuff_v2:hnsw:users.public.stuff"), sysIndexes("index_type = 'hnsw'"));
        assertEquals(List.of("sb_hnsw_stuff_v2"), triggers(engine.systemConnection()));
        assertEquals("stuff_v2", loaded().indexName);
        run(s, "CREATE INDEX stuff_cat ON stuff (cat)");
        fails("42P07", null, s, "ALTER INDEX stuff_v2 RENAME TO stuff_cat");
        fails("42P07", null, s, "ALTER INDEX stuff_cat RENAME TO STUFF_V2");
        run(s, "ALTER INDEX IF EXISTS nosuch RENAME TO whatever");
        exec(s, "INSERT INTO stuff VALUES (1000, 1, '[0.1,0,0]')");
        assertEquals(1000, nearest(s, "stuff", "v2", "[0,0,0]").get(0));

        run(s, "CREATE SCHEMA app", "CREATE TABLE app.t (id INTEGER PRIMARY KEY, v VECTOR(2))",
                "INSERT INTO app.t VALUES (1, '[1,1]')", "CREATE INDEX t_v ON app.t USING HNSW (v)",
                "ALTER SCHEMA app RENAME TO app2");
        assertEquals(List.of("stuff_v2:hnsw:users.public.stuff", "t_v:hnsw:app2.t"), sysIndexes("index_type = 'hnsw'"));
        assertNotNull(engine.vectorIndexes().find("app2", "t", "v"));
        assertEquals(1, engine.vectorIndexes().find("app2", "t", "v").size());
    }

    @Test
    void aChangedColumnTypeReloadsTheIndex() throws Exception {
        run(s, "CREATE TABLE items (id INTEGER PRIMARY KEY, emb VECTOR(3))", "CREATE INDEX items_emb ON items USING HNSW (emb)",
                "INSERT INTO items VALUES (1, '[1,2,3]')");
        assertEquals(3, loaded().dimension());
        run(s, "DELETE FROM items", "ALTER TABLE items ALTER COLUMN emb SET DATA TYPE VECTOR(2)",
                "INSERT INTO items VALUES (2, '[1,2]')");
        assertEquals(List.of(2, 1), List.of(loaded().dimension(), loaded().size()));
    }

    @Test
    void hnswIndexesStorageCannotLeaveOutStayOrdinaryIndexes() throws Exception {
        createItems(s, "items", 5);
        run(s, "CREATE UNIQUE INDEX items_u ON items USING HNSW (emb)", "CREATE INDEX items_two ON items USING HNSW (emb, cat)",
                "CREATE LOCAL TEMPORARY TABLE tmp (id INTEGER PRIMARY KEY, v VECTOR(2))", "CREATE INDEX tmp_v ON tmp USING HNSW (v)");
        assertEquals(List.of("items_two:hnsw:users.public.items", "items_u:hnsw:users.public.items",
                "tmp_v:hnsw:users.public.tmp"), sysIndexes("index_type = 'hnsw'"));
        assertTrue(storageIndexes(engine.systemConnection(), "items").containsAll(List.of(List.of("items_u", "emb"),
                List.of("items_two", "cat"), List.of("items_two", "emb"))));
        fails("23505", null, s, "INSERT INTO items VALUES (100, 1, '[1,0,1]')");
        assertTrue(engine.vectorIndexes().all().isEmpty());
        run(s, "DROP INDEX items_u", "DROP INDEX items_two");
        assertEquals(List.of("tmp_v:hnsw:users.public.tmp"), sysIndexes("index_type = 'hnsw'"));
    }

    @Test
    void indexDdlCommitsTheOpenTransactionAsStorageDdlDoes() throws Exception {
        createItems(s, "items", 3);
        s.begin();
        exec(s, "INSERT INTO items VALUES (10, 1, '[0,0,1]')");
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
        exec(s, "INSERT INTO items VALUES (11, 1, '[0,0,2]')");
        s.rollback();
        assertEquals(List.of(1, 2, 3, 10), query(s, "SELECT id FROM items ORDER BY id").column("id"));
        assertEquals(List.of("items_emb:hnsw:users.public.items"), sysIndexes("index_type = 'hnsw'"));
        assertEquals(5, loaded().size(), "1-3 and 10 loaded, the rolled-back 11 through the trigger");
        s.begin();
        exec(s, "INSERT INTO items VALUES (12, 1, '[0,0,3]')");
        fails("42P07", null, s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
        s.rollback();
        assertEquals(1L, scalar(s, "SELECT count(*) FROM items WHERE id = 12"), "as storage: committed before the DDL failed");
        s.begin();
        exec(s, "INSERT INTO items VALUES (13, 1, '[0,0,4]')");
        run(s, "DROP INDEX items_emb");
        s.rollback();
        assertEquals(1L, scalar(s, "SELECT count(*) FROM items WHERE id = 13"));
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
    }

    @Test
    void aRestartFindsTheIndexInTheCatalog(@TempDir Path dir) throws Exception {
        close();
        try (H2SqlEngine e = H2SqlEngine.open(dir); EngineSession x = e.openSession("test", "hnsw")) {
            createItems(x, "items", 40);
            run(x, "CREATE INDEX items_emb ON items USING HNSW (emb)", "CREATE TABLE gone (id INTEGER PRIMARY KEY, v VECTOR(2))",
                    "CREATE INDEX gone_v ON gone USING HNSW (v)", "DROP INDEX gone_v");
        }
        engine = H2SqlEngine.open(dir);
        s = engine.openSession("test", "hnsw");
        assertTrue(storageIndexes(engine.systemConnection(), "items").stream().noneMatch(r -> r.get(1).equals("emb")));
        assertEquals(List.of("items_emb:hnsw:users.public.items"), sysIndexes("index_type = 'hnsw'"));
        assertEquals(40, loaded().size(), "loaded at start");
        exec(s, "INSERT INTO items VALUES (1000, 1, '[0,0,0]')");
        long before = loaded().searches.get();
        assertEquals(1000, nearest(s, "items", "emb", "[0,0,0]").get(0));
        assertTrue(loaded().searches.get() > before);
        run(s, "DROP INDEX items_emb");
        s.close();
        engine.close();
        engine = H2SqlEngine.open(dir);
        s = engine.openSession("test", "hnsw");
        assertTrue(engine.vectorIndexes().all().isEmpty());
        assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
        assertEquals(List.of(), triggers(engine.systemConnection()));
    }

    @Test
    void theStorageIndexOfAnOlderDataDirectoryBecomesACatalogEntry(@TempDir Path dir) throws Exception {
        close();
        try (H2SqlEngine e = H2SqlEngine.open(dir); EngineSession x = e.openSession("test", "hnsw")) {
            createItems(x, "items", 25);
        }
        // what CREATE INDEX … USING HNSW left before: a storage index and its method
        StorageSettings settings = StorageSettings.directory(dir, StorageSettings.DEFAULT_LOCK_TIMEOUT);
        try (Connection c = new org.h2.Driver().connect(settings.url(), settings.credentials());
             Statement st = c.createStatement()) {
            st.execute("CREATE INDEX old_emb ON \"users.public\".items (emb)");
            st.execute("CREATE INDEX old_two ON \"users.public\".items (emb, cat)");
            st.execute("INSERT INTO \"sys.meta\".index_methods VALUES ('users.public', 'old_emb', 'hnsw'),"
                    + " ('users.public', 'old_two', 'hnsw')");
            st.execute("SHUTDOWN");
        }
        engine = H2SqlEngine.open(dir);
        s = engine.openSession("test", "hnsw");
        List<List<Object>> left = storageIndexes(engine.systemConnection(), "items");
        assertFalse(left.stream().anyMatch(r -> r.get(0).equals("old_emb")), left.toString());
        assertTrue(left.contains(List.of("old_two", "emb")), "a multi-column index stays: " + left);
        assertEquals(List.of("old_emb:hnsw:users.public.items", "old_two:hnsw:users.public.items"),
                sysIndexes("index_type = 'hnsw'"));
        assertEquals(25, loaded().size());
        assertEquals("old_emb", loaded().indexName);
    }

    /**
     * A transaction that wrote the table before the index's trigger existed and commits after the
     * index is created: its rows must reach the index (the load waits for it, then reads them).
     */
    @Test
    void theLoadWaitsForTransactionsThatWroteBeforeTheTriggerExisted() throws Exception {
        createItems(s, "items", 30);
        try (EngineSession writer = engine.openSession("test", "writer")) {
            writer.begin();
            exec(writer, "INSERT INTO items VALUES (500, 1, '[0,0,0]')");
            AtomicReference<Thread> creator = new AtomicReference<>();
            CompletableFuture<Void> create = CompletableFuture.runAsync(() -> {
                creator.set(Thread.currentThread());
                try {
                    run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (!create.isDone() && !waitsForATableLock(creator.get()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(create.isDone(), "CREATE INDEX waits for the open transaction that wrote the table");
            writer.commit();
            create.get(10, TimeUnit.SECONDS);
        }
        assertEquals(31, loaded().size(), "the row committed after the load began is in the index");
        long before = loaded().searches.get();
        assertEquals(500, nearest(s, "items", "emb", "[0,0,0]").get(0));
        assertTrue(loaded().searches.get() > before);
    }

    private static boolean waitsForATableLock(Thread t) {
        if (t == null) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().endsWith("MVTable") && e.getMethodName().startsWith("doLock")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aWriterHoldingTheTableBeyondTheLockTimeoutFailsTheCreate() throws Exception {
        close();
        engine = H2SqlEngine.inMemory(Duration.ofMillis(300));
        s = engine.openSession("test", "hnsw");
        createItems(s, "items", 10);
        try (EngineSession writer = engine.openSession("test", "writer")) {
            writer.begin();
            exec(writer, "INSERT INTO items VALUES (500, 1, '[0,0,0]')");
            fails("55P03", null, s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
            assertEquals(List.of(), sysIndexes("index_type = 'hnsw'"));
            assertEquals(List.of(), triggers(engine.systemConnection()));
            assertTrue(engine.vectorIndexes().all().isEmpty());
            writer.commit();
        }
        run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
        assertEquals(11, loaded().size());
    }
}
