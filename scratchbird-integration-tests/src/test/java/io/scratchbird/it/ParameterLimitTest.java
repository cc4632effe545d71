package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: the per-statement parameter limit through JDBC. Beyond what the wire can carry
 * (65,535) the driver refuses before sending; a server configured lower refuses with 54023. Either
 * way the error is an {@link SQLException} with SQLSTATE 54023 and the connection stays usable.
 */
class ParameterLimitTest {

    private static String markers(String prefix, int n) {
        return prefix + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    @Test
    void moreParametersThanTheWireCarriesFailWith54023AndTheConnectionStaysUsable() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().inMemory().port(0).start();
             Connection c = Servers.connect(server)) {
            try (PreparedStatement ps = c.prepareStatement(markers("select coalesce(", 65_536))) {
                for (int i = 1; i <= 65_536; i++) {
                    ps.setInt(i, i);
                }
                SQLException e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals("54023", e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains("65536"), e.getMessage());
            }
            assertFalse(c.isClosed());
            assertEquals(1, Queries.longValue(c, "select 1"));
        }
    }

    @Test
    void aServerLimitIsReportedAs54023AndTheConnectionStaysUsable() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().inMemory().port(0)
                .maxParametersPerStatement(10).start();
             Connection c = Servers.connect(server)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table lim (c1 integer, c2 integer, c3 integer, c4 integer, c5 integer, c6 integer, "
                        + "c7 integer, c8 integer, c9 integer, c10 integer, c11 integer)");
            }
            try (PreparedStatement ok = c.prepareStatement(
                    markers("insert into lim (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10) values (", 10))) {
                for (int i = 1; i <= 10; i++) {
                    ok.setInt(i, i);
                }
                assertEquals(1, ok.executeUpdate(), "ten parameters are within the limit");
            }
            try (PreparedStatement ps = c.prepareStatement(markers("insert into lim values (", 11))) {
                for (int i = 1; i <= 11; i++) {
                    ps.setInt(i, i);
                }
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("54023", e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains("at most 10"), e.getMessage());
            }
            SQLException batch = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement(markers("insert into lim values (", 11))) {
                    for (int row = 0; row < 2; row++) {
                        for (int i = 1; i <= 11; i++) {
                            ps.setInt(i, i);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            assertTrue("54023".equals(batch.getSQLState()) || (batch.getNextException() != null
                    && "54023".equals(batch.getNextException().getSQLState())), batch.getSQLState() + ": " + batch.getMessage());
            assertEquals(1, Queries.longValue(c, "select count(*) from lim"), "nothing of the refused statements was stored");
            assertFalse(c.isClosed());
            assertEquals(1, Queries.longValue(c, "select 1"));
        }
    }
}
