package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.VectorSearchPlan.Metric;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.NeighborQueue;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One HNSW index: an append-only log of (primary key, vector) entries and, per metric, a Lucene
 * HNSW graph over the log built on first use by a query with that metric (lazily, by a background
 * indexer; nodes scored on 7-bit codes, {@link VectorQuantizer}). The log receives every vector any transaction writes (a row trigger, so also
 * uncommitted and later rolled-back ones) and the committed rows when the index is loaded; it is
 * therefore a superset of what any transaction can see, and callers must re-check candidates
 * against storage. Entries that are in the log but not yet in a graph are scanned exactly, so a
 * search never misses a row because the graph is behind.
 */
final class HnswIndex {

    /** Graph parameters: neighbours per node and the build beam (JVM system properties may change them). */
    static final int MAX_CONNECTIONS = Integer.getInteger("scratchbird.hnsw.m", 16);
    static final int BEAM_WIDTH = Integer.getInteger("scratchbird.hnsw.beam", 100);
    /** Below this many log entries no graph is built: an exact scan of the log is as fast. */
    static final int MIN_GRAPH_SIZE = 1024;
    /** Sampled nodes scored on every search, and how many of the nearest also start level 0. */
    static final int PIVOTS = 256;
    static final int SEEDS = 4;
    /**
     * A search whose breadth is at least 1/32 of the graph scans all the graph's codes instead:
     * measured at 100,000 × 768, a graph search at ef 3,200 took longer than a pass over every code.
     */
    static final int FLAT_SCAN_RATIO = 32;
    /** Nodes per slice of a parallel scan, at least. */
    static final int FLAT_SLICE = 16_384;

    final String schema;
    final String table;
    final String column;
    final String primaryKey;
    final String indexName;
    final String triggerName;

    private final Executor indexer;
    private final Object appendLock = new Object();
    private volatile Object[] keys = new Object[1024];
    private volatile float[][] vectors = new float[1024][];
    private volatile int size;
    private volatile int dimension = -1;
    /** Keys with more than one entry: their entries may hold different versions of the row. */
    private final Set<Object> seen = ConcurrentHashMap.newKeySet();
    private final Set<Object> versioned = ConcurrentHashMap.newKeySet();
    private final Map<Metric, Graph> graphs = new EnumMap<>(Metric.class);
    private volatile boolean closed;
    /** Searches served (for tests and the benchmark). */
    final java.util.concurrent.atomic.AtomicLong searches = new java.util.concurrent.atomic.AtomicLong();

    HnswIndex(String schema, String table, String column, String primaryKey, String indexName, Executor indexer) {
        this(schema, table, column, primaryKey, indexName, indexer, 0);
    }

    /** {@code generation}: 0 when loaded at start or CREATE INDEX, then one more per compaction (its own trigger). */
    HnswIndex(String schema, String table, String column, String primaryKey, String indexName, Executor indexer,
              int generation) {
        this.schema = schema;
        this.table = table;
        this.column = column;
        this.primaryKey = primaryKey;
        this.indexName = indexName;
        this.generation = generation;
        this.triggerName = triggerPrefix(indexName) + (generation == 0 ? "" : "_" + generation);
        this.indexer = indexer;
    }

    /** The name every trigger of an index starts with. */
    static String triggerPrefix(String indexName) {
        return "sb_hnsw_" + indexName;
    }

    final int generation;

    // ---------------------------------------------------------------- dead entries and compaction

    /** Logs smaller than this are never compacted: their dead entries cost little. */
    static final int COMPACT_MIN = 4 * MIN_GRAPH_SIZE;
    private final java.util.concurrent.atomic.AtomicLong deletes = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicBoolean compactionRequested = new AtomicBoolean();
    private volatile Runnable compaction;

    /** What to run (once) when half of the log or more is dead. */
    void onMostlyDead(Runnable compaction) {
        this.compaction = compaction;
        checkDead();
    }

    /** The compaction could not run: a later write may ask again. */
    void compactionFailed() {
        compactionRequested.set(false);
    }

    /** A row deleted (from the trigger; the delete may still roll back). */
    void deleted() {
        deletes.incrementAndGet();
        checkDead();
    }

    /**
     * Log entries that no longer stand for a row: superseded versions and deleted rows. An estimate
     * that errs high (rolled-back writes and deletes count too), which only brings a compaction forward.
     */
    long deadEntries() {
        return (long) size - seen.size() + deletes.get();
    }

    private void checkDead() {
        Runnable c = compaction;
        int n = size;
        if (c != null && n >= COMPACT_MIN && deadEntries() * 2 >= n && compactionRequested.compareAndSet(false, true)) {
            c.run();
        }
    }

    /** The metrics whose graphs exist (a compaction builds them again before it takes over). */
    List<Metric> metrics() {
        synchronized (graphs) {
            return new ArrayList<>(graphs.keySet());
        }
    }

    /** Adds a written vector (from the trigger or the initial load). Null and malformed vectors are skipped. */
    void append(Object key, float[] vector) {
        if (key == null || vector == null || closed) {
            return;
        }
        boolean superseded = false;
        synchronized (appendLock) {
            if (dimension < 0) {
                dimension = vector.length;
            }
            if (vector.length != dimension) {
                return; // the column's domain fixes the dimension; a different one cannot be stored
            }
            if (!seen.add(key)) {
                versioned.add(key);
                superseded = true;
            }
            int n = size;
            if (n == keys.length) {
                int capacity = n * 2;
                keys = Arrays.copyOf(keys, capacity);
                vectors = Arrays.copyOf(vectors, capacity);
            }
            keys[n] = key;
            vectors[n] = vector;
            size = n + 1;
        }
        List<Graph> current;
        synchronized (graphs) {
            current = new ArrayList<>(graphs.values());
        }
        for (Graph g : current) {
            g.schedule();
        }
        if (superseded) {
            checkDead();
        }
    }

    int size() {
        return size;
    }

    boolean isClosed() {
        return closed;
    }

    private volatile int keyPosition = -1;
    private volatile int vectorPosition = -1;

    /** Where the key and the vector are in the trigger's rows (refreshed after every DDL). */
    void positions(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(primaryKey)) {
                        keyPosition = rs.getInt(2) - 1;
                    }
                    if (rs.getString(1).equals(column)) {
                        vectorPosition = rs.getInt(2) - 1;
                    }
                }
            }
        }
    }

    /** A row written by INSERT or UPDATE (from the trigger): its vector is logged unless unchanged. */
    void appendRow(Object[] oldRow, Object[] newRow) {
        int k = keyPosition;
        int v = vectorPosition;
        if (k < 0 || v < 0 || k >= newRow.length || v >= newRow.length) {
            return;
        }
        Object vector = newRow[v];
        if (oldRow != null && java.util.Objects.equals(oldRow[k], newRow[k]) && java.util.Objects.equals(oldRow[v], vector)) {
            return;
        }
        append(newRow[k], vector == null ? null : VectorIndexes.parse(vector.toString()));
    }

    int dimension() {
        return dimension;
    }

    /** The logged vector of entry {@code ord}. */
    float[] vectorAt(int ord) {
        return vectors[ord];
    }

    /** How many log entries the graph of {@code metric} holds (0 when it does not exist yet). */
    int indexed(Metric metric) {
        synchronized (graphs) {
            Graph g = graphs.get(metric);
            return g == null ? 0 : g.indexed;
        }
    }

    /** Starts building the graph of {@code metric} if it does not exist. */
    Graph graph(Metric metric) {
        synchronized (graphs) {
            Graph g = graphs.get(metric);
            if (g == null) {
                g = new Graph(metric);
                graphs.put(metric, g);
                g.schedule();
            }
            return g;
        }
    }

    void close() {
        closed = true;
    }

    /** A candidate row: its key, the distance of its best log entry, and whether it has several entries. */
    record Candidate(Object key, int ord, double distance, boolean versioned) {
    }

    /**
     * Up to {@code ef} nearest log entries from the graph plus every entry the graph does not hold
     * yet, as distinct keys by increasing distance of their best entry: exact (float) for the
     * graph's first {@code exact} entries and the entries outside the graph; the graph's further
     * entries follow in the graph's order.
     */
    List<Candidate> search(Metric metric, boolean maximize, float[] query, int ef, int exact) {
        searches.incrementAndGet();
        Graph g = graph(metric);
        int n = size;
        Graph.Found graphResult = g.search(maximize ? query : negate(query, metric), ef);
        int[] found = graphResult.ords();
        // exact distances for the graph's first entries; the rest keep the graph's order after them
        Map<Object, Candidate> best = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
            int ord = found[i];
            consider(best, ord, i < exact ? distance(metric, maximize, query, vectors[ord]) : Double.POSITIVE_INFINITY);
        }
        // the entries the graph did not hold when it was searched (it grows meanwhile)
        int tailFrom = Math.min(graphResult.graphSize(), n);
        if (tailFrom < n) {
            // not in the graph yet: the exact ef nearest of the tail, kept in a bounded heap (the tail
            // is the whole log while a graph is built, so no sort of all of it per query)
            NeighborQueue nearest = new NeighborQueue(Math.max(ef, 1), false);
            float[][] v = vectors;
            for (int i = tailFrom; i < n; i++) {
                nearest.insertWithOverflow(i, (float) -distance(metric, maximize, query, v[i]));
            }
            while (nearest.size() > 0) {
                float score = nearest.topScore();
                consider(best, nearest.pop(), -score);
            }
        }
        List<Candidate> list = new ArrayList<>(best.values());
        list.sort((a, b) -> Double.compare(a.distance, b.distance)); // stable: equal distances keep the graph's order
        return list;
    }

    private void consider(Map<Object, Candidate> best, int ord, double d) {
        Object key = keys[ord];
        Candidate c = best.get(key);
        if (c == null || d < c.distance) {
            best.put(key, new Candidate(key, ord, d, versioned.contains(key)));
        }
    }

    /** For an inner product sorted ascending, the nearest are the largest inner products with -q. */
    private static float[] negate(float[] query, Metric metric) {
        if (metric != Metric.INNER_PRODUCT) {
            return query;
        }
        float[] q = new float[query.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = -query[i];
        }
        return q;
    }

    /**
     * Orders like storage's functions: smaller is nearer (float kernels: this ranks candidates;
     * storage's functions decide the final order).
     */
    static double distance(Metric metric, boolean maximize, float[] q, float[] v) {
        switch (metric) {
            case L2 -> {
                return VectorMath.squareDistance(q, v);
            }
            case COSINE -> {
                double nq = VectorMath.dot(q, q);
                double nv = VectorMath.dot(v, v);
                return nq == 0 || nv == 0 ? Double.MAX_VALUE : 1 - VectorMath.dot(q, v) / Math.sqrt(nq * nv);
            }
            default -> {
                double dot = VectorMath.dot(q, v);
                return maximize ? -dot : dot;
            }
        }
    }

    /**
     * The graph of one metric over a prefix of the log, extended by the background indexer. Its
     * nodes are scored on 7-bit codes ({@link VectorQuantizer}); it starts once the log holds
     * {@link #MIN_GRAPH_SIZE} entries (before that, searches scan the log exactly) and is rebuilt
     * on a refitted scale when many new elements fall outside the old one.
     */
    final class Graph {

        final Metric metric;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private VectorQuantizer quantizer;
        private int fittedAt;
        private byte[][] codes = new byte[0][];
        private HnswGraphBuilder builder;
        /** The rebuild that replaces this graph once it has caught up, if one is under way. */
        private Graph successor;
        volatile int indexed;

        Graph(Metric metric) {
            this.metric = metric;
        }

        void schedule() {
            if (!closed && indexed < size && scheduled.compareAndSet(false, true)) {
                indexer.execute(this::catchUp);
            }
        }

        /** Adds the log entries the graph lacks, one node per write lock so searches interleave. */
        private void catchUp() {
            try {
                while (!closed && indexed < size) {
                    lock.writeLock().lock();
                    try {
                        if (builder == null) {
                            int n = size;
                            if (n < MIN_GRAPH_SIZE) {
                                return; // small: searches scan the log exactly
                            }
                            quantizer = VectorQuantizer.fit(this::vector, n, dimension);
                            fittedAt = n;
                            builder = HnswGraphBuilder.create(new Scorers(), MAX_CONNECTIONS, BEAM_WIDTH, 42L);
                        }
                        if (indexed == codes.length) {
                            codes = Arrays.copyOf(codes, Math.max(1024, codes.length * 2));
                        }
                        codes[indexed] = quantizer.encode(vector(indexed));
                        builder.addGraphNode(indexed);
                        indexed++;
                    } finally {
                        lock.writeLock().unlock();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                scheduled.set(false);
            }
            caughtUp();
            schedule();
        }

        /** A rebuild that has caught up takes its predecessor's place; a drifted graph starts one. */
        private void caughtUp() {
            synchronized (graphs) {
                Graph current = graphs.get(metric);
                if (current != this && current != null && current.successor == this) {
                    graphs.put(metric, this);
                    return;
                }
                if (current == this && successor == null && indexed >= 2 * fittedAt
                        && quantizer != null && quantizer.clampedShare() > 0.01) {
                    successor = new Graph(metric);
                    successor.schedule();
                }
            }
        }

        /** Log positions found, nearest first, and how many log entries the graph held when searched. */
        record Found(int[] ords, int graphSize) {
        }

        /**
         * Log positions of the graph's {@code ef} nearest entries to {@code target}, nearest first.
         * Lucene's greedy descent through the upper levels picks one entry point for level 0; on
         * clustered data that point can lie in a part of the graph with no path to the query's
         * cluster, and the search then returns only far entries. So level 0 also starts from the
         * {@link #SEEDS} nearest of a fixed sample of nodes ({@link #pivots}).
         */
        Found search(float[] target, int ef) {
            lock.readLock().lock();
            try {
                if (builder == null || indexed == 0 || target.length != dimension) {
                    return new Found(new int[0], indexed);
                }
                Scorer scorer = new Scorer(target, indexed);
                if ((long) ef * FLAT_SCAN_RATIO >= indexed) {
                    return new Found(flatScan(scorer, ef), indexed);
                }
                OnHeapHnswGraph graph = builder.getGraph();
                HnswGraphSearcher searcher = new HnswGraphSearcher(new NeighborQueue(ef, true),
                        new FixedBitSet(graph.size()));
                int[] entry = {graph.entryNode()};
                for (int level = graph.numLevels() - 1; level >= 1; level--) {
                    entry = searcher.searchLevel(scorer, 1, level, entry, graph).popUntilNearestKNodes();
                }
                int[] seeds = seeds(scorer, entry);
                HnswGraphBuilder.GraphBuilderKnnCollector found = searcher.searchLevel(scorer, ef, 0, seeds, graph);
                int[] ords = new int[found.size()];
                for (int i = ords.length - 1; i >= 0; i--) {
                    ords[i] = found.popNode(); // the farthest first
                }
                return new Found(ords, indexed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.readLock().unlock();
            }
        }

        /**
         * The {@code ef} best nodes by score over all the codes, in order: for a breadth this large a
         * graph search reads as many vectors, scattered, and still misses some, where one pass over
         * the codes (a quarter of the floats, read in order) misses none. Large graphs are scanned in
         * slices on the common pool (the scan is bound by memory reads, which cores add up).
         */
        private int[] flatScan(Scorer scorer, int ef) {
            int n = indexed;
            int slices = (int) Math.min(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1L,
                    Math.max(1, n / FLAT_SLICE));
            NeighborQueue best;
            if (slices <= 1) {
                best = scan(scorer, ef, 0, n);
            } else {
                List<java.util.concurrent.CompletableFuture<NeighborQueue>> parts = new ArrayList<>();
                for (int i = 1; i < slices; i++) {
                    int from = (int) ((long) n * i / slices);
                    int to = (int) ((long) n * (i + 1) / slices);
                    parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> scan(scorer, ef, from, to)));
                }
                best = scan(scorer, ef, 0, n / slices); // this thread takes the first slice
                for (var part : parts) {
                    NeighborQueue q = part.join();
                    while (q.size() > 0) {
                        float score = q.topScore();
                        best.insertWithOverflow(q.pop(), score);
                    }
                }
            }
            int[] ords = new int[best.size()];
            for (int i = ords.length - 1; i >= 0; i--) {
                ords[i] = best.pop(); // the lowest score first
            }
            return ords;
        }

        private NeighborQueue scan(Scorer scorer, int ef, int from, int to) {
            NeighborQueue best = new NeighborQueue(ef, false);
            for (int node = from; node < to; node++) {
                best.insertWithOverflow(node, scorer.score(node));
            }
            return best;
        }

        /** {@code entry} and the {@link #SEEDS} nearest pivots, distinct. */
        private int[] seeds(Scorer scorer, int[] entry) {
            int[] sample = pivots();
            int count = Math.min(SEEDS, sample.length);
            int[] best = new int[count];
            float[] bestScore = new float[count];
            Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
            for (int node : sample) {
                float score = scorer.score(node);
                for (int i = 0; i < count; i++) {
                    if (score > bestScore[i]) {
                        System.arraycopy(best, i, best, i + 1, count - i - 1);
                        System.arraycopy(bestScore, i, bestScore, i + 1, count - i - 1);
                        best[i] = node;
                        bestScore[i] = score;
                        break;
                    }
                }
            }
            int[] seeds = Arrays.copyOf(entry, entry.length + count);
            int n = entry.length;
            for (int i = 0; i < count; i++) {
                if (bestScore[i] > Float.NEGATIVE_INFINITY && !contains(seeds, n, best[i])) {
                    seeds[n++] = best[i];
                }
            }
            return Arrays.copyOf(seeds, n);
        }

        private static boolean contains(int[] values, int length, int value) {
            for (int i = 0; i < length; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private int[] pivots = new int[0];

        /** Up to {@link #PIVOTS} nodes spread evenly over the graph, drawn again each time the graph doubles. */
        private int[] pivots() {
            int[] p = pivots;
            int n = indexed;
            if (p.length < Math.min(PIVOTS, n) && (p.length < PIVOTS || n >= 2 * pivotsDrawnAt)) {
                int count = Math.min(PIVOTS, n);
                p = new int[count];
                for (int i = 0; i < count; i++) {
                    p[i] = (int) ((long) i * n / count);
                }
                pivots = p;
                pivotsDrawnAt = n;
            }
            return p;
        }

        private int pivotsDrawnAt;

        /** The float vector this graph files log entry {@code ord} under (unit length for COSINE). */
        private float[] vector(int ord) {
            return metric == Metric.COSINE ? unitLength(vectors[ord]) : vectors[ord];
        }

        /**
         * Scores of one query (a search target, or a node being added) against graph nodes: Lucene's
         * similarity scores (higher is nearer, never negative) estimated from the nodes' codes:
         * 1/(1+d²) for L2, (1+cos)/2 for unit vectors, Lucene's scaling of the maximum inner product.
         */
        private final class Scorer implements RandomVectorScorer {
            private final float[] query;
            private final float sumOfQuery;
            /** For COSINE, 1/|q|: the query is scaled to unit length inside the score, not copied. */
            private final float inverseNorm;
            private final int maxOrd;

            /** {@code raw}: the log's vector or the search target, never modified. */
            Scorer(float[] raw, int maxOrd) {
                this.maxOrd = maxOrd;
                if (metric == Metric.L2) {
                    query = quantizer.scale(raw);
                    sumOfQuery = 0;
                    inverseNorm = 1;
                    return;
                }
                float norm = metric == Metric.COSINE ? (float) Math.sqrt(VectorMath.dot(raw, raw)) : 1;
                query = norm > 0 ? raw : unitLength(raw);
                sumOfQuery = VectorQuantizer.sum(query);
                inverseNorm = norm > 0 ? 1 / norm : 1;
            }

            @Override
            public float score(int node) {
                byte[] c = codes[node];
                return switch (metric) {
                    case L2 -> 1 / (1 + quantizer.squareDistance(query, c));
                    case COSINE -> Math.max((1 + quantizer.dot(query, sumOfQuery, c) * inverseNorm) / 2, 0);
                    case INNER_PRODUCT -> {
                        float dot = quantizer.dot(query, sumOfQuery, c);
                        yield dot < 0 ? 1 / (1 - dot) : dot + 1;
                    }
                };
            }

            @Override
            public int maxOrd() {
                return maxOrd;
            }
        }

        /** What the builder asks for: the scores of a node being added against the graph. */
        private final class Scorers implements RandomVectorScorerSupplier {
            @Override
            public RandomVectorScorer scorer(int ord) {
                return new Scorer(vectors[ord], size);
            }

            @Override
            public RandomVectorScorerSupplier copy() {
                return this; // stateless: every scorer reads the log
            }
        }
    }

    /** {@code v} scaled to unit length; a zero vector (storage refuses it for cosine) becomes a unit vector. */
    static float[] unitLength(float[] v) {
        double norm = Math.sqrt(VectorMath.dot(v, v));
        float[] unit = new float[v.length];
        if (norm == 0 || Double.isNaN(norm)) {
            unit[0] = 1;
            return unit;
        }
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }
}
