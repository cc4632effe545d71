package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the server goes away, the connection says so and every use fails with an 08xxx SQLSTATE. */
class BrokenConnectionTest {

    private static EmbeddedScratchBird start() {
        return EmbeddedScratchBird.builder().inMemory().port(0).start();
    }

    private static void assertConnectionFailure(SQLException e) {
        assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"), e.getSQLState() + ": " + e.getMessage());
    }

    @Test
    void aStoppedServerBreaksTheConnection() throws SQLException {
        try (EmbeddedScratchBird server = start(); Connection c = Servers.connect(server)) {
            Statement s = c.createStatement();
            PreparedStatement ps = c.prepareStatement("select ?");
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
            server.stop();

            assertConnectionFailure(assertThrows(SQLException.class, () -> s.executeQuery("select 2")));
            assertTrue(c.isClosed(), "a broken connection reports itself closed");
            assertFalse(c.isValid(1));
            assertConnectionFailure(assertThrows(SQLException.class, () -> {
                ps.setInt(1, 3);
                ps.executeQuery();
            }));
            assertConnectionFailure(assertThrows(SQLException.class, () -> c.createStatement().execute("select 4")));
            assertConnectionFailure(assertThrows(SQLException.class, () -> c.prepareStatement("select 5")));
        }   // closing a broken connection is quiet
    }

    @Test
    void isValidNoticesTheLossBeforeAnyStatement() throws SQLException {
        try (EmbeddedScratchBird server = start(); Connection c = Servers.connect(server)) {
            assertTrue(c.isValid(2));
            server.stop();
            assertFalse(c.isValid(2));
            assertTrue(c.isClosed());
            assertConnectionFailure(assertThrows(SQLException.class, () -> c.createStatement().executeQuery("select 1")));
        }
    }

    @Test
    void aBrokenConnectionInATransactionFailsTheCommit() throws SQLException {
        try (EmbeddedScratchBird server = start(); Connection c = Servers.connect(server)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table lost (id integer)");
                s.execute("insert into lost values (1)");
            }
            server.stop();
            assertConnectionFailure(assertThrows(SQLException.class, c::commit));
            assertTrue(c.isClosed());
        }
    }
}
