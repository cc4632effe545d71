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
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Moving through results: forward-only (also streamed page by page) and TYPE_SCROLL_INSENSITIVE. */
class ResultSetNavigationTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static Connection c;

    @BeforeAll
    static void fill() throws SQLException {
        c = Servers.connect(db.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table numbers (n integer primary key)");
            s.execute("insert into numbers select x from system_range(1, 100)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    private static final String FIVE = "select n from numbers where n <= 5 order by n";

    @Test
    void forwardOnlyReadsEachRowOnceAndRefusesToScroll() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FIVE)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertTrue(rs.isBeforeFirst());
            assertEquals(0, rs.getRow());
            assertThrows(SQLException.class, () -> rs.getInt(1), "not on a row yet");
            for (int n = 1; n <= 5; n++) {
                assertTrue(rs.next());
                assertEquals(n, rs.getRow());
                assertEquals(n, rs.getInt(1));
                assertEquals(n == 1, rs.isFirst());
            }
            assertFalse(rs.next());
            assertTrue(rs.isAfterLast());
            assertThrows(SQLException.class, rs::previous);
            assertThrows(SQLException.class, () -> rs.absolute(1));
            assertThrows(SQLException.class, rs::beforeFirst);
        }
    }

    @Test
    void scrollInsensitiveMovesAnywhere() throws SQLException {
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = s.executeQuery(FIVE)) {
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
            assertTrue(rs.last());
            assertEquals(5, rs.getInt(1));
            assertEquals(5, rs.getRow());
            assertTrue(rs.isLast());

            assertTrue(rs.absolute(2));
            assertEquals(2, rs.getInt(1));
            assertTrue(rs.relative(2));
            assertEquals(4, rs.getInt(1));
            assertTrue(rs.relative(-3));
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.isFirst());
            assertFalse(rs.previous());
            assertTrue(rs.isBeforeFirst());

            assertTrue(rs.absolute(-2));
            assertEquals(4, rs.getInt(1));
            assertEquals(4, rs.getRow());
            assertTrue(rs.previous());
            assertEquals(3, rs.getInt(1));

            assertFalse(rs.absolute(6));
            assertTrue(rs.isAfterLast());
            assertTrue(rs.previous());
            assertEquals(5, rs.getInt(1));

            assertFalse(rs.relative(-10));
            assertTrue(rs.isBeforeFirst());
            assertTrue(rs.first());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void scrollingBackToTheStartReadsEveryRowAgain() throws SQLException {
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            s.setMaxRows(3);
            try (ResultSet rs = s.executeQuery(FIVE)) {
                assertTrue(rs.last());
                assertEquals(3, rs.getInt(1));
                rs.beforeFirst();
                int count = 0;
                while (rs.next()) {
                    count++;
                    assertEquals(count, rs.getRow());
                    assertEquals(count == 1, rs.isFirst());
                }
                assertEquals(3, count);
                rs.afterLast();
                assertTrue(rs.previous());
                assertEquals(3, rs.getInt(1));
            }
        }
    }

    @Test
    void scrollableResultsOfPreparedStatements() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select n from numbers where n <= ? order by n",
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(2);
            ps.setInt(1, 10);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.absolute(10));
                assertTrue(rs.absolute(1));
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void streamingPagesThroughEveryRow() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(7);
            long sum = 0;
            int rows = 0;
            try (ResultSet rs = s.executeQuery("select n from numbers order by n")) {
                while (rs.next()) {
                    sum += rs.getInt(1);
                    rows++;
                    assertEquals(rows, rs.getRow());
                }
            }
            assertEquals(100, rows);
            assertEquals(5050, sum);
        }
    }

    @Test
    void closingAStreamedResultEarlyKeepsTheConnectionInStep() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select n from numbers where n > ? order by n")) {
            ps.setFetchSize(5);
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            ps.setInt(1, 90);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(91, rs.getInt(1));
            }
        }
        assertEquals(100, Queries.longValue(c, "select count(*) from numbers"));
    }

    @Test
    void aClosedResultSetRefusesEverything() throws SQLException {
        try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(FIVE);
            rs.close();
            assertTrue(rs.isClosed());
            assertThrows(SQLException.class, rs::next);
            assertThrows(SQLException.class, () -> rs.getInt(1));
        }
    }
}
