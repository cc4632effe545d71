package io.scratchbird.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network faults between the driver and the embedded server, injected by a {@link FaultProxy}:
 * the driver fails with the right 08xxx exception instead of hanging, never reports a commit it
 * could not confirm, HikariCP evicts broken connections and recovers, and the server rolls back
 * and releases the locks of clients that vanish mid-transaction.
 *
 * <p>{@code assertTimeoutPreemptively} bounds are hang guards (generous multiples of the
 * configured timeouts), not latency assertions.
 */
class FaultInjectionTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private EmbeddedScratchBird server;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedScratchBird.builder().inMemory().port(0).start();
        proxy = new FaultProxy(server.port());
        try (Connection c = Servers.connect(server); Statement s = c.createStatement()) {
            s.execute("create table acct (id integer primary key, v integer)");
            s.execute("insert into acct values (1, 0), (2, 0)");
        }
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    private Connection viaProxy(int socketTimeoutSeconds) throws SQLException {
        Properties p = Servers.login(server);
        p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        p.setProperty("connectTimeout", "3");
        p.setProperty("loginTimeout", "5");
        return DriverManager.getConnection("jdbc:scratchbird://localhost:" + proxy.port() + "/default", p);
    }

    private long value(int id) throws SQLException {
        try (Connection c = Servers.connect(server)) {
            return Queries.longValue(c, "select v from acct where id = " + id);
        }
    }

    private static void assertBroken(SQLException e, Class<? extends SQLException> expected) {
        assertInstanceOf(expected, e, () -> e.getClass().getName() + " " + e.getSQLState() + ": " + e.getMessage());
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + ": " + e.getMessage());
    }

    @Test
    void delayedTrafficWithinTheTimeoutsStillWorks() throws Exception {
        try (Connection c = viaProxy(5)) {
            proxy.delay(150);
            assertEquals(7, Queries.longValue(c, "select 7"));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update acct set v = 5 where id = 1");
            }
            c.commit();
            proxy.delay(0);
        }
        assertEquals(5, value(1));
    }

    @Test
    void aResetConnectionFailsTheNextStatementWith08006() throws Exception {
        try (Connection c = viaProxy(0)) {
            assertEquals(1, Queries.longValue(c, "select 1"));
            proxy.resetAll();
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(SQLException.class, () -> Queries.longValue(c, "select 2")));
            assertBroken(e, SQLTransientConnectionException.class);
            assertEquals("08006", e.getSQLState());
            assertTrue(c.isClosed());
            assertBroken(assertThrows(SQLException.class, () -> c.createStatement()), SQLNonTransientConnectionException.class);
        }
    }

    @Test
    void aHalfOpenConnectionTimesOutInsteadOfHanging() throws Exception {
        try (Connection c = viaProxy(2)) {
            assertEquals(1, Queries.longValue(c, "select 1"));
            proxy.blackhole(true);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(SQLException.class, () -> Queries.longValue(c, "select 2")));
            assertBroken(e, SQLTransientConnectionException.class);
            assertTrue(c.isClosed(), "a connection whose reply never came cannot be reused");
        }
    }

    @Test
    void aCommitLostInAHalfOpenConnectionIsNeverReportedAsSuccess() throws Exception {
        try (Connection c = viaProxy(2)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update acct set v = 11 where id = 1");
            }
            proxy.blackhole(true);
            SQLException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(SQLException.class, c::commit));
            assertBroken(e, SQLTransientConnectionException.class);
        }
        proxy.resetAll();
        // The commit never reached the server (the proxy held it): once the server notices the
        // connection is gone it rolls back, and the row keeps its old value.
        assertEquals(0, value(1));
    }

    @Test
    void aCommitWhoseAcknowledgementIsCutMidFrameIsNotReportedAsSuccess() throws Exception {
        try (Connection c = viaProxy(5)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update acct set v = 12 where id = 2");
            }
            proxy.truncateDownstreamAfter(9);   // a few bytes of the TLS record carrying the reply, then FIN
            SQLException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(SQLException.class, c::commit));
            assertBroken(e, SQLTransientConnectionException.class);
            assertTrue(c.isClosed());
        }
        // The server did commit: the driver could not confirm it and said so, rather than guessing.
        assertEquals(12, value(2));
    }

    @Test
    void theServerRollsBackAndReleasesTheLocksOfAClientThatVanishes() throws Exception {
        try (Connection vanishing = viaProxy(0); Connection other = Servers.connect(server)) {
            vanishing.setAutoCommit(false);
            try (Statement s = vanishing.createStatement()) {
                s.executeUpdate("update acct set v = 99 where id = 1");   // holds the row lock
            }
            proxy.resetAll();                                             // the client is gone
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                try (PreparedStatement ps = other.prepareStatement("update acct set v = v + 1 where id = ?")) {
                    ps.setInt(1, 1);
                    assertEquals(1, ps.executeUpdate());                  // the lock was released
                }
            });
            assertEquals(1, value(1), "the vanished client's update was rolled back, not committed");
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            while (server.activeSessions() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, server.activeSessions(), "the vanished client's session was closed");
        }
    }

    @Test
    void aHalfOpenClientIdleInATransactionIsRolledBackAfterTheIdleTimeout() throws Exception {
        // The client vanishes without FIN or RST (the proxy swallows everything and keeps both
        // sockets open): only the server's idle-in-transaction timeout can free its locks.
        try (EmbeddedScratchBird short_ = EmbeddedScratchBird.builder().inMemory().port(0)
                .idleInTransactionTimeout(Duration.ofSeconds(1)).start();
             FaultProxy halfOpen = new FaultProxy(short_.port());
             Connection other = Servers.connect(short_)) {
            try (Statement s = other.createStatement()) {
                s.execute("create table held (id integer primary key, v integer)");
                s.execute("insert into held values (1, 0)");
            }
            Properties p = Servers.login(short_);
            p.setProperty("socketTimeout", "0");
            Connection vanishing = DriverManager.getConnection("jdbc:scratchbird://localhost:" + halfOpen.port() + "/default", p);
            try {
                vanishing.setAutoCommit(false);
                try (Statement s = vanishing.createStatement()) {
                    s.executeUpdate("update held set v = 99 where id = 1");     // holds the row lock
                }
                halfOpen.blackhole(true);                                          // half-open from now on
                assertEquals(2, short_.activeSessions());
                long deadline = System.nanoTime() + HANG_GUARD.toNanos();
                while (short_.activeSessions() > 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(1, short_.activeSessions(), "the half-open session was ended by the idle timeout");
                assertTimeoutPreemptively(HANG_GUARD, () -> {
                    try (PreparedStatement ps = other.prepareStatement("update held set v = v + 1 where id = ?")) {
                        ps.setInt(1, 1);
                        assertEquals(1, ps.executeUpdate());                      // the lock is free
                    }
                });
                assertEquals(1, Queries.longValue(other, "select v from held where id = 1"),
                        "the vanished client's update was rolled back");
            } finally {
                halfOpen.resetAll();
                vanishing.close();
            }
        }
    }

    @Test
    void aDriverConnectionEndedByTheIdleTimeoutFailsItsNextStatementAndIsClosed() throws Exception {
        try (EmbeddedScratchBird short_ = EmbeddedScratchBird.builder().inMemory().port(0)
                .idleInTransactionTimeout(Duration.ofMillis(500)).start();
             Connection c = Servers.connect(short_)) {
            c.setAutoCommit(false);
            assertEquals(1, Queries.longValue(c, "select 1"));
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            while (short_.activeSessions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, short_.activeSessions());
            SQLException e = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(SQLException.class, () -> Queries.longValue(c, "select 2")));
            assertTrue("25P03".equals(e.getSQLState()) || e.getSQLState().startsWith("08"),
                    e.getSQLState() + ": " + e.getMessage());
            assertTrue(c.isClosed(), "the connection reports itself closed");
        }
    }

    @Test
    void hikariEvictsBrokenConnectionsAndRecoversWhenTheServerIsReachableAgain() throws Exception {
        ScratchBirdDataSource ds = new ScratchBirdDataSource();
        ds.setServerName("localhost");
        ds.setPortNumber(proxy.port());
        ds.setDatabaseName(EmbeddedScratchBird.DEFAULT_DATABASE);
        ds.setUser(EmbeddedScratchBird.DEFAULT_USER);
        ds.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
        ds.setSslmode("verify-full");
        ds.setSslrootcert(server.certificatePem());
        ds.setConnectTimeout(2);
        ds.setSocketTimeout(3);
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSource(ds);
        cfg.setPoolName("sb-faults");
        cfg.setMaximumPoolSize(4);
        cfg.setMinimumIdle(4);
        cfg.setConnectionTimeout(1_500);
        cfg.setValidationTimeout(1_000);
        cfg.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            try (Connection c = pool.getConnection()) {
                assertEquals(1, Queries.longValue(c, "select 1"));
            }
            Connection inUse = pool.getConnection();
            proxy.refuse(true);
            proxy.resetAll();
            SQLException broken = assertThrows(SQLException.class, () -> Queries.longValue(inUse, "select 2"));
            assertTrue(broken.getSQLState().startsWith("08"), broken.getSQLState());
            inUse.close();                      // 08xxx: Hikari evicts it
            Thread.sleep(600);                  // past Hikari's 500 ms alive-bypass window
            assertThrows(SQLException.class, pool::getConnection);

            proxy.refuse(false);                // the server is reachable again
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                while (true) {
                    try (Connection c = pool.getConnection()) {
                        assertEquals(3, Queries.longValue(c, "select 3"));
                        return;
                    } catch (SQLException stillRecovering) {
                        Thread.sleep(100);
                    }
                }
            });
            for (int i = 0; i < 8; i++) {
                try (Connection c = pool.getConnection()) {
                    assertTrue(c.isValid(1));
                }
            }
        }
    }
}
