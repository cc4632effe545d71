package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ServerError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server errors become the SQLException subclass of their SQLSTATE, and the connection carries on. */
class ErrorMappingTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static Connection c;

    @BeforeAll
    static void schema() throws SQLException {
        c = Servers.connect(db.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table parent (id integer primary key)");
            s.execute("create table child (id integer constraint child_pk primary key, "
                    + "email varchar(40) constraint child_email_uq unique, "
                    + "parent_id integer constraint child_parent_fk references parent(id), "
                    + "qty integer not null constraint child_qty_positive check (qty > 0))");
            s.execute("insert into parent values (1)");
            s.execute("insert into child values (1, 'a@example.com', 1, 1)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    /** Every error leaves the connection usable: the next statement runs normally. */
    @AfterEach
    void connectionStillWorks() throws SQLException {
        assertEquals(1, Queries.longValue(c, "select count(*) from child"));
        assertTrue(c.isValid(5));
    }

    private static SQLException failing(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void aUniqueViolationNamesTheConstraint() {
        SQLException e = failing("insert into child values (2, 'a@example.com', 1, 1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        assertTrue(e.getMessage().contains("child_email_uq"), e.getMessage());
    }

    @Test
    void aDuplicatePrimaryKeyIsAUniqueViolationToo() {
        SQLException e = failing("insert into child values (1, 'b@example.com', 1, 1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        assertTrue(e.getMessage().contains("child_pk"), e.getMessage());
    }

    @Test
    void aForeignKeyViolationIs23503() {
        SQLException e = failing("insert into child values (2, 'b@example.com', 99, 1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23503", e.getSQLState());
        assertTrue(e.getMessage().contains("child_parent_fk"), e.getMessage());
    }

    @Test
    void aNotNullViolationIs23502() {
        SQLException e = failing("insert into child (id, email, parent_id) values (2, 'b@example.com', 1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23502", e.getSQLState());
        assertTrue(e.getMessage().contains("qty"), e.getMessage());
    }

    @Test
    void aCheckViolationIs23514() {
        SQLException e = failing("insert into child values (2, 'b@example.com', 1, 0)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23514", e.getSQLState());
        assertTrue(e.getMessage().contains("child_qty_positive"), e.getMessage());
    }

    @Test
    void aSyntaxErrorCarriesItsPosition() {
        String sql = "select id from child wher id = 1";
        SQLException e = failing(sql);
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals("42601", e.getSQLState());
        ServerError details = ServerError.of(e).orElseThrow();
        assertEquals(sql, details.sql());
        assertTrue(details.position() > 0, "position " + details.position());
        assertTrue(sql.indexOf("wher") + 1 <= details.position() || details.position() >= sql.indexOf("id = 1"),
                "position " + details.position() + " points at or after the mistake");
        assertTrue(e.getMessage().contains("Position: " + details.position()), e.getMessage());
    }

    @Test
    void anUndefinedTableIs42P01() {
        SQLException e = failing("select * from no_such_table");
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals("42P01", e.getSQLState());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }

    @Test
    void divisionByZeroIsADataException() {
        SQLException e = failing("select 1 / 0");
        assertInstanceOf(SQLDataException.class, e);
        assertEquals("22012", e.getSQLState());
    }

    @Test
    void preparedStatementsMapErrorsTheSameWay() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into child values (?, ?, 1, 1)")) {
            ps.setInt(1, 3);
            ps.setString(2, "a@example.com");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
            assertEquals("23505", e.getSQLState());
        }
        try (PreparedStatement ps = c.prepareStatement("select 10 / ?")) {
            ps.setInt(1, 0);
            assertInstanceOf(SQLDataException.class, assertThrows(SQLException.class, ps::executeQuery));
        }
    }

    @Test
    void anErrorInTheMiddleOfAScriptStopsItThere() throws SQLException {
        SQLException e = failing("insert into parent values (2); insert into parent values (2); insert into parent values (3)");
        assertEquals("23505", e.getSQLState());
        assertEquals(1, Queries.longValue(c, "select count(*) from parent where id > 1"),
                "autocommit kept the first insert; the third never ran");
        try (Statement s = c.createStatement()) {
            s.execute("delete from parent where id > 1");
        }
    }

    @Test
    void manyErrorsInARowNeverDesynchroniseTheConnection() throws SQLException {
        for (int i = 0; i < 20; i++) {
            failing("select * from missing_" + i);
            assertEquals(i, Queries.longValue(c, "select " + i));
        }
    }
}
