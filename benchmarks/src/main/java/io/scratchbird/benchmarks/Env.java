package io.scratchbird.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the two servers are, from system properties that {@code benchmarks/run.sh} passes to every
 * JMH fork: {@code bench.sb.host/port}, {@code bench.pg.host/port}, {@code bench.tls} (on/off),
 * user and password of each side. Both sides always run with the same TLS setting.
 */
final class Env {

    static final String SB = "scratchbird";
    static final String PG = "postgresql";
    /** PgJDBC with {@code reWriteBatchedInserts=true} (only the batch benchmark uses it). */
    static final String PG_REWRITE = "postgresql-rewrite";

    static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    static final int STREAM_ROWS = Integer.getInteger("bench.streamRows", 1_000_000);
    static final int VECTORS = Integer.getInteger("bench.vectors", 10_000);
    static final int DIMS = Integer.getInteger("bench.dims", 768);
    static final int ACCOUNTS = 1_000;

    private Env() {
    }

    static boolean tls() {
        return "on".equals(System.getProperty("bench.tls", "off"));
    }

    static String url(String side) {
        return url(side, tls());
    }

    static String url(String side, boolean tls) {
        String ssl = tls ? "require" : "disable";
        if (SB.equals(side)) {
            return "jdbc:scratchbird://" + System.getProperty("bench.sb.host", "127.0.0.1") + ":"
                    + System.getProperty("bench.sb.port", "3092") + "/default?sslmode=" + ssl;
        }
        String url = "jdbc:postgresql://" + System.getProperty("bench.pg.host", "127.0.0.1") + ":"
                + System.getProperty("bench.pg.port", "5432") + "/bench?sslmode=" + ssl;
        if (PG_REWRITE.equals(side)) {
            url += "&reWriteBatchedInserts=true";
        }
        return url;
    }

    static Properties props(String side) {
        Properties p = new Properties();
        if (SB.equals(side)) {
            p.setProperty("user", System.getProperty("bench.sb.user", "sysdba"));
            p.setProperty("password", System.getProperty("bench.sb.password", "masterkey"));
        } else {
            p.setProperty("user", System.getProperty("bench.pg.user", "bench"));
            p.setProperty("password", System.getProperty("bench.pg.password", "bench"));
        }
        return p;
    }

    static Connection connect(String side) throws SQLException {
        return DriverManager.getConnection(url(side), props(side));
    }

    /** The vector literal for row {@code id} (deterministic), in the side's text syntax. */
    static String vectorText(String side, long seed, int dims) {
        StringBuilder sb = new StringBuilder(dims * 8);
        sb.append(SB.equals(side) ? '[' : '{');
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < dims; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            float f = ((x >>> 40) & 0xFFFF) / 65536f;
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Math.round(f * 10000) / 10000f);
        }
        sb.append(SB.equals(side) ? ']' : '}');
        return sb.toString();
    }
}
