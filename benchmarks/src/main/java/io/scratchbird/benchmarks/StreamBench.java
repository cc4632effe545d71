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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Streams every row of {@code bench_stream} with {@code setFetchSize(1000)} (PgJDBC needs autocommit off to
 * use a cursor). run.sh gives this fork a small heap (-Xmx) so that buffering the whole result would fail;
 * the peak heap used per iteration (sum of heap pools' peaks after a reset) is appended to
 * {@code bench.out}/stream-heap.txt.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamBench {

    @Param({Env.SB, Env.PG})
    public String side;

    private Connection c;
    private PreparedStatement ps;
    private long maxPeak;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        c = Env.connect(side);
        c.setAutoCommit(false);
        ps = c.prepareStatement("SELECT id, name, qty FROM bench_stream");
        ps.setFetchSize(1000);
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    @TearDown(Level.Iteration)
    public void recordPeaks() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        maxPeak = Math.max(maxPeak, peak);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        c.close();
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out, "stream-heap.txt"),
                    side + " tls=" + (Env.tls() ? "on" : "off") + " peakHeapMiB=" + (maxPeak >> 20) + " maxHeapMiB="
                            + (Runtime.getRuntime().maxMemory() >> 20) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public long stream(Blackhole bh) throws SQLException {
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getInt(3));
                n++;
            }
        }
        c.commit();
        if (n != Env.STREAM_ROWS) {
            throw new IllegalStateException("streamed " + n + " rows, expected " + Env.STREAM_ROWS);
        }
        return n;
    }
}
