package io.scratchbird.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The HNSW vector-index benchmark (issue 12), over the real driver and wire protocol:
 * {@code benchmarks/run-hnsw.sh} starts PostgreSQL and the embedded server and runs this class.
 *
 * <p>Per data set (uniform random floats in [0,1), or 64 Gaussian centres + 0.3·N(0,1) noise; both
 * from a seed): the same {@code n × dims} vectors go into ScratchBird ({@code VECTOR(dims)}) and
 * PostgreSQL ({@code real[]}); ScratchBird's batched insert throughput is measured without the HNSW
 * index (the first 99 %) and with it (the last 1 %, after the graph is built); CREATE INDEX and the
 * L2 graph build are timed; recall@10 against an exact top-10 computed here in double precision and
 * the latency per query are measured for each {@code ef_search}, beside ScratchBird's exact scan and
 * PostgreSQL's brute force. Results: {@code <out>/hnsw-<dataset>.json}.
 *
 * <p><b>When is the graph built?</b> The server builds it in a background thread on the first query
 * with the metric, and SQL shows no progress. The benchmark watches the server process's CPU time
 * ({@code /proc/<pid>/stat}, pid from {@code -Dbench.sb.pid}): after the triggering query, the build is
 * over at the start of the first of the consecutive poll windows ({@code hnsw.pollSeconds}, no queries
 * from us) covering {@code hnsw.idleSeconds} in which the server used less than {@code hnsw.idleCores}
 * of a core (at most one clock tick per window by default). Every {@code hnsw.probeSeconds} a few searches
 * are timed (outside the windows) so that the JSON shows the latency falling as the graph fills. This
 * is an upper bound by at most one window (and would include any other background work of the server,
 * which is why the benchmark waits for the server to be idle before and after CREATE INDEX). Without a pid,
 * the benchmark waits {@code hnsw.buildWaitSeconds} instead.
 */
public final class HnswBench {

    private static final int K = 10;
    private static final int CENTRES = 64;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    // --- configuration (system properties; run-hnsw.sh maps HNSW_* environment variables onto them) ---
    private static final int N = Integer.getInteger("hnsw.n", 100_000);
    private static final int DIMS = Integer.getInteger("hnsw.dims", 768);
    private static final int QUERIES = Integer.getInteger("hnsw.queries", 200);
    private static final int WARMUP = Integer.getInteger("hnsw.warmup", 20);
    private static final int EXACT_QUERIES = Integer.getInteger("hnsw.exactQueries", 5);
    private static final int BATCH = Integer.getInteger("hnsw.batch", 1000);
    private static final long SEED = Long.getLong("hnsw.seed", 42L);
    private static final String DATASETS = System.getProperty("hnsw.datasets", "random clustered");
    private static final String EF = System.getProperty("hnsw.ef", "40 100 200 400 800");
    private static final boolean PG = !"0".equals(System.getProperty("hnsw.pg", "1"));
    private static final long SB_PID = Long.getLong("bench.sb.pid", -1L);
    private static final int CLK_TCK = Integer.getInteger("hnsw.clkTck", 100);
    private static final double POLL_SECONDS = Double.parseDouble(System.getProperty("hnsw.pollSeconds", "0.2"));
    private static final double IDLE_SECONDS = Double.parseDouble(System.getProperty("hnsw.idleSeconds", "2"));
    private static final double IDLE_CORES = Double.parseDouble(System.getProperty("hnsw.idleCores", "0.05"));
    private static final double PROBE_SECONDS = Double.parseDouble(System.getProperty("hnsw.probeSeconds", "10"));
    private static final double BUILD_TIMEOUT = Double.parseDouble(System.getProperty("hnsw.buildTimeoutSeconds", "7200"));
    private static final double BUILD_WAIT = Double.parseDouble(System.getProperty("hnsw.buildWaitSeconds", "600"));
    private static final Path OUT = Path.of(System.getProperty("bench.out", "benchmarks/results"));

    private static final long T0 = System.nanoTime();

    private HnswBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] efs = Arrays.stream(EF.trim().split("[\\s,]+")).mapToInt(Integer::parseInt).toArray();
        Files.createDirectories(OUT);
        log("HNSW benchmark: %,d x %d, datasets [%s], %d queries (+%d warm-up per ef), ef_search %s, exact/PG on %d"
                + " queries, batch %d, seed %d, TLS %s, server pid %d", N, DIMS, DATASETS, QUERIES, WARMUP, EF,
                EXACT_QUERIES, BATCH, SEED, Env.tls() ? "on" : "off", SB_PID);
        for (String dataset : DATASETS.trim().split("[\\s,]+")) {
            if (!dataset.equals("random") && !dataset.equals("clustered")) {
                throw new IllegalArgumentException("unknown data set " + dataset + " (random, clustered)");
            }
            runDataset(dataset, efs);
        }
        log("done");
    }

    private static void runDataset(String dataset, int[] efs) throws Exception {
        boolean clustered = dataset.equals("clustered");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("n", N);
        json.put("dims", DIMS);
        json.put("k", K);
        json.put("queries", QUERIES);
        json.put("warmup_queries_per_ef", WARMUP);
        json.put("batch", BATCH);
        json.put("seed", SEED);
        json.put("tls", Env.tls() ? "on" : "off");
        json.put("started", Instant.now().toString());
        json.put("loadavg_start", loadavg());
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("client_java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        // --- data, queries, ground truth -------------------------------------------------------------
        log("[%s] generating %,d x %d vectors and %d queries", dataset, N, DIMS, QUERIES);
        float[][] centres = new float[CENTRES][DIMS];
        Random cr = new Random(SEED);
        for (float[] c : centres) {
            for (int j = 0; j < DIMS; j++) {
                c[j] = (float) cr.nextGaussian();
            }
        }
        float[][] data = generate(new Random(SEED + 1), N, clustered, centres);
        float[][] queries = generate(new Random(SEED + 2), QUERIES, clustered, centres);
        float[][] warmup = generate(new Random(SEED + 3), Math.max(WARMUP, 1), clustered, centres);
        long tt = System.nanoTime();
        int[][] truth = IntStream.range(0, QUERIES).parallel().mapToObj(q -> exactTop(data, queries[q])).toArray(int[][]::new);
        double truthSeconds = secondsSince(tt);
        json.put("ground_truth_seconds", truthSeconds);
        log("[%s] exact top-%d of %d queries in the client: %.1f s", dataset, K, QUERIES, truthSeconds);

        String table = "hnsw_" + dataset;
        int tail = Math.max(1, N / 100);
        int head = N - tail;
        Map<String, Object> sbJson = new LinkedHashMap<>();
        Map<String, Object> pgJson = new LinkedHashMap<>();
        json.put("scratchbird", sbJson);
        json.put("postgresql", pgJson);

        try (Connection sb = Env.connect(Env.SB); Connection pg = PG ? Env.connect(Env.PG) : null) {
            // --- ScratchBird: load without the index --------------------------------------------------
            try (Statement s = sb.createStatement()) {
                dropQuietly(s, table);
                s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, emb VECTOR(" + DIMS + "))");
            }
            log("[%s] ScratchBird: inserting %,d rows without the HNSW index (batches of %d)", dataset, head, BATCH);
            sbJson.put("insert_no_index", insert(sb, "INSERT INTO " + table + " (id, emb) VALUES (?, ?)", data, 0, head,
                    dataset + " ScratchBird"));

            // --- PostgreSQL: load everything (same vectors), brute-force function ---------------------
            if (pg != null) {
                try (Statement s = pg.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                    s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, emb real[])");
                    // 4 bytes per element: kept inline (no TOAST, no compression attempt) while it fits a page.
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN emb SET STORAGE " + (DIMS <= 1900 ? "PLAIN" : "EXTERNAL"));
                    s.execute(PG_FUNCTION);
                }
                log("[%s] PostgreSQL: inserting %,d rows (batches of %d)", dataset, N, BATCH);
                pgJson.put("insert", insert(pg, "INSERT INTO " + table + " (id, emb) VALUES (?, ?)", data, 0, N,
                        dataset + " PostgreSQL"));
                try (Statement s = pg.createStatement()) {
                    long t = System.nanoTime();
                    s.execute("VACUUM ANALYZE " + table);
                    pgJson.put("vacuum_analyze_seconds", secondsSince(t));
                }
            }

            // --- ScratchBird: CREATE INDEX, graph build ------------------------------------------------
            sbJson.put("idle_before_create_index_seconds", waitIdle(dataset + " server idle before CREATE INDEX", null, 600, null).seconds);
            long tc = System.nanoTime();
            try (Statement s = sb.createStatement()) {
                s.execute("CREATE INDEX " + table + "_emb ON " + table + " USING HNSW (emb)");
            }
            double createSeconds = secondsSince(tc);
            sbJson.put("create_index_seconds", createSeconds);
            log("[%s] CREATE INDEX … USING HNSW: %.2f s", dataset, createSeconds);
            // Storage's own index on the column was just written: let any background work of storage
            // finish, so that the CPU watched below is the graph build's.
            sbJson.put("idle_after_create_index_seconds",
                    waitIdle(dataset + " server idle after CREATE INDEX", null, 600, null).seconds);

            String knnSql = "SELECT id FROM " + table + " ORDER BY l2_distance(emb, ?) LIMIT " + K;
            try (PreparedStatement knn = sb.prepareStatement(knnSql)) {
                setEf(sb, 100);
                long tb = System.nanoTime();
                double firstMs = timeQuery(knn, queries[0], null);
                sbJson.put("first_query_ms", firstMs);
                log("[%s] first L2 search (starts the graph build): %.1f ms", dataset, firstMs);
                Idle built = waitIdle(dataset + " L2 graph build", knn, BUILD_TIMEOUT, warmup);
                double buildSeconds = secondsBetween(tb, built.idleSinceNanos);
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("seconds", buildSeconds);
                b.put("vectors_per_second", head / buildSeconds);
                b.put("method", built.method);
                b.put("timed_out", built.timedOut);
                b.put("trace", built.trace);
                sbJson.put("graph_build", b);
                log("[%s] L2 graph build: %.1f s (%,.0f vectors/s)%s", dataset, buildSeconds, head / buildSeconds,
                        built.timedOut ? " — TIMED OUT, the graph may be incomplete" : "");

                // --- ScratchBird: the last 1 % with the index and graph present ------------------------
                log("[%s] ScratchBird: inserting the last %,d rows with the HNSW index present", dataset, tail);
                long ti = System.nanoTime();
                Map<String, Object> withIndex = insert(sb, "INSERT INTO " + table + " (id, emb) VALUES (?, ?)", data, head, N,
                        dataset + " ScratchBird (indexed)");
                Idle caught = waitIdle(dataset + " graph catching up with the new rows", knn, BUILD_TIMEOUT, warmup);
                double caughtSeconds = secondsBetween(ti, caught.idleSinceNanos);
                withIndex.put("graph_caught_up_seconds", caughtSeconds);
                withIndex.put("graph_caught_up_rows_per_second", tail / caughtSeconds);
                withIndex.put("graph_caught_up_timed_out", caught.timedOut);
                sbJson.put("insert_with_index", withIndex);
                log("[%s] graph caught up %.1f s after the first indexed insert (%,.0f rows/s)", dataset, caughtSeconds,
                        tail / caughtSeconds);

                // --- ScratchBird: recall and latency per ef_search -------------------------------------
                // JIT warm-up of client and server first (otherwise the first ef_search measured pays it).
                long tw = System.nanoTime();
                for (int i = 0; i < 10 * warmup.length; i++) {
                    timeQuery(knn, warmup[i % warmup.length], null);
                }
                sbJson.put("jit_warmup_queries", 10 * warmup.length);
                log("[%s] %d warm-up searches at ef_search=100: %.1f s", dataset, 10 * warmup.length, secondsSince(tw));
                List<Object> hnsw = new ArrayList<>();
                for (int ef : efs) {
                    setEf(sb, ef);
                    for (float[] w : warmup) {
                        timeQuery(knn, w, null);
                    }
                    double[] ms = new double[QUERIES];
                    double hits = 0;
                    for (int q = 0; q < QUERIES; q++) {
                        List<Integer> got = new ArrayList<>(K);
                        ms[q] = timeQuery(knn, queries[q], got);
                        hits += hits(got, truth[q]);
                    }
                    Map<String, Object> r = stats(ms);
                    r.put("ef_search", ef);
                    r.put("recall_at_10", hits / (QUERIES * (double) K));
                    hnsw.add(r);
                    log("[%s] HNSW ef_search=%d: recall@10 %.4f, p50 %.2f ms, p90 %.2f ms", dataset, ef,
                            r.get("recall_at_10"), r.get("p50_ms"), r.get("p90_ms"));
                }
                sbJson.put("hnsw", hnsw);
                setEf(sb, 100);
            }

            // --- ScratchBird exact scan: "+ 0" hides the distance from the index planner ------------------
            String exactSql = "SELECT id FROM " + table + " ORDER BY l2_distance(emb, ?) + 0 LIMIT " + K;
            try (PreparedStatement exact = sb.prepareStatement(exactSql)) {
                sbJson.put("exact_scan", fewQueries(dataset + " ScratchBird exact scan", exact, queries, warmup, truth));
            }

            // --- PostgreSQL brute force -----------------------------------------------------------------
            if (pg != null) {
                String pgSql = "SELECT id FROM " + table + " ORDER BY l2sq(emb, ?) LIMIT " + K;
                try (PreparedStatement brute = pg.prepareStatement(pgSql)) {
                    Map<String, Object> r = fewQueries(dataset + " PostgreSQL brute force", brute, queries, warmup, truth);
                    r.put("sql", pgSql);
                    r.put("function", PG_FUNCTION);
                    r.put("plan", explain(pg, "EXPLAIN " + pgSql, queries[0]));
                    pgJson.put("brute_force", r);
                }
                try (Statement s = pg.createStatement()) {
                    s.execute("DROP TABLE " + table);
                }
            }
            try (Statement s = sb.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
        }
        json.put("finished", Instant.now().toString());
        json.put("loadavg_end", loadavg());
        Path file = OUT.resolve("hnsw-" + dataset + ".json");
        Files.writeString(file, toJson(json, "") + "\n", StandardCharsets.UTF_8);
        log("[%s] written %s", dataset, file);
    }

    /**
     * PostgreSQL's fastest brute force found without extensions (pgvector is not packaged here): a
     * PL/pgSQL loop over the subscripts, squared L2 in double precision (the order is the same as
     * L2's). Measured against an SQL function over {@code unnest(a, b)} (≈ 15 % slower), the same
     * inline as a LATERAL subquery (≈ 60 % slower), {@code FOREACH} (≈ 35 % slower) and {@code float8[]}
     * storage (slower still); PostgreSQL runs it with its default parallel workers (Gather Merge, 2).
     */
    static final String PG_FUNCTION = "CREATE OR REPLACE FUNCTION l2sq(a real[], b real[]) RETURNS float8 "
            + "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ DECLARE s float8 := 0; d float8; "
            + "BEGIN FOR i IN 1 .. array_length(a, 1) LOOP d := a[i]::float8 - b[i]; s := s + d * d; END LOOP; "
            + "RETURN s; END $$";

    // --- measuring ---------------------------------------------------------------------------------------

    private static Map<String, Object> insert(Connection c, String sql, float[][] data, int from, int to, String label)
            throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long t = System.nanoTime();
        long lastLog = t;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = from; i < to; i++) {
                ps.setInt(1, i + 1);
                ps.setObject(2, data[i]);
                ps.addBatch();
                if ((i - from + 1) % BATCH == 0 || i == to - 1) {
                    ps.executeBatch();
                    c.commit();
                    if (System.nanoTime() - lastLog > 30e9) {
                        lastLog = System.nanoTime();
                        double s = secondsSince(t);
                        int done = i - from + 1;
                        log("  %s: %,d of %,d rows, %,.0f rows/s, ~%.0f s to go", label, done, to - from, done / s,
                                (to - from - done) * s / done);
                    }
                }
            }
        } finally {
            c.setAutoCommit(auto);
        }
        double seconds = secondsSince(t);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", to - from);
        r.put("seconds", seconds);
        r.put("rows_per_second", (to - from) / seconds);
        log("  %s: %,d rows in %.1f s = %,.0f rows/s", label, to - from, seconds, (to - from) / seconds);
        return r;
    }

    /** Milliseconds for one top-k query, the ids read into {@code ids} when given. */
    private static double timeQuery(PreparedStatement ps, float[] q, List<Integer> ids) throws SQLException {
        long a = System.nanoTime();
        ps.setObject(1, q);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int id = rs.getInt(1);
                if (ids != null) {
                    ids.add(id);
                }
            }
        }
        return (System.nanoTime() - a) / 1e6;
    }

    /** One warm-up query, then the first {@link #EXACT_QUERIES} queries (slow paths: exact scans). */
    private static Map<String, Object> fewQueries(String label, PreparedStatement ps, float[][] queries, float[][] warmup,
                                                  int[][] truth) throws SQLException {
        int n = Math.min(EXACT_QUERIES, queries.length);
        long t = System.nanoTime();
        double w = timeQuery(ps, warmup[0], null);
        log("[%s] warm-up query %.0f ms; %d timed queries ≈ %.0f s", label, w, n, n * w / 1000);
        double[] ms = new double[n];
        double hits = 0;
        for (int q = 0; q < n; q++) {
            List<Integer> got = new ArrayList<>(K);
            ms[q] = timeQuery(ps, queries[q], got);
            hits += hits(got, truth[q]);
        }
        Map<String, Object> r = stats(ms);
        r.put("recall_at_10", hits / (n * (double) K));
        r.put("warmup_ms", w);
        r.put("latencies_ms", ms);
        log("[%s] p50 %.1f ms over %d queries, recall@10 %.4f (%.0f s)", label, r.get("p50_ms"), n, r.get("recall_at_10"),
                secondsSince(t));
        return r;
    }

    private static Map<String, Object> stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("queries", s.length);
        r.put("p50_ms", percentile(s, 0.5));
        r.put("p90_ms", percentile(s, 0.9));
        r.put("mean_ms", Arrays.stream(s).average().orElse(Double.NaN));
        r.put("min_ms", s[0]);
        r.put("max_ms", s[s.length - 1]);
        return r;
    }

    /** Nearest-rank percentile of sorted values (the median of 5 is the 3rd). */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static int hits(List<Integer> got, int[] truth) {
        Set<Integer> t = new HashSet<>();
        for (int id : truth) {
            t.add(id);
        }
        int h = 0;
        for (Integer id : new HashSet<>(got)) {
            if (t.contains(id)) {
                h++;
            }
        }
        return h;
    }

    private static void setEf(Connection c, int ef) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET ef_search = " + ef);
        }
    }

    /** How a wait for the server to go idle ended. */
    private record Idle(long idleSinceNanos, double seconds, boolean timedOut, String method, List<Object> trace) {
    }

    private static Idle waitIdle(String label, PreparedStatement probe, double timeoutSeconds, float[][] probeQueries)
            throws Exception {
        long start = System.nanoTime();
        List<Object> trace = new ArrayList<>();
        if (SB_PID <= 0 || cpuTicks() < 0) {
            double wait = probe == null ? 0 : BUILD_WAIT;
            log("[%s] no server pid to watch: waiting a fixed %.0f s", label, wait);
            Thread.sleep((long) (wait * 1000));
            long now = System.nanoTime();
            return new Idle(now, secondsBetween(start, now), false, "fixed wait of " + wait + " s (no server pid)", trace);
        }
        float[][] pq = probeQueries == null ? new float[0][] : probeQueries;
        // A window is idle when the server used at most this many clock ticks in it (at least 1: tick rounding).
        long idleTicks = Math.max(1, Math.round(IDLE_CORES * POLL_SECONDS * CLK_TCK));
        int idleWindows = 0;
        long idleSince = 0;
        long lastProbe = 0;
        long lastLog = start;
        int probeRound = 0;
        while (true) {
            long c0 = cpuTicks();
            long w0 = System.nanoTime();
            Thread.sleep((long) (POLL_SECONDS * 1000));
            long c1 = cpuTicks();
            long w1 = System.nanoTime();
            double cores = (c1 - c0) / (double) CLK_TCK / ((w1 - w0) / 1e9);
            if (c1 - c0 <= idleTicks) {
                if (idleWindows++ == 0) {
                    idleSince = w0;
                }
                if (secondsBetween(idleSince, w1) >= IDLE_SECONDS) {
                    double s = secondsBetween(start, idleSince);
                    log("[%s] server idle (%.2f cores) after %.1f s", label, cores, s);
                    return new Idle(idleSince, s, false, "server process CPU at most " + idleTicks + " clock tick(s) per "
                            + POLL_SECONDS + " s window for " + IDLE_SECONDS + " s", trace);
                }
                continue;
            }
            idleWindows = 0;
            double elapsed = secondsSince(start);
            if (elapsed > timeoutSeconds) {
                log("[%s] still busy (%.2f cores) after %.0f s: giving up waiting", label, cores, elapsed);
                return new Idle(w1, elapsed, true, "timed out", trace);
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("t_s", Math.round(elapsed * 10) / 10.0);
            point.put("server_cores", Math.round(cores * 100) / 100.0);
            if (probe != null && pq.length > 0 && (w1 - lastProbe) / 1e9 >= PROBE_SECONDS) {
                lastProbe = w1;
                double[] ms = new double[3];
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = timeQuery(probe, pq[(probeRound * ms.length + i) % pq.length], null);
                }
                probeRound++;
                Arrays.sort(ms);
                point.put("probe_median_ms", Math.round(ms[1] * 100) / 100.0);
                trace.add(point);
            }
            if ((w1 - lastLog) / 1e9 >= 30) {
                lastLog = w1;
                log("[%s] %.0f s: server busy (%.2f cores)%s", label, elapsed, cores,
                        point.containsKey("probe_median_ms") ? String.format(Locale.ROOT, ", probe search %.1f ms",
                                (Double) point.get("probe_median_ms")) : "");
            }
        }
    }

    /** utime + stime of the server process in clock ticks, or -1 when it cannot be read. */
    private static long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + SB_PID + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String explain(Connection c, String sql, float[] q) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, q);
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
            return sb.toString().replaceAll("'\\{[^}]*}'", "'{…}'"); // the query vector's literal, elided
        } catch (SQLException e) {
            return "EXPLAIN failed: " + e.getMessage();
        }
    }

    // --- data -----------------------------------------------------------------------------------------

    /** Uniform floats in [0,1), or a random centre + 0.3·N(0,1) per coordinate. */
    static float[][] generate(Random r, int n, boolean clustered, float[][] centres) {
        int dims = centres[0].length;
        float[][] out = new float[n][dims];
        for (float[] v : out) {
            if (clustered) {
                float[] c = centres[r.nextInt(centres.length)];
                for (int j = 0; j < dims; j++) {
                    v[j] = c[j] + 0.3f * (float) r.nextGaussian();
                }
            } else {
                for (int j = 0; j < dims; j++) {
                    v[j] = r.nextFloat();
                }
            }
        }
        return out;
    }

    /** Ids (1-based row numbers) of the exact K nearest by L2, in double precision. */
    static int[] exactTop(float[][] data, float[] q) {
        double[] bestD = new double[K];
        int[] bestI = new int[K];
        Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        Arrays.fill(bestI, -1);
        for (int i = 0; i < data.length; i++) {
            float[] v = data[i];
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                double d = (double) q[j] - v[j];
                s += d * d;
            }
            if (s < bestD[K - 1]) {
                int p = K - 1;
                while (p > 0 && bestD[p - 1] > s) {
                    bestD[p] = bestD[p - 1];
                    bestI[p] = bestI[p - 1];
                    p--;
                }
                bestD[p] = s;
                bestI[p] = i + 1;
            }
        }
        return bestI;
    }

    // --- plumbing --------------------------------------------------------------------------------------

    private static void dropQuietly(Statement s, String table) {
        try {
            s.execute("DROP TABLE " + table);
        } catch (SQLException ignored) {
            // not there
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double secondsSince(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static double secondsBetween(long a, long b) {
        return (b - a) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "%s +%5.0fs  %s%n", LocalTime.now().format(CLOCK), secondsSince(T0),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** Minimal JSON for maps, lists, arrays of doubles, numbers, booleans and strings. */
    static String toJson(Object o, String indent) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?> m) {
            String in = indent + "  ";
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(in).append(quote(e.getKey().toString())).append(": ").append(toJson(e.getValue(), in));
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            return sb.append(indent).append('}').toString();
        }
        if (o instanceof List<?> l) {
            if (l.isEmpty()) {
                return "[]";
            }
            String in = indent + "  ";
            StringBuilder sb = new StringBuilder("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append(in).append(toJson(l.get(i), in)).append(i + 1 < l.size() ? ",\n" : "\n");
            }
            return sb.append(indent).append(']').toString();
        }
        if (o instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(toJson(a[i], indent));
            }
            return sb.append(']').toString();
        }
        if (o instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null"
                    : new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return quote(o.toString());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
