package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection used from several threads, cancelling from another thread, query timeouts and isValid. */
class ConcurrencyAndCancelTest {

    /** Runs for hours unless cancelled. */
    private static final String ENDLESS = "select count(*) from system_range(1, 5000) a, system_range(1, 5000) b, "
            + "system_range(1, 5000) c";
    /** Generous: a cancel normally lands within milliseconds. */
    private static final long BOUND_MILLIS = 20_000;

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static Connection c;
    private static ExecutorService pool;

    @BeforeAll
    static void open() throws SQLException {
        c = Servers.connect(db.server());
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void close() throws SQLException {
        pool.shutdownNow();
        c.close();
    }

    private static void assertUsable(Connection connection) throws SQLException {
        assertEquals(7, Queries.longValue(connection, "select 7"));
    }

    @Test
    void threadsTakingTurnsOnOneConnectionEachGetTheirOwnResults() throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final long base = t * 1000L;
            results.add(pool.submit(() -> {
                long sum = 0;
                for (int i = 0; i < 25; i++) {
                    synchronized (c) {   // JDBC connections are used serially; the caller coordinates
                        try (PreparedStatement ps = c.prepareStatement("select ? + 0")) {
                            ps.setLong(1, base + i);
                            try (ResultSet rs = ps.executeQuery()) {
                                assertTrue(rs.next());
                                assertEquals(base + i, rs.getLong(1));
                                sum += rs.getLong(1);
                            }
                        }
                    }
                }
                return sum;
            }));
        }
        for (int t = 0; t < 4; t++) {
            assertEquals(t * 1000L * 25 + 300, results.get(t).get(30, TimeUnit.SECONDS));
        }
        assertUsable(c);
    }

    @Test
    void cancelFromAnotherThreadEndsALongStatement() throws Exception {
        try (Statement s = c.createStatement()) {
            Future<?> canceller = pool.submit(() -> {
                Thread.sleep(500);
                s.cancel();
                return null;
            });
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            canceller.get(5, TimeUnit.SECONDS);
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertTrue(elapsed < BOUND_MILLIS, "cancelled after " + elapsed + " ms");
        }
        assertUsable(c);
        assertUsable(c);
    }

    @Test
    void cancelOfAPreparedStatementWorksToo() throws Exception {
        try (PreparedStatement ps = c.prepareStatement(ENDLESS + " where a.x > ?")) {
            ps.setInt(1, 0);
            Future<?> canceller = pool.submit(() -> {
                Thread.sleep(500);
                ps.cancel();
                return null;
            });
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            canceller.get(5, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
        }
        assertUsable(c);
    }

    @Test
    void aCancelWithNothingRunningChangesNothing() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.cancel();
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void theQueryTimeoutCancelsALongStatement() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> s.executeQuery(ENDLESS));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("57014", e.getSQLState());
            assertTrue(elapsed < BOUND_MILLIS, "timed out after " + elapsed + " ms");
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next(), "a quick statement finishes within the timeout");
            }
        }
        assertUsable(c);
    }

    @Test
    void isValidPingsRightAfterACommand() throws SQLException {
        for (int i = 0; i < 20; i++) {
            assertUsable(c);
            long start = System.nanoTime();
            assertTrue(c.isValid(5));
            assertTrue(c.isValid(0));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
        }
        assertThrows(SQLException.class, () -> c.isValid(-1));
        assertUsable(c);
    }

    @Test
    void isValidOnAClosedConnectionIsFalse() throws SQLException {
        Connection closed = Servers.connect(db.server());
        closed.close();
        assertFalse(closed.isValid(1));
    }
}
