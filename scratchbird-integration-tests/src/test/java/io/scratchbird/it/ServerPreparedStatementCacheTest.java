package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ScratchBirdPreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements kept prepared on the server after {@code prepareThreshold} executions, and what
 * happens when the server (256 names, spec 8.8) or the driver's cache drops them.
 */
class ServerPreparedStatementCacheTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static long twice(PreparedStatement ps, long value) throws SQLException {
        ps.setLong(1, value);
        try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static boolean serverPrepared(PreparedStatement ps) throws SQLException {
        return ps.unwrap(ScratchBirdPreparedStatement.class).isServerPrepared();
    }

    @Test
    void aStatementIsServerPreparedFromTheThresholdExecutionOn() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "3"));
             PreparedStatement ps = c.prepareStatement("select ? * 2")) {
            assertEquals(2, twice(ps, 1));
            assertEquals(4, twice(ps, 2));
            assertFalse(serverPrepared(ps));
            assertEquals(6, twice(ps, 3));
            assertTrue(serverPrepared(ps));
            assertEquals(8, twice(ps, 4));
            assertEquals(10, twice(ps, 5));
            assertTrue(serverPrepared(ps));
        }
    }

    @Test
    void thresholdZeroNeverAndMinusOneAlwaysPrepares() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "0"));
             PreparedStatement ps = c.prepareStatement("select ? * 2")) {
            for (int i = 0; i < 10; i++) {
                assertEquals(2L * i, twice(ps, i));
            }
            assertFalse(serverPrepared(ps));
        }
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "-1"));
             PreparedStatement ps = c.prepareStatement("select ? * 2")) {
            assertEquals(14, twice(ps, 7));
            assertTrue(serverPrepared(ps));
        }
    }

    @Test
    void anotherStatementWithTheSameSqlSharesTheServerStatement() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "1"))) {
            try (PreparedStatement ps = c.prepareStatement("select ? * 2")) {
                assertEquals(2, twice(ps, 1));
            }
            try (PreparedStatement again = c.prepareStatement("select ? * 2")) {
                again.setLong(1, 3);
                assertTrue(serverPrepared(again), "same SQL and parameter types");
                again.setInt(1, 3);
                assertFalse(serverPrepared(again), "another parameter type is another server statement");
                assertEquals(6, twice(again, 3));
            }
        }
    }

    @Test
    void aStatementTheServerEvictedIsPreparedAgain() throws SQLException {
        // The driver's cache outgrows the server's 256 names, so the server drops the oldest on its own.
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "1", "preparedStatementCacheQueries", "400"))) {
            List<PreparedStatement> statements = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                PreparedStatement ps = c.prepareStatement("select ? * 2 + " + i);
                assertEquals(2L + i, twice(ps, 1));
                statements.add(ps);
            }
            PreparedStatement oldest = statements.get(0);
            assertTrue(serverPrepared(oldest));
            assertEquals(10, twice(oldest, 5));
            assertEquals(12, twice(oldest, 6));
            assertEquals(2 * 3 + 299, twice(statements.get(299), 3));
        }
    }

    @Test
    void theDriversOwnCacheEvictsTheLeastRecentlyUsed() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "1", "preparedStatementCacheQueries", "2"));
             PreparedStatement a = c.prepareStatement("select ? + 1");
             PreparedStatement b = c.prepareStatement("select ? + 2");
             PreparedStatement third = c.prepareStatement("select ? + 3")) {
            assertEquals(1, twice(a, 0));
            assertEquals(2, twice(b, 0));
            assertEquals(3, twice(third, 0));
            assertFalse(serverPrepared(a));
            assertTrue(serverPrepared(b) && serverPrepared(third));
            assertEquals(11, twice(a, 10));
            assertTrue(serverPrepared(a));
        }
    }

    @Test
    void ddlMakesCachedStatementsSeeTheNewShape() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "1"));
             Statement s = c.createStatement()) {
            s.execute("create table shapes (id bigint)");
            s.execute("insert into shapes values (1)");
            try (PreparedStatement ps = c.prepareStatement("select * from shapes where id = ?")) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(1, rs.getMetaData().getColumnCount());
                }
                assertTrue(serverPrepared(ps));
                s.execute("alter table shapes add column label varchar(10) default 'new'");
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(2, rs.getMetaData().getColumnCount());
                    assertTrue(rs.next());
                    assertEquals("new", rs.getString("label"));
                }
            }
        }
    }
}
