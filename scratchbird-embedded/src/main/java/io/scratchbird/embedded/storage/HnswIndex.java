package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.VectorSearchPlan.Metric;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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
 * indexer). The log receives every vector any transaction writes (a row trigger, so also
 * uncommitted and later rolled-back ones) and the committed rows when the index is loaded; it is
 * therefore a superset of what any transaction can see, and callers must re-check candidates
 * against storage. Entries that are in the log but not yet in a graph are scanned exactly, so a
 * search never misses a row because the graph is behind.
 */
final class HnswIndex {

    /** Graph parameters: neighbours per node and the build beam. */
    static final int MAX_CONNECTIONS = 16;
    static final int BEAM_WIDTH = 100;

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
        this.schema = schema;
        this.table = table;
        this.column = column;
        this.primaryKey = primaryKey;
        this.indexName = indexName;
        this.triggerName = "sb_hnsw_" + indexName;
        this.indexer = indexer;
    }

    /** Adds a written vector (from the trigger or the initial load). Null and malformed vectors are skipped. */
    void append(Object key, float[] vector) {
        if (key == null || vector == null || closed) {
            return;
        }
        synchronized (appendLock) {
            if (dimension < 0) {
                dimension = vector.length;
            }
            if (vector.length != dimension) {
                return; // the column's domain fixes the dimension; a different one cannot be stored
            }
            if (!seen.add(key)) {
                versioned.add(key);
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
    record Candidate(Object key, double distance, boolean versioned) {
    }

    /**
     * Up to {@code ef} nearest log entries from the graph plus every entry the graph does not hold
     * yet, as distinct keys by increasing exact distance of their best entry.
     */
    List<Candidate> search(Metric metric, boolean maximize, float[] query, int ef) {
        searches.incrementAndGet();
        Graph g = graph(metric);
        int n = size;
        int[] ords = g.search(maximize ? query : negate(query, metric), ef);
        Map<Object, Candidate> best = new HashMap<>();
        for (int ord : ords) {
            consider(best, ord, metric, maximize, query);
        }
        int tailFrom = Math.min(g.indexed, n);
        if (tailFrom < n) {
            // not in the graph yet: keep the exact ef nearest of the tail
            int keep = Math.max(ef, 1);
            double[] dist = new double[n - tailFrom];
            Integer[] order = new Integer[n - tailFrom];
            float[][] v = vectors;
            for (int i = tailFrom; i < n; i++) {
                dist[i - tailFrom] = distance(metric, maximize, query, v[i]);
                order[i - tailFrom] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dist[a - tailFrom], dist[b - tailFrom]));
            for (int i = 0; i < Math.min(keep, order.length); i++) {
                consider(best, order[i], metric, maximize, query);
            }
        }
        List<Candidate> list = new ArrayList<>(best.values());
        list.sort((a, b) -> Double.compare(a.distance, b.distance));
        return list;
    }

    private void consider(Map<Object, Candidate> best, int ord, Metric metric, boolean maximize, float[] query) {
        Object key = keys[ord];
        double d = distance(metric, maximize, query, vectors[ord]);
        Candidate c = best.get(key);
        if (c == null || d < c.distance) {
            best.put(key, new Candidate(key, d, versioned.contains(key)));
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

    /** Orders like storage's functions: smaller is nearer. */
    static double distance(Metric metric, boolean maximize, float[] q, float[] v) {
        switch (metric) {
            case L2 -> {
                double sum = 0;
                for (int i = 0; i < q.length; i++) {
                    double d = (double) q[i] - v[i];
                    sum += d * d;
                }
                return sum;
            }
            case COSINE -> {
                double dot = 0;
                double nq = 0;
                double nv = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += (double) q[i] * v[i];
                    nq += (double) q[i] * q[i];
                    nv += (double) v[i] * v[i];
                }
                return nq == 0 || nv == 0 ? Double.MAX_VALUE : 1 - dot / Math.sqrt(nq * nv);
            }
            default -> {
                double dot = 0;
                for (int i = 0; i < q.length; i++) {
                    dot += (double) q[i] * v[i];
                }
                return maximize ? -dot : dot;
            }
        }
    }

    /** The graph of one metric over a prefix of the log, extended by the background indexer. */
    final class Graph {

        final Metric metric;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final VectorSimilarityFunction similarity;
        private RandomAccessVectorValues.Floats values;
        private HnswGraphBuilder builder;
        volatile int indexed;

        Graph(Metric metric) {
            this.metric = metric;
            this.similarity = switch (metric) {
                case L2 -> VectorSimilarityFunction.EUCLIDEAN;
                case COSINE -> VectorSimilarityFunction.COSINE;
                case INNER_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            };
        }

        /** The log as Lucene's vector values (once the dimension is known). */
        private RandomAccessVectorValues.Floats logValues() {
            boolean cosine = metric == Metric.COSINE;
            return RandomAccessVectorValues.fromFloats(new AbstractList<>() {
                @Override
                public float[] get(int i) {
                    float[] v = vectors[i];
                    return cosine ? nonZero(v) : v;
                }

                @Override
                public int size() {
                    return size;
                }
            }, dimension);
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
                            values = logValues();
                            builder = HnswGraphBuilder.create(DefaultFlatVectorScorer.INSTANCE
                                    .getRandomVectorScorerSupplier(similarity, values), MAX_CONNECTIONS, BEAM_WIDTH, 42L);
                        }
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
            schedule();
        }

        /** Log positions of the graph's {@code ef} nearest entries to {@code target}. */
        int[] search(float[] target, int ef) {
            lock.readLock().lock();
            try {
                if (builder == null || indexed == 0 || target.length != dimension) {
                    return new int[0];
                }
                float[] t = metric == Metric.COSINE ? nonZero(target) : target;
                RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(similarity, values, t);
                TopKnnCollector collector = new TopKnnCollector(ef, Integer.MAX_VALUE);
                HnswGraphSearcher.search(scorer, collector, builder.getGraph(), null);
                ScoreDoc[] docs = collector.topDocs().scoreDocs;
                int[] ords = new int[docs.length];
                for (int i = 0; i < docs.length; i++) {
                    ords[i] = docs[i].doc;
                }
                return ords;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Cosine is undefined for a zero vector (storage refuses it); the graph files one under a unit vector. */
    private static float[] nonZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return v;
            }
        }
        float[] unit = new float[v.length];
        unit[0] = 1;
        return unit;
    }
}
