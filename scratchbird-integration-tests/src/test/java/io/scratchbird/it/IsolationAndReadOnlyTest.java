package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Isolation levels, read-only connections and holdability, as the server applies them. */
class IsolationAndReadOnlyTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Servers.connect(db.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists guarded (id integer)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static final Map<Integer, String> LEVELS = Map.of(
            Connection.TRANSACTION_READ_UNCOMMITTED, "read uncommitted",
            Connection.TRANSACTION_READ_COMMITTED, "read committed",
            Connection.TRANSACTION_REPEATABLE_READ, "repeatable read",
            Connection.TRANSACTION_SERIALIZABLE, "serializable");

    private String serverIsolation() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show transaction isolation level")) {
            assertTrue(rs.next());
            return rs.getString(1).toLowerCase(Locale.ROOT);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
            Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
    void eachIsolationLevelReachesTheServer(int level) throws SQLException {
        c.setTransactionIsolation(level);
        assertEquals(level, c.getTransactionIsolation());
        assertEquals(LEVELS.get(level), serverIsolation());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("insert into guarded values (1)");
        }
        assertEquals(LEVELS.get(level), serverIsolation(), "the level holds inside a transaction");
        c.rollback();
    }

    @Test
    void theDefaultIsReadCommitted() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        assertEquals("read committed", serverIsolation());
    }

    @Test
    void theIsolationLevelCannotChangeInsideATransaction() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("insert into guarded values (1)");
        }
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
        c.rollback();
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
    }

    @Test
    void aReadOnlyConnectionRefusesWrites() throws SQLException {
        c.setReadOnly(true);
        assertTrue(c.isReadOnly());
        try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into guarded values (2)"));
            assertEquals("25006", e.getSQLState());
            try (ResultSet rs = s.executeQuery("select count(*) from guarded")) {
                assertTrue(rs.next(), "reads still work");
            }
            c.setAutoCommit(false);
            assertThrows(SQLException.class, () -> s.execute("insert into guarded values (3)"));
            c.rollback();
            c.setAutoCommit(true);
            c.setReadOnly(false);
            assertFalse(c.isReadOnly());
            s.execute("insert into guarded values (4)");
        }
    }

    @Test
    void theReadOnlyPropertyOpensReadOnlyConnections() throws SQLException {
        try (Connection ro = Servers.connect(db.server(), Map.of("readOnly", "true")); Statement s = ro.createStatement()) {
            assertTrue(ro.isReadOnly());
            assertEquals("25006", assertThrows(SQLException.class, () -> s.execute("insert into guarded values (5)")).getSQLState());
        }
    }

    @Test
    void holdabilityIsWhatTheDriverDoes() throws SQLException {
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
        assertEquals(c.getMetaData().getResultSetHoldability(), c.getHoldability());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, s.getResultSetHoldability());
        }
        // results are never closed by a commit, so the driver does not pretend to
        assertFalse(c.getMetaData().supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertThrows(SQLFeatureNotSupportedException.class, () -> c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertThrows(SQLFeatureNotSupportedException.class, () -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
    }

    @Test
    void heldResultsSurviveACommit() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
            s.setFetchSize(2);
            s.execute("insert into guarded select x from system_range(1, 10)");
            try (ResultSet rs = s.executeQuery("select id from guarded")) {
                assertTrue(rs.next());
                c.commit();
                int more = 0;
                while (rs.next()) {
                    more++;
                }
                assertTrue(more >= 9, "rows after the commit: " + more);
            }
        }
    }
}
