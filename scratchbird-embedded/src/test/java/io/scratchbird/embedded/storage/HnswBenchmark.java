package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.RowCursor;
import io.scratchbird.embedded.sql.StatementResult;
import io.scratchbird.embedded.sql.VectorSearchPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * HNSW benchmark (not a test; CI never runs it): {@code n × dim} vectors, random or clustered,
 * top-10 recall@10 against the exact scan, median latency beside the exact scan, insert
 * throughput, graph build and start-up load time. Run from the module directory after
 * {@code test-compile}:
 *
 * <pre>java -Xmx6g -cp target/test-classes:target/classes:$(cat cp.txt) io.scratchbird.embedded.storage.HnswBenchmark 100000 768 random|clustered [queries=100] [ef=100] [exactQueries=5]</pre>
 * (ef_search is measured at ef, 2·ef and 4·ef).
 */
public final class HnswBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 768;
        boolean clustered = args.length > 2 && args[2].equals("clustered");
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int ef = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        Random random = new Random(42);
        float[][] centres = new float[64][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        int exactQueries = Math.min(queries, args.length > 5 ? Integer.parseInt(args[5]) : 5);
        float[][] data = new float[n][];
        try (H2SqlEngine engine = H2SqlEngine.inMemory(); EngineSession s = engine.openSession("bench", "hnsw")) {
            run(s, "CREATE TABLE items (id INTEGER PRIMARY KEY, emb VECTOR(" + dim + "))");
            long t0 = System.nanoTime();
            insert(s, random, centres, dim, clustered, data, 0, n);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d x %d %s: insert without HNSW index %.0f rows/s (%.1f s)%n", n, dim,
                    clustered ? "clustered" : "random", n / insertSeconds, insertSeconds);
            long t1 = System.nanoTime();
            run(s, "CREATE INDEX items_emb ON items USING HNSW (emb)");
            double loadSeconds = (System.nanoTime() - t1) / 1e9;
            HnswIndex index = engine.vectorIndexes().all().get(0);
            long t2 = System.nanoTime();
            index.graph(VectorSearchPlan.Metric.L2);
            while (index.indexed(VectorSearchPlan.Metric.L2) < n) {
                Thread.sleep(100);
            }
            double buildSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf("CREATE INDEX (storage index + loading the log, as at start): %.1f s; L2 graph build %.1f s"
                    + " (%.0f vectors/s)%n", loadSeconds, buildSeconds, n / buildSeconds);
            int extra = Math.max(1000, n / 100);
            float[][] more = new float[extra][];
            long t3 = System.nanoTime();
            insert(s, random, centres, dim, clustered, more, n, extra);
            double moreSeconds = (System.nanoTime() - t3) / 1e9;
            while (index.indexed(VectorSearchPlan.Metric.L2) < n + extra) {
                Thread.sleep(20);
            }
            double caughtUp = (System.nanoTime() - t3) / 1e9;
            System.out.printf("insert with HNSW index: %.0f rows/s committed; graph caught up at %.0f rows/s%n",
                    extra / moreSeconds, extra / caughtUp);
            float[][] all = Arrays.copyOf(data, n + extra);
            System.arraycopy(more, 0, all, n, extra);
            for (int e : new int[] {ef, ef * 2, ef * 4}) {
                run(s, "SET ef_search = " + e);
                String sql = "SELECT id FROM items ORDER BY l2_distance(emb, ?) LIMIT 10";
                long[] indexed = new long[queries];
                double hits = 0;
                Random qr = new Random(7);
                for (int q = -5; q < queries; q++) {
                    String v = vector(qr, centres, dim, clustered, null);
                    long a = System.nanoTime();
                    List<Object> got = ids(s, sql, v);
                    long b = System.nanoTime();
                    if (q >= 0) {
                        indexed[q] = b - a;
                        Set<Object> t = new HashSet<>(truth(all, VectorIndexes.parse(v)));
                        hits += got.stream().filter(t::contains).count();
                    }
                }
                Arrays.sort(indexed);
                System.out.printf("ef_search=%d: recall@10 %.3f; median latency %.2f ms (p90 %.2f ms)%n", e,
                        hits / (queries * 10.0), indexed[queries / 2] / 1e6, indexed[queries * 9 / 10] / 1e6);
            }
            long[] scan = new long[exactQueries];
            for (int q = 0; q < exactQueries; q++) {
                String v = vector(random, centres, dim, clustered, null);
                long a = System.nanoTime();
                ids(s, "SELECT id FROM items ORDER BY l2_distance(emb, ?) + 0 LIMIT 10", v);
                scan[q] = System.nanoTime() - a;
            }
            Arrays.sort(scan);
            System.out.printf("exact scan (storage): median %.2f ms over %d queries%n", scan[exactQueries / 2] / 1e6, exactQueries);
        }
    }

    private static void insert(EngineSession s, Random random, float[][] centres, int dim, boolean clustered,
                               float[][] keep, int firstId, int count) throws Exception {
        for (int i = 0; i < count; i += 1000) {
            s.begin();
            for (int j = i; j < Math.min(count, i + 1000); j++) {
                float[] v = new float[dim];
                String text = vector(random, centres, dim, clustered, v);
                keep[j] = v;
                s.execute("INSERT INTO items VALUES (?, ?)", List.of(new EngineSession.Parameter(23, firstId + j),
                        new EngineSession.Parameter(0, text)));
            }
            s.commit();
        }
    }

    /** Brute-force top-10 ids (L2) in memory: the ground truth. */
    private static List<Object> truth(float[][] all, float[] q) {
        double[] d = new double[all.length];
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < all.length; i++) {
            d[i] = HnswIndex.distance(VectorSearchPlan.Metric.L2, false, q, all[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(order[i]);
        }
        return ids;
    }

    private static String vector(Random random, float[][] centres, int dim, boolean clustered, float[] into) {
        StringBuilder sb = new StringBuilder("[");
        float[] c = centres[random.nextInt(centres.length)];
        for (int j = 0; j < dim; j++) {
            float x = clustered ? c[j] + 0.3f * (float) random.nextGaussian() : random.nextFloat();
            if (into != null) {
                into[j] = x;
            }
            sb.append(j == 0 ? "" : ",").append(x);
        }
        return sb.append(']').toString();
    }

    private static void run(EngineSession s, String sql) throws Exception {
        StatementResult r = s.execute(sql, List.of());
        if (r instanceof StatementResult.Rows rows) {
            rows.cursor().close();
        }
    }

    private static List<Object> ids(EngineSession s, String sql, String v) throws Exception {
        List<Object> out = new ArrayList<>();
        StatementResult r = s.execute(sql, List.of(new EngineSession.Parameter(0, v)));
        try (RowCursor cursor = ((StatementResult.Rows) r).cursor()) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                out.add(row[0]);
            }
        }
        return out;
    }
}
