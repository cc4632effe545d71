package io.scratchbird.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/** Connection establishment: TCP (+ TLS when on) + authentication (SCRAM-SHA-256 on both sides) + close. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectBench {

    @Param({Env.SB, Env.PG})
    public String side;

    @Benchmark
    public boolean connect() throws SQLException {
        try (Connection c = Env.connect(side)) {
            return c.isClosed();
        }
    }
}
