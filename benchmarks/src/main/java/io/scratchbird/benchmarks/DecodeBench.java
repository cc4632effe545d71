package io.scratchbird.benchmarks;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Driver-only decode: the 10,000-row SELECT of {@link QueryBench#select10k} answered by a {@link Replay.Player}
 * from recorded bytes, with no server behind it. Recorded at setup through a {@link Replay.Recorder}: for
 * ScratchBird against an in-process embedded server with PASSWORD authentication (a SCRAM exchange cannot be
 * replayed: the client checks the server's proof against its fresh nonce), for PgJDBC against the PostgreSQL
 * cluster as the {@code bench_trust} role (trust authentication, same reason). Plaintext on both sides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBench {

    static final String QUERY = "SELECT id, name, qty, price, created FROM bench_rows";

    @Param({Env.SB, Env.PG})
    public String side;

    private Replay.Player player;
    private Connection c;
    private Statement st;

    @Setup(Level.Trial)
    public void record() throws Exception {
        EmbeddedScratchBird server = null;
        String host;
        int port;
        Properties p = new Properties();
        if (Env.SB.equals(side)) {
            server = EmbeddedScratchBird.builder().inMemory().port(0).plaintext().authMethod(1)
                    .user("bench", "bench").start();
            host = server.host();
            port = server.port();
            p.setProperty("user", "bench");
            p.setProperty("password", "bench");
            try (Connection load = DriverManager.getConnection(
                    "jdbc:scratchbird://" + host + ":" + port + "/default?sslmode=disable", p)) {
                fill(load);
            }
        } else {
            host = System.getProperty("bench.pg.host", "127.0.0.1");
            port = Integer.getInteger("bench.pg.port", 5432);
            p.setProperty("user", "bench_trust");
        }
        byte[] login;
        byte[] response;
        try (Replay.Recorder rec = new Replay.Recorder(host, port);
             Connection rc = DriverManager.getConnection(url(rec.port()), p);
             Statement s = rc.createStatement()) {
            int m0 = rec.mark();
            int[] marks = new int[4];
            for (int i = 0; i < 4; i++) {
                readAll(s, null);
                marks[i] = rec.mark();
            }
            login = rec.bytes(0, m0);
            response = rec.bytes(marks[2], marks[3]);
            int previous = marks[2] - marks[1];
            if (previous != response.length) {
                throw new IllegalStateException("responses are not steady: " + previous + " vs " + response.length + " bytes");
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        player = new Replay.Player(login, response);
        // The replayed login must be answered to the same credentials.
        c = DriverManager.getConnection(url(player.port()), p);
        st = c.createStatement();
        // Replay the warm-up executions the recording made, so the driver is in the recorded state.
        for (int i = 0; i < 4; i++) {
            if (readAll(st, null) != Env.ROWS) {
                throw new IllegalStateException("replay returned the wrong row count");
            }
        }
    }

    private String url(int port) {
        return Env.SB.equals(side)
                ? "jdbc:scratchbird://127.0.0.1:" + port + "/default?sslmode=disable"
                : "jdbc:postgresql://127.0.0.1:" + port + "/bench?sslmode=disable";
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the player does not answer TERMINATE
        }
        player.close();
    }

    /** Rows/s = 10,000 / this time. */
    @Benchmark
    public int decode10k(Blackhole bh) throws SQLException {
        return readAll(st, bh);
    }

    private static int readAll(Statement s, Blackhole bh) throws SQLException {
        int n = 0;
        try (ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                if (bh != null) {
                    QueryBench.readRow(rs, bh);
                } else {
                    rs.getString(2);
                }
                n++;
            }
        }
        return n;
    }

    private static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, name VARCHAR(40), qty INTEGER, "
                    + "price DOUBLE PRECISION, created TIMESTAMP)");
        }
        LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bench_rows (id, name, qty, price, created) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= Env.ROWS; i++) {
                ps.setInt(1, i);
                ps.setString(2, "name-" + i);
                ps.setInt(3, i % 1000);
                ps.setDouble(4, i * 1.25);
                ps.setTimestamp(5, Timestamp.valueOf(base.plusSeconds(i)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
    }
}
