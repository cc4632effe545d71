package io.scratchbird.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdDataSource;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, load: 500 concurrent connections from a HikariCP pool run a mixed read/write workload
 * against the embedded server (TLS, SCRAM) for a bounded time ({@code -Dsb.load.seconds}, 15 s by
 * default; {@code -Dsb.load.connections} to change the 500). Checked: zero errors; no lost update
 * under the advertised READ COMMITTED isolation (every acknowledged increment, single-statement or
 * in a two-statement transaction, is in the final counters, and every acknowledged transaction's
 * log row is there); no leaked server sessions, session threads, other threads or file
 * descriptors (sockets) once the pool is closed. p50/p99 latency is printed, not asserted.
 */
class LoadTest {

    private static final int ROWS = 100;

    private static int sessionThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sbwp-session")
                || t.getName().startsWith("sbwp-reader")).count();
    }

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;   // -1: not Linux, not counted
    }

    @Test
    void fiveHundredPooledConnectionsMixedWorkload() throws Exception {
        int connections = Integer.getInteger("sb.load.connections", 500);
        int seconds = Integer.getInteger("sb.load.seconds", 15);
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().inMemory().port(0).maxConnections(connections + 10).start()) {
            try (Connection c = Servers.connect(server); Statement s = c.createStatement()) {
                s.execute("create table counters (id integer primary key, n bigint not null)");
                s.execute("create table txlog (worker integer, seq integer, primary key (worker, seq))");
                for (int i = 0; i < ROWS; i++) {
                    s.execute("insert into counters values (" + i + ", 0)");
                }
            }
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.activeSessions() > 0 && System.nanoTime() < settle) {
                Thread.sleep(20);
            }
            int threadsBefore = Thread.activeCount();
            int sessionThreadsBefore = sessionThreads();
            int fdsBefore = openFileDescriptors();
            int sessionsBefore = server.activeSessions();

            ScratchBirdDataSource ds = new ScratchBirdDataSource();
            ds.setServerName("localhost");
            ds.setPortNumber(server.port());
            ds.setDatabaseName(EmbeddedScratchBird.DEFAULT_DATABASE);
            ds.setUser(EmbeddedScratchBird.DEFAULT_USER);
            ds.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
            ds.setSslmode("verify-full");
            ds.setSslrootcert(server.certificatePem());
            ds.setSocketTimeout(120);
            HikariConfig cfg = new HikariConfig();
            cfg.setDataSource(ds);
            cfg.setPoolName("sb-load");
            cfg.setMaximumPoolSize(connections);
            cfg.setMinimumIdle(connections);
            cfg.setConnectionTimeout(120_000);
            cfg.setInitializationFailTimeout(-1);

            AtomicLongArray acknowledged = new AtomicLongArray(ROWS);
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<long[]> latencies = new ArrayList<>();
            int[] committedTxns = new int[connections];
            long reads = 0;
            try (HikariDataSource pool = new HikariDataSource(cfg)) {
                List<Connection> warm = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    warm.add(pool.getConnection());   // all 500 open at once
                }
                assertEquals(connections, server.activeSessions() - sessionsBefore, "every pooled connection is a server session");
                for (Connection c : warm) {
                    c.close();
                }
                CountDownLatch go = new CountDownLatch(1);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                List<Thread> workers = new ArrayList<>();
                long[][] perWorker = new long[connections][];
                long[] readCounts = new long[connections];
                for (int w = 0; w < connections; w++) {
                    final int worker = w;
                    Thread t = new Thread(() -> {
                        long[] lat = new long[4096];
                        int n = 0;
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        try {
                            go.await();
                            while (System.nanoTime() < end) {
                                int id = r.nextInt(ROWS);
                                int op = r.nextInt(10);
                                long t0 = System.nanoTime();
                                try (Connection c = pool.getConnection()) {
                                    if (op < 6) {
                                        try (PreparedStatement ps = c.prepareStatement("select n from counters where id = ?")) {
                                            ps.setInt(1, id);
                                            try (ResultSet rs = ps.executeQuery()) {
                                                if (!rs.next()) {
                                                    throw new AssertionError("row " + id + " missing");
                                                }
                                            }
                                        }
                                        readCounts[worker]++;
                                    } else if (op < 9) {
                                        try (PreparedStatement ps = c.prepareStatement("update counters set n = n + 1 where id = ?")) {
                                            ps.setInt(1, id);
                                            assertEquals(1, ps.executeUpdate());
                                        }
                                        acknowledged.incrementAndGet(id);
                                    } else {
                                        c.setAutoCommit(false);
                                        try (PreparedStatement up = c.prepareStatement("update counters set n = n + 1 where id = ?");
                                             PreparedStatement log = c.prepareStatement("insert into txlog values (?, ?)")) {
                                            up.setInt(1, id);
                                            assertEquals(1, up.executeUpdate());
                                            log.setInt(1, worker);
                                            log.setInt(2, committedTxns[worker] + 1);
                                            assertEquals(1, log.executeUpdate());
                                            c.commit();
                                        } finally {
                                            c.setAutoCommit(true);
                                        }
                                        committedTxns[worker]++;
                                        acknowledged.incrementAndGet(id);
                                    }
                                }
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = System.nanoTime() - t0;
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                        perWorker[worker] = Arrays.copyOf(lat, n);
                    }, "load-" + w);
                    workers.add(t);
                    t.start();
                }
                go.countDown();
                for (Thread t : workers) {
                    t.join(TimeUnit.SECONDS.toMillis(seconds + 120));
                    assertTrue(!t.isAlive(), "a worker is stuck: " + t.getName());
                }
                latencies.addAll(Arrays.asList(perWorker));
                reads = Arrays.stream(readCounts).sum();
                assertEquals(List.of(), errors.stream().map(String::valueOf).limit(5).toList(), "errors under load");

                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select id, n from counters order by id")) {
                    int rows = 0;
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        assertEquals(acknowledged.get(id), rs.getLong(2), "lost or phantom update on counter " + id);
                        rows++;
                    }
                    assertEquals(ROWS, rows);
                    long logged = Queries.longValue(c, "select count(*) from txlog");
                    assertEquals(Arrays.stream(committedTxns).asLongStream().sum(), logged, "acknowledged transactions in the log");
                }
            }
            long[] all = latencies.stream().filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
            long writes = 0;
            for (int i = 0; i < ROWS; i++) {
                writes += acknowledged.get(i);
            }
            System.out.printf("LoadTest: %d connections, %d s, %d operations (%d reads, %d writes, %d transactions), "
                            + "%.0f ops/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", connections, seconds, all.length, reads, writes,
                    Arrays.stream(committedTxns).sum(), all.length / (double) seconds, all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);

            // Leak check: the pool is closed; everything it opened must be gone.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((server.activeSessions() != sessionsBefore || sessionThreads() > sessionThreadsBefore)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(sessionsBefore, server.activeSessions(), "server sessions left open");
            assertEquals(sessionThreadsBefore, sessionThreads(), "server session/reader threads left running");
            int threadsAfter = Thread.activeCount();
            int fdsAfter = openFileDescriptors();
            System.out.printf("LoadTest: threads %d -> %d, file descriptors %d -> %d, server sessions %d -> %d%n",
                    threadsBefore, threadsAfter, fdsBefore, fdsAfter, sessionsBefore, server.activeSessions());
            assertTrue(threadsAfter <= threadsBefore + 8, "threads leaked: " + threadsBefore + " -> " + threadsAfter);
            if (fdsBefore >= 0) {
                assertTrue(fdsAfter <= fdsBefore + 8, "file descriptors (sockets) leaked: " + fdsBefore + " -> " + fdsAfter);
            }
        }
    }
}
