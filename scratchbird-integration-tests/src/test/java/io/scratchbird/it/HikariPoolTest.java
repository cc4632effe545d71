package io.scratchbird.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HikariCP over ScratchBirdDataSource: validation by isValid, init SQL, leak detection, eviction and recovery. */
class HikariPoolTest {

    private static HikariConfig config(EmbeddedScratchBird server) {
        ScratchBirdDataSource ds = new ScratchBirdDataSource();
        ds.setServerName("localhost");
        ds.setPortNumber(server.port());
        ds.setDatabaseName(EmbeddedScratchBird.DEFAULT_DATABASE);
        ds.setUser(EmbeddedScratchBird.DEFAULT_USER);
        ds.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
        ds.setSslmode("disable");
        ds.setConnectTimeout(2);
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSource(ds);
        cfg.setPoolName("sb-test");
        cfg.setMaximumPoolSize(3);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(1_500);
        cfg.setValidationTimeout(1_000);
        cfg.setInitializationFailTimeout(-1);
        // no connectionTestQuery: Hikari validates with Connection.isValid (PING/PONG)
        cfg.setConnectionInitSql("set application_name = 'sb-pool'");
        cfg.setLeakDetectionThreshold(2_000);
        return cfg;
    }

    private static EmbeddedScratchBird plaintext(int port) {
        return EmbeddedScratchBird.builder().inMemory().plaintext().port(port).start();
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void poolsValidatesAndRunsTheInitSql() throws Exception {
        try (EmbeddedScratchBird server = plaintext(0); HikariDataSource pool = new HikariDataSource(config(server))) {
            for (int i = 0; i < 5; i++) {
                try (Connection c = pool.getConnection()) {
                    assertTrue(c.isValid(1));
                    assertEquals("1", scalar(c, "select 1"));
                    assertEquals("sb-pool", scalar(c, "show application_name"), "connectionInitSql ran");
                }
            }
            assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 3);
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
        }
    }

    @Test
    void aLeakedConnectionIsReportedNotBroken() throws Exception {
        try (EmbeddedScratchBird server = plaintext(0); HikariDataSource pool = new HikariDataSource(config(server))) {
            Connection leaked = pool.getConnection();
            Thread.sleep(2_500);   // past leakDetectionThreshold: Hikari logs a warning, nothing fails
            assertEquals("1", scalar(leaked, "select 1"));
            leaked.close();
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
            try (Connection c = pool.getConnection()) {
                assertEquals("2", scalar(c, "select 2"));
            }
        }
    }

    @Test
    void brokenConnectionsAreEvictedAndThePoolRecovers() throws Exception {
        EmbeddedScratchBird server = plaintext(0);
        int port = server.port();
        HikariDataSource pool = new HikariDataSource(config(server));
        try {
            Connection inUse = pool.getConnection();
            try (Connection other = pool.getConnection()) {
                assertEquals("1", scalar(other, "select 1"));
            }
            assertEquals("1", scalar(inUse, "select 1"));

            server.stop();
            // a connection in use fails with 08xxx, which makes Hikari evict it when it comes back
            SQLException broken = assertThrows(SQLException.class, () -> scalar(inUse, "select 2"));
            assertTrue(broken.getSQLState().startsWith("08"), broken.getSQLState());
            inUse.close();
            // idle connections fail isValid on borrow; no new one can be made while the server is down
            Thread.sleep(600);   // past Hikari's 500 ms alive-bypass window
            assertThrows(SQLException.class, pool::getConnection);

            server = plaintext(port);   // a new server on the same port
            assertEquals(port, server.port());
            try (Connection c = pool.getConnection()) {
                assertTrue(c.isValid(1));
                assertEquals("3", scalar(c, "select 3"));
                try (Statement s = c.createStatement()) {
                    s.execute("create table recovered (id integer)");
                    assertEquals(1, s.executeUpdate("insert into recovered values (1)"));
                }
            }
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
        } finally {
            pool.close();
            server.close();
        }
    }
}
