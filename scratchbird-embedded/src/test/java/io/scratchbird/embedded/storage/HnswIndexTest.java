package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.VectorSearchPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.scratchbird.embedded.storage.EngineTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** HNSW vector indexes on small data (2,000 × 16): recall, filters, visibility, restart, drop. */
class HnswIndexTest {

    private static final int N = 2000;
    private static final int DIM = 16;

    private H2SqlEngine engine;
    private EngineSession s;
    private final Random random = new Random(7);

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        s = engine.openSession("test", "hnsw");
    }

    @AfterEach
    void close() {
        s.close();
        engine.close();
    }

    private String randomVector() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < DIM; i++) {
            sb.append(i == 0 ? "" : ",").append(random.nextFloat() * 2 - 1);
        }
        return sb.append(']').toString();
    }

    private void createAndFill(EngineSession session, int rows) throws Exception {
        run(session, "CREATE TABLE items (id INTEGER PRIMARY KEY, cat INTEGER, emb VECTOR(" + DIM + "))");
        session.begin();
        for (int i = 0; i < rows; i++) {
            exec(session, "INSERT INTO items VALUES (?, ?, ?)", params(23, i, 23, i % 10, 0, randomVector()));
        }
        session.commit();
        run(session, "CREATE INDEX items_emb ON items USING HNSW (emb)");
    }

    private HnswIndex index() {
        List<HnswIndex> all = engine.vectorIndexes().all();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private List<Object> ids(EngineSession session, String sql, Object... extra) throws Exception {
        List<EngineSession.Parameter> p = new ArrayList<>();
        for (Object o : extra) {
            p.add(new EngineSession.Parameter(o instanceof Integer ? 23 : 0, o));
        }
        return query(session, sql, p).column("id");
    }

    /** The same query the planner does not take (the ORDER BY is an expression): storage's exact scan. */
    private static String exact(String sql) {
        return sql.replace(") LIMIT", ") + 0 LIMIT").replace(") DESC LIMIT", ") * 1 DESC LIMIT");
    }

    private double recall(String sql, int queries) throws Exception {
        double hits = 0;
        for (int q = 0; q < queries; q++) {
            String v = randomVector();
            List<Object> got = ids(s, sql, v);
            List<Object> truth = ids(s, exact(sql), v);
            assertEquals(truth.size(), got.size(), sql);
            Set<Object> t = new HashSet<>(truth);
            for (Object id : got) {
                if (t.contains(id)) {
                    hits++;
                }
            }
        }
        return hits / (queries * 10.0);
    }

    @Test
    void recallAgainstTheExactScanForEveryMetricWithAndWithoutAFilter() throws Exception {
        createAndFill(s, N);
        long before = index().searches.get();
        assertTrue(recall("SELECT id FROM items ORDER BY l2_distance(emb, vector(?)) LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id FROM items ORDER BY cosine_distance(emb, ?) LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id FROM items i ORDER BY inner_product(i.emb, ?) DESC LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id, cat FROM items WHERE cat = 3 ORDER BY l2_distance(emb, ?) LIMIT 10", 30) >= 0.95);
        assertTrue(index().searches.get() >= before + 120, "the index answered the queries");
        // at the default breadth (100 ≥ 2,000 / 32) those searches scanned every code; a narrower one walks the graph
        run(s, "SET ef_search = 40");
        assertTrue(recall("SELECT id FROM items ORDER BY l2_distance(emb, vector(?)) LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id FROM items ORDER BY cosine_distance(emb, ?) LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id FROM items i ORDER BY inner_product(i.emb, ?) DESC LIMIT 10", 30) >= 0.95);
        assertTrue(recall("SELECT id, cat FROM items WHERE cat = 3 ORDER BY l2_distance(emb, ?) LIMIT 10", 30) >= 0.95);
        run(s, "RESET ef_search");
        // a filter matching few rows: still its true top-k (widened, then exact)
        run(s, "UPDATE items SET cat = 99 WHERE id IN (5, 500, 1500)");
        String v = randomVector();
        String sql = "SELECT id FROM items WHERE cat = 99 ORDER BY l2_distance(emb, ?) LIMIT 10";
        assertEquals(ids(s, exact(sql), v), ids(s, sql, v));
        assertEquals(3, ids(s, sql, v).size());
    }

    @Test
    void visibilityOwnWritesYesOthersUncommittedRolledBackAndDeletedNo() throws Exception {
        createAndFill(s, N);
        String near = "[" + "0.001,".repeat(DIM - 1) + "0.001]";
        String sql = "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 3";
        try (EngineSession other = engine.openSession("test", "other")) {
            other.begin();
            exec(other, "INSERT INTO items VALUES (100001, 1, ?)", text(near));
            assertEquals(100001, ids(other, sql, near).get(0), "own uncommitted row");
            assertFalse(ids(s, sql, near).contains(100001), "another session's uncommitted row");
            other.rollback();
            assertFalse(ids(other, sql, near).contains(100001), "rolled back");
            assertFalse(ids(s, sql, near).contains(100001), "rolled back");
            // committed insert, then update and delete
            exec(other, "INSERT INTO items VALUES (100002, 1, ?)", text(near));
            assertEquals(100002, ids(s, sql, near).get(0));
            s.begin();
            exec(s, "DELETE FROM items WHERE id = 100002");
            assertFalse(ids(s, sql, near).contains(100002), "own delete");
            assertEquals(100002, ids(other, sql, near).get(0), "not yet deleted for others");
            s.commit();
            assertFalse(ids(other, sql, near).contains(100002), "deleted");
            // an update moves a row next to the query, and away again
            exec(s, "UPDATE items SET emb = ? WHERE id = 7", text(near));
            assertEquals(7, ids(other, sql, near).get(0));
            exec(s, "UPDATE items SET emb = ? WHERE id = 7", text(randomVector()));
            assertEquals(ids(s, exact(sql), near), ids(s, sql, near));
            exec(s, "UPDATE items SET emb = NULL WHERE id = 8");
            assertFalse(ids(s, sql, near).contains(8));
        }
    }

    @Test
    void efSearchIsASessionSetting() throws Exception {
        assertEquals("100", scalar(s, "SHOW ef_search"));
        run(s, "SET ef_search = 400");
        assertEquals("400", scalar(s, "SHOW ef_search"));
        run(s, "RESET ef_search");
        assertEquals("100", scalar(s, "SHOW ef_search"));
        assertFailsWith("22023", () -> exec(s, "SET ef_search = 0"));
        createAndFill(s, 300);
        run(s, "SET ef_search = 10");
        String v = randomVector();
        String sql = "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10";
        assertEquals(10, ids(s, sql, v).size());
    }

    @Test
    void droppedWithDropIndexAndDropTable() throws Exception {
        createAndFill(s, 200);
        assertEquals(200, index().size());
        run(s, "DROP INDEX items_emb");
        assertTrue(engine.vectorIndexes().all().isEmpty());
        exec(s, "INSERT INTO items VALUES (5000, 1, ?)", text(randomVector()));
        String v = randomVector();
        assertEquals(10, ids(s, "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10", v).size());
        run(s, "CREATE INDEX items_emb2 ON items USING HNSW (emb)");
        assertEquals(201, index().size());
        run(s, "DROP TABLE items");
        assertTrue(engine.vectorIndexes().all().isEmpty());
    }

    @Test
    void rebuiltAtRestart(@TempDir Path dir) throws Exception {
        s.close();
        engine.close();
        List<Object> before;
        String v = randomVector();
        String sql = "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10";
        try (H2SqlEngine e = H2SqlEngine.open(dir); EngineSession x = e.openSession("test", "hnsw")) {
            createAndFill(x, 500);
            before = ids(x, sql, v);
        }
        engine = H2SqlEngine.open(dir);
        s = engine.openSession("test", "hnsw");
        assertEquals(500, index().size(), "loaded at start");
        assertEquals(before, ids(s, sql, v));
        exec(s, "INSERT INTO items VALUES (9999, 1, ?)", text(v));
        assertEquals(9999, ids(s, sql, v).get(0), "maintained after restart");
    }

    /** Every column of every row, in order, as text. */
    private List<String> rows(EngineSession session, String sql, Object... extra) throws Exception {
        List<EngineSession.Parameter> p = new ArrayList<>();
        for (Object o : extra) {
            p.add(new EngineSession.Parameter(o instanceof Integer ? 23 : 0, o));
        }
        List<String> out = new ArrayList<>();
        for (Object[] row : query(session, sql, p).rows()) {
            out.add(java.util.Arrays.deepToString(row));
        }
        return out;
    }

    @Test
    void rankedAnswersAreStoragesExactRowsInStoragesOrder() throws Exception {
        createAndFill(s, N);
        // the graph returns every row, so the index's answer must be the exact scan's, row for row
        run(s, "SET ef_search = " + N);
        long ranked = HnswCandidateDistances.RANKED.get();
        for (int q = 0; q < 10; q++) {
            String v = randomVector();
            String[][] cases = {
                {"SELECT id, l2_distance(emb, ?) AS d FROM items ORDER BY l2_distance(emb, ?) LIMIT ?"},
                {"SELECT id, cat FROM items WHERE cat < ? ORDER BY cosine_distance(emb, ?) LIMIT 10"},
                {"SELECT * FROM items i ORDER BY inner_product(i.emb, ?) DESC LIMIT 7"},
                {"SELECT id FROM items ORDER BY negative_inner_product(?, emb) LIMIT 10"},
                {"SELECT id, inner_product(emb, ?) FROM items ORDER BY inner_product(emb, ?) LIMIT 10"},
            };
            Object[][] parameters = {{v, v, 12}, {5, v}, {v}, {v}, {v, v}};
            for (int c = 0; c < cases.length; c++) {
                String sql = cases[c][0];
                assertEquals(rows(s, exact(sql), parameters[c]), rows(s, sql, parameters[c]), sql);
            }
        }
        assertTrue(HnswCandidateDistances.RANKED.get() >= ranked + 50, "storage ordered by the index's ranks");
        // the distance as a select item named by position, as Hibernate writes it
        long searches = index().searches.get();
        for (int q = 0; q < 5; q++) {
            String v = randomVector();
            String byPosition = "SELECT id, cosine_distance(emb, cast(? as vector)) FROM items WHERE cat <> ? ORDER BY 2 LIMIT ?";
            String exactly = "SELECT id, cosine_distance(emb, cast(? as vector)) FROM items WHERE cat <> ?"
                    + " ORDER BY cosine_distance(emb, cast(? as vector)) + 0 LIMIT ?";
            assertEquals(rows(s, exactly, v, 2, v, 10), rows(s, byPosition, v, 2, 10));
        }
        assertEquals(searches + 5, index().searches.get(), "the index answered ORDER BY 2");
        // exact ties (the same vector in 30 rows) broken by a further key, as "order by distance, id"
        String twin = randomVector();
        for (int i = 0; i < 30; i++) {
            exec(s, "INSERT INTO items VALUES (?, 1, ?)", params(23, 50_000 + i * 7 % 30, 0, twin));
        }
        String[][] tieBroken = {
            {"SELECT id FROM items ORDER BY l2_distance(emb, ?), id LIMIT 10",
                "SELECT id FROM items ORDER BY l2_distance(emb, ?) + 0, id LIMIT 10"},
            {"SELECT id FROM items ORDER BY l2_distance(emb, ?), id DESC LIMIT 10",
                "SELECT id FROM items ORDER BY l2_distance(emb, ?) + 0, id DESC LIMIT 10"},
            {"SELECT id FROM items ORDER BY inner_product(emb, ?) DESC, id LIMIT 10",
                "SELECT id FROM items ORDER BY inner_product(emb, ?) * 1 DESC, id LIMIT 10"}};
        ranked = HnswCandidateDistances.RANKED.get();
        for (String[] c : tieBroken) {
            assertEquals(rows(s, c[1], twin), rows(s, c[0], twin), c[0]);
        }
        assertEquals(rows(s, "SELECT id, cosine_distance(emb, ?) AS d FROM items ORDER BY cosine_distance(emb, ?) + 0, id"
                + " LIMIT 10", twin, twin), rows(s, "SELECT id, cosine_distance(emb, ?) AS d FROM items ORDER BY d, id LIMIT 10",
                twin));
        assertTrue(HnswCandidateDistances.RANKED.get() >= ranked + 4, "tie-broken queries ranked by the index");
        // rows written twice: the log holds two vectors for them, so storage computes their distances
        String near = "[" + "0.01,".repeat(DIM - 1) + "0.01]";
        exec(s, "UPDATE items SET emb = ? WHERE id = 11", text(near));
        exec(s, "UPDATE items SET emb = ? WHERE id = 12", text(near));
        exec(s, "UPDATE items SET emb = ? WHERE id = 11", text(randomVector()));
        String sql = "SELECT id, l2_distance(emb, ?) AS d FROM items ORDER BY l2_distance(emb, ?) LIMIT 10";
        ranked = HnswCandidateDistances.RANKED.get();
        assertEquals(rows(s, exact(sql), near, near), rows(s, sql, near, near));
        assertEquals(ranked, HnswCandidateDistances.RANKED.get(), "rewritten rows among the candidates: storage's own order");
    }

    @Test
    void compactedFromTheTableWhenMostOfTheLogIsDead() throws Exception {
        int rows = HnswIndex.COMPACT_MIN + 500;
        createAndFill(s, rows);
        HnswIndex first = index();
        String v = randomVector();
        String sql = "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10";
        ids(s, sql, v); // the L2 graph, which the compacted index builds again before it takes over
        s.begin();
        for (int i = 0; i < rows; i++) {
            exec(s, "UPDATE items SET emb = ? WHERE id = ?", params(0, randomVector(), 23, i));
        }
        s.commit();
        HnswIndex second = awaitReplacement(first);
        assertEquals(rows, second.size(), "one entry per row");
        assertEquals(1, second.generation);
        assertTrue(first.isClosed());
        assertTrue(second.indexed(VectorSearchPlan.Metric.L2) >= rows - rows / 100, "took over with its graph built");
        assertEquals(ids(s, exact(sql), v), ids(s, sql, v));
        // deletes count too
        run(s, "DELETE FROM items WHERE id >= 100");
        HnswIndex third = awaitReplacement(second);
        assertEquals(100, third.size());
        assertEquals(ids(s, exact(sql), v), ids(s, sql, v));
        assertEquals(1L, scalarLong("SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME LIKE 'sb_hnsw_%'"),
                () -> "the old generations' triggers are gone: " + triggerNames());
        exec(s, "INSERT INTO items VALUES (777777, 1, ?)", text(v));
        assertEquals(777777, ids(s, sql, v).get(0), "the new generation's trigger feeds it");
    }

    private HnswIndex awaitReplacement(HnswIndex old) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<HnswIndex> all = engine.vectorIndexes().all();
            if (all.size() == 1 && all.get(0) != old) {
                return all.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not compacted within 60 s: " + old.deadEntries() + " dead of " + old.size());
    }

    private String triggerNames() {
        try (java.sql.Statement st = engine.systemConnection().createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getString(1)).append('.').append(rs.getString(2)).append(' ');
            }
            return sb.toString();
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    private long scalarLong(String h2Sql) throws Exception {
        try (java.sql.Statement st = engine.systemConnection().createStatement();
             java.sql.ResultSet rs = st.executeQuery(h2Sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void aBroadSearchOfALargeGraphScansEveryCodeInSlicesAndFindsTheExactNeighbours() throws Exception {
        int n = 2 * HnswIndex.FLAT_SLICE + 1000; // two slices where the common pool has a thread, else one
        int dim = 4;
        java.util.concurrent.ExecutorService indexer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            HnswIndex index = new HnswIndex("s", "t", "v", "id", "i", indexer);
            float[][] data = new float[n][];
            for (int i = 0; i < n; i++) {
                data[i] = new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
                index.append(i, data[i]);
            }
            index.graph(VectorSearchPlan.Metric.L2);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (index.indexed(VectorSearchPlan.Metric.L2) < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(n, index.indexed(VectorSearchPlan.Metric.L2));
            int ef = n / HnswIndex.FLAT_SCAN_RATIO + 1;
            for (int q = 0; q < 20; q++) {
                float[] query = {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
                List<HnswIndex.Candidate> got = index.search(VectorSearchPlan.Metric.L2, false, query, ef, 40);
                assertEquals(ef, got.size(), "the ef best of every node");
                Integer[] order = new Integer[n];
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                    d[i] = io.scratchbird.embedded.sql.functions.VectorFunctions.exactL2Distance(query, data[i]);
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
                for (int i = 0; i < 10; i++) {
                    assertEquals(d[order[i]], d[(Integer) got.get(i).key()], 1e-6, "neighbour " + i);
                }
            }
        } finally {
            indexer.shutdownNow();
        }
    }
}
