package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ServerError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a server that behaves like today's upstream one (spec 13.2): no ROW_DESCRIPTION for
 * empty results, text values typed from the first row, parameters spliced, generic 42000 errors.
 */
class ReferenceQuirksTest {

    @RegisterExtension
    static ScratchBirdExtension quirks = ScratchBirdExtension.configured(b -> b.referenceQuirks(true));

    private static Connection c;

    @BeforeAll
    static void schema() throws SQLException {
        c = Servers.connect(quirks.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table people (id integer primary key, name varchar(60) constraint people_name_uq unique)");
            s.execute("insert into people values (1, 'Ada')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void anEmptySelectIsStillAnEmptyResultSet() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, name from people where id < 0")) {
            assertFalse(rs.next());
        }
        try (PreparedStatement ps = c.prepareStatement("select id, name from people where id < ?")) {
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next());
            }
            assertTrue(ps.execute(), "an empty SELECT is a result set, not an update count");
        }
    }

    @Test
    void rowsAreReadFromText() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, name, 2.5 from people")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("id"));
            assertEquals(1L, rs.getObject(1), "the upstream server types integer-looking text as int8 (64-bit)");
            assertEquals("Ada", rs.getString(2));
            assertEquals(0, new java.math.BigDecimal("2.5").compareTo(rs.getBigDecimal(3)));
        }
    }

    @Test
    void aSplicedParameterIsStillJustData() throws SQLException {
        String tricky = "O'Brien'); drop table people; --";
        try (PreparedStatement ps = c.prepareStatement("insert into people values (?, ?)")) {
            ps.setInt(1, 2);
            ps.setString(2, tricky);
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps = c.prepareStatement("select name from people where id = ?")) {
            ps.setInt(1, 2);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(tricky, rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("delete from people where id = 2");
        }
    }

    @Test
    void theGenericErrorIsMappedByItsDiagnosticCode() throws SQLException {
        try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into people values (3, 'Ada')"));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
            assertEquals("23505", e.getSQLState());
            ServerError details = ServerError.of(e).orElseThrow();
            assertEquals("42000", details.sqlState(), "what the server actually sent");
            assertTrue(details.isRefined());
            assertEquals(0, Queries.longValue(c, "select count(*) from people where id = 3"), "the connection stays usable");
        }
    }

    @Test
    void transactionsWorkAlthoughReadyAlwaysSaysInTransaction() throws SQLException {
        try (Connection other = Servers.connect(quirks.server()); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into people values (10, 'Grace')");
            c.rollback();
            s.execute("insert into people values (11, 'Edsger')");
            c.commit();
            c.setAutoCommit(true);
            try (Statement o = other.createStatement(); ResultSet rs = o.executeQuery("select id from people where id >= 10")) {
                assertTrue(rs.next());
                assertEquals(11, rs.getInt(1));
                assertFalse(rs.next());
            }
            s.execute("delete from people where id >= 10");
        }
    }
}
