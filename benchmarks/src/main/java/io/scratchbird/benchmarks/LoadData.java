package io.scratchbird.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Creates and fills the benchmark tables on one side with the same data:
 * {@code java -cp benchmarks.jar -Dbench.…=… io.scratchbird.benchmarks.LoadData scratchbird|postgresql}.
 */
public final class LoadData {

    private LoadData() {
    }

    public static void main(String[] args) throws Exception {
        String side = args[0];
        long t0 = System.nanoTime();
        try (Connection c = DriverManager2.connect(side)) {
            boolean sb = Env.SB.equals(side);
            try (Statement s = c.createStatement()) {
                for (String t : new String[] {"bench_rows", "bench_stream", "bench_vec", "bench_ins", "bench_batch",
                        "bench_acct", "bench_hist"}) {
                    try {
                        s.execute("DROP TABLE " + t);
                    } catch (SQLException ignored) {
                        // not there yet
                    }
                }
                s.execute("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, name VARCHAR(40), qty INTEGER, "
                        + "price DOUBLE PRECISION, created TIMESTAMP)");
                s.execute("CREATE TABLE bench_stream (id INTEGER PRIMARY KEY, name VARCHAR(40), qty INTEGER)");
                s.execute("CREATE TABLE bench_vec (id INTEGER PRIMARY KEY, embedding "
                        + (sb ? "VECTOR(" + Env.DIMS + ")" : "REAL[]") + ")");
                if (!sb) {
                    // inline and uncompressed: a TOASTed 768-element array costs PostgreSQL ~3x per row
                    s.execute("ALTER TABLE bench_vec ALTER COLUMN embedding SET STORAGE PLAIN");
                }
                s.execute("CREATE TABLE bench_ins (id BIGINT PRIMARY KEY, name VARCHAR(40), qty INTEGER)");
                s.execute("CREATE TABLE bench_batch (id BIGINT PRIMARY KEY, name VARCHAR(40), qty INTEGER)");
                s.execute("CREATE TABLE bench_acct (id INTEGER PRIMARY KEY, balance BIGINT)");
                s.execute("CREATE TABLE bench_hist (id BIGINT PRIMARY KEY, acct INTEGER, delta BIGINT)");
                if (!sb) {
                    // pgvector is not packaged here: a distance function over real[] (float4, as a vector),
                    // the fastest form found: a PL/pgSQL subscript loop (an SQL function over unnest(a, b)
                    // took 1.2-3 times as long; see "HNSW vector index" in docs/performance.md).
                    s.execute("CREATE OR REPLACE FUNCTION l2_distance(a real[], b real[]) RETURNS float8 "
                            + "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$ DECLARE s float8 := 0; "
                            + "d float8; BEGIN FOR i IN 1 .. array_length(a, 1) LOOP d := a[i]::float8 - b[i]; "
                            + "s := s + d * d; END LOOP; RETURN sqrt(s); END $$");
                }
            }
            c.setAutoCommit(false);
            LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_stream (id, name, qty) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= Env.STREAM_ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "stream-row-" + i);
                    ps.setInt(3, i % 997);
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement(sb
                    ? "INSERT INTO bench_vec (id, embedding) VALUES (?, vector(?))"
                    : "INSERT INTO bench_vec (id, embedding) VALUES (?, ?::real[])")) {
                for (int i = 1; i <= Env.VECTORS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, Env.vectorText(side, i, Env.DIMS));
                    ps.addBatch();
                    if (i % 500 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_acct (id, balance) VALUES (?, ?)")) {
                for (int i = 1; i <= Env.ACCOUNTS; i++) {
                    ps.setInt(1, i);
                    ps.setLong(2, 1_000_000);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            if (!sb) {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
        }
        System.out.printf("loaded %s: %d rows, %d stream rows, %d x %d vectors in %.1f s%n", side, Env.ROWS,
                Env.STREAM_ROWS, Env.VECTORS, Env.DIMS, (System.nanoTime() - t0) / 1e9);
    }

    /** Loading always goes over plaintext (the data is the same for both TLS passes). */
    private static final class DriverManager2 {
        static Connection connect(String side) throws SQLException {
            return java.sql.DriverManager.getConnection(Env.url(side, false), Env.props(side));
        }
    }
}
