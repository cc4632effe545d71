package io.scratchbird.benchmarks;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** One connection per fork; each benchmark method is one operation of docs/performance.md. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBench {

    @Param({Env.SB, Env.PG})
    public String side;

    private Connection c;
    private PreparedStatement byPk;
    private PreparedStatement all;
    private PreparedStatement insert;
    private PreparedStatement debit;
    private PreparedStatement credit;
    private PreparedStatement history;
    private PreparedStatement knn;
    private final SplittableRandom random = new SplittableRandom(42);
    private long nextId;
    /** Rotated per call, so no result cache on either side can answer a repeated query. */
    private final String[] queryVectors = new String[64];
    private int nextVector;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        c = Env.connect(side);
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE bench_ins");
            s.execute("TRUNCATE TABLE bench_hist");
        }
        byPk = c.prepareStatement("SELECT id, name, qty, price, created FROM bench_rows WHERE id = ?");
        all = c.prepareStatement("SELECT id, name, qty, price, created FROM bench_rows");
        insert = c.prepareStatement("INSERT INTO bench_ins (id, name, qty) VALUES (?, ?, ?)");
        debit = c.prepareStatement("UPDATE bench_acct SET balance = balance - ? WHERE id = ?");
        credit = c.prepareStatement("UPDATE bench_acct SET balance = balance + ? WHERE id = ?");
        history = c.prepareStatement("INSERT INTO bench_hist (id, acct, delta) VALUES (?, ?, ?)");
        knn = c.prepareStatement(Env.SB.equals(side)
                ? "SELECT id FROM bench_vec ORDER BY l2_distance(embedding, vector(?)) LIMIT 10"
                : "SELECT id FROM bench_vec ORDER BY l2_distance(embedding, ?::real[]) LIMIT 10");
        for (int i = 0; i < queryVectors.length; i++) {
            queryVectors[i] = Env.vectorText(side, 987_654_321L + i, Env.DIMS);
        }
        nextId = 1;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        c.close();
    }

    /** 1-row SELECT by primary key, prepared once, executed with a random key. */
    @Benchmark
    public void selectByPk(Blackhole bh) throws SQLException {
        byPk.setInt(1, 1 + random.nextInt(Env.ROWS));
        try (ResultSet rs = byPk.executeQuery()) {
            while (rs.next()) {
                readRow(rs, bh);
            }
        }
    }

    /** Every column of 10,000 rows. */
    @Benchmark
    public int select10k(Blackhole bh) throws SQLException {
        int n = 0;
        try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                readRow(rs, bh);
                n++;
            }
        }
        return n;
    }

    /** One INSERT in autocommit mode. */
    @Benchmark
    public int insertAutocommit() throws SQLException {
        long id = nextId++;
        insert.setLong(1, id);
        insert.setString(2, "row-" + id);
        insert.setInt(3, (int) (id % 1000));
        return insert.executeUpdate();
    }

    /** UPDATE, UPDATE, INSERT, COMMIT. */
    @Benchmark
    public void transaction3() throws SQLException {
        int from = 1 + random.nextInt(Env.ACCOUNTS);
        int to = 1 + random.nextInt(Env.ACCOUNTS);
        long id = nextId++;
        c.setAutoCommit(false);
        try {
            debit.setLong(1, 5);
            debit.setInt(2, from);
            debit.executeUpdate();
            credit.setLong(1, 5);
            credit.setInt(2, to);
            credit.executeUpdate();
            history.setLong(1, id);
            history.setInt(2, from);
            history.setLong(3, -5);
            history.executeUpdate();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Exact top-10 by L2 distance over all vectors (no index on either side). */
    @Benchmark
    public void vectorTop10(Blackhole bh) throws SQLException {
        knn.setString(1, queryVectors[nextVector++ & (queryVectors.length - 1)]);
        try (ResultSet rs = knn.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
            }
        }
    }

    static void readRow(ResultSet rs, Blackhole bh) throws SQLException {
        bh.consume(rs.getInt(1));
        bh.consume(rs.getString(2));
        bh.consume(rs.getInt(3));
        bh.consume(rs.getDouble(4));
        bh.consume(rs.getTimestamp(5));
    }
}
