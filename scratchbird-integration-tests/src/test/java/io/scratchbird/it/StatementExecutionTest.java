package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain {@link Statement}s: update counts, result sets, multi-statement text and empty results. */
class StatementExecutionTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = Servers.connect(db.server());
        s = c.createStatement();
        s.execute("create table if not exists items (id integer primary key, name varchar(20))");
        s.execute("delete from items");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void executeUpdateReturnsTheRowCount() throws SQLException {
        assertEquals(1, s.executeUpdate("insert into items values (1, 'one')"));
        assertEquals(2, s.executeUpdate("insert into items values (2, 'two'), (3, 'three')"));
        assertEquals(3, s.executeUpdate("update items set name = upper(name)"));
        assertEquals(0, s.executeUpdate("delete from items where id > 100"));
        assertEquals(0, s.executeUpdate("create table scratch_ddl (x integer)"));
    }

    @Test
    void executeTellsResultSetsFromUpdateCounts() throws SQLException {
        assertFalse(s.execute("insert into items values (1, 'one')"));
        assertEquals(1, s.getUpdateCount());
        assertNull(s.getResultSet());

        assertTrue(s.execute("select name from items"));
        assertEquals(-1, s.getUpdateCount());
        try (ResultSet rs = s.getResultSet()) {
            assertTrue(rs.next());
            assertEquals("one", rs.getString(1));
            assertFalse(rs.next());
        }
    }

    @Test
    void multiStatementTextYieldsEachResultInOrder() throws SQLException {
        boolean isResultSet = s.execute("insert into items values (1, 'a'), (2, 'b'); select id from items order by id; "
                + "update items set name = 'z'; select count(*) from items where name = 'z'");
        assertFalse(isResultSet);
        assertEquals(2, s.getUpdateCount());

        assertTrue(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount());
        ResultSet first = s.getResultSet();
        assertTrue(first.next());
        assertEquals(1, first.getInt(1));

        assertFalse(s.getMoreResults());
        assertTrue(first.isClosed(), "getMoreResults() closes the current result set");
        assertEquals(2, s.getUpdateCount());

        assertTrue(s.getMoreResults());
        try (ResultSet rs = s.getResultSet()) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
        }

        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount(), "no more results");
        assertNull(s.getResultSet());
    }

    @Test
    void keepCurrentResultLeavesTheEarlierResultSetOpen() throws SQLException {
        s.execute("select 1; select 2");
        ResultSet first = s.getResultSet();
        assertTrue(s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        ResultSet second = s.getResultSet();
        assertTrue(first.next());
        assertTrue(second.next());
        assertEquals(1, first.getInt(1));
        assertEquals(2, second.getInt(1));
    }

    @Test
    void anEmptySelectIsAnEmptyResultSet() throws SQLException {
        try (ResultSet rs = s.executeQuery("select id, name from items where id < 0")) {
            assertNotNull(rs);
            assertEquals(2, rs.getMetaData().getColumnCount());
            assertFalse(rs.isBeforeFirst(), "JDBC: false when there are no rows");
            assertFalse(rs.next());
        }
    }

    @Test
    void executeQueryOfAnUpdateIsAnError() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("insert into items values (9, 'x')"));
        assertNotNull(e.getSQLState());
        assertEquals(1, Queries.longValue(c, "select count(*) from items"), "the statement still ran: JDBC does not roll it back");
    }

    @Test
    void executeUpdateOfASelectReportsNoRows() throws SQLException {
        s.executeUpdate("insert into items values (1, 'a')");
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("select * from items"));
        assertNotNull(e.getSQLState());
    }

    @Test
    void maxRowsLimitsWhatIsRead() throws SQLException {
        s.executeUpdate("insert into items select x, 'n' || x from system_range(1, 50)");
        s.setMaxRows(7);
        int count = 0;
        try (ResultSet rs = s.executeQuery("select id from items order by id")) {
            while (rs.next()) {
                count++;
            }
        }
        assertEquals(7, count);
    }

    @Test
    void executingAgainClosesThePreviousResultSet() throws SQLException {
        ResultSet first = s.executeQuery("select 1");
        s.executeQuery("select 2").close();
        assertTrue(first.isClosed());
    }

    @Test
    void aBatchOfStatementsReportsEachCount() throws SQLException {
        s.addBatch("insert into items values (1, 'a')");
        s.addBatch("insert into items values (2, 'b'), (3, 'c')");
        s.addBatch("delete from items where id = 1");
        assertEquals(java.util.List.of(1, 2, 1), java.util.Arrays.stream(s.executeBatch()).boxed().toList());
    }
}
