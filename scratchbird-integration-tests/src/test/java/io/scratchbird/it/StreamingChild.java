package io.scratchbird.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by {@link StreamingMemoryTest} in a child JVM with a small heap: streams a large result
 * with a fetch size and prints {@code rows=<count> sum=<sum>}. Arguments: JDBC URL, user,
 * password, autocommit ({@code true}/{@code false}), row count.
 */
public final class StreamingChild {

    private StreamingChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        p.setProperty("sslmode", "disable");
        boolean autoCommit = Boolean.parseBoolean(args[3]);
        long n = Long.parseLong(args[4]);
        long start = System.nanoTime();
        long rows = 0;
        long sum = 0;
        try (Connection c = DriverManager.getConnection(url, p)) {
            c.setAutoCommit(autoCommit);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("select x from system_range(1, " + n + ")")) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getLong(1);
                    }
                }
            }
            if (!autoCommit) {
                c.commit();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " millis=" + millis);
        System.out.println("rows=" + rows + " sum=" + sum);
        System.exit(0);
    }
}
