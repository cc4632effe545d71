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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** 10,000-row INSERT through one JDBC batch and one commit; PgJDBC both by default and with reWriteBatchedInserts. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchBench {

    @Param({Env.SB, Env.PG, Env.PG_REWRITE})
    public String side;

    private Connection c;
    private PreparedStatement insert;
    private Statement truncate;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        c = Env.connect(side);
        truncate = c.createStatement();
        insert = c.prepareStatement("INSERT INTO bench_batch (id, name, qty) VALUES (?, ?, ?)");
    }

    /** Not measured: an empty table before every batch. */
    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        truncate.execute("TRUNCATE TABLE bench_batch");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        c.close();
    }

    @Benchmark
    public int batchInsert10k() throws SQLException {
        c.setAutoCommit(false);
        try {
            for (int i = 1; i <= Env.ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, "batch-" + i);
                insert.setInt(3, i % 1000);
                insert.addBatch();
            }
            int n = insert.executeBatch().length;
            c.commit();
            return n;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
