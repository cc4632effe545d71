package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ScratchBirdPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PreparedStatement}: values bound as data, {@code ?} and {@code :name} markers, batches. */
class PreparedStatementTest {

    private static final String INJECTION = "'); drop table notes; --";

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = Servers.connect(db.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists notes (id integer primary key, body varchar(200))");
            s.execute("delete from notes");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String body(int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select body from notes where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    void aValueThatLooksLikeSqlIsStoredAsData() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, INJECTION);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(INJECTION, body(1));
        try (PreparedStatement ps = c.prepareStatement("select count(*) from notes where body = ?")) {
            ps.setString(1, INJECTION);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "the table is still there and the value matches itself");
            }
        }
    }

    @Test
    void quotesCommentsDollarQuotesAndCastsAreNotMarkers() throws SQLException {
        String sql = "select '?' as q, $$ :x ? $$ as d, ?::integer as p /* ? :y */ -- ?\n";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            assertEquals(1, ps.getParameterMetaData().getParameterCount());
            ps.setString(1, "41");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("?", rs.getString("q"));
                assertEquals(" :x ? ", rs.getString("d"));
                assertEquals(41, rs.getInt("p"));
                assertEquals(Types.INTEGER, rs.getMetaData().getColumnType(3));
            }
        }
    }

    @Test
    void namedMarkersBindByNameAndRepeatTheirValue() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select :a + :a as twice, :b as b, :a * 10 as tenfold, ':a' as literal")) {
            ScratchBirdPreparedStatement named = ps.unwrap(ScratchBirdPreparedStatement.class);
            named.setObject("a", 4);
            named.setObject("b", "bee");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(8, rs.getInt("twice"));
                assertEquals("bee", rs.getString("b"));
                assertEquals(40, rs.getInt("tenfold"));
                assertEquals(":a", rs.getString("literal"));
            }
            assertEquals(2, ps.getParameterMetaData().getParameterCount());
            SQLException e = assertThrows(SQLException.class, () -> named.setObject("c", 1));
            assertTrue(e.getMessage().contains(":c"), e.getMessage());
        }
    }

    @Test
    void namedMarkersWorkInDml() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (:id, :body)")) {
            ScratchBirdPreparedStatement named = ps.unwrap(ScratchBirdPreparedStatement.class);
            named.setObject("body", INJECTION);
            named.setObject("id", 5);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(INJECTION, body(5));
    }

    @Test
    void aMissingValueIsReportedBeforeAnythingIsSent() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (?, ?)")) {
            ps.setInt(1, 1);
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("07001", e.getSQLState());
            assertThrows(SQLException.class, () -> ps.setInt(3, 1));
        }
    }

    @Test
    void nullsBindWithAndWithoutAType() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (?, ?)")) {
            ps.setInt(1, 1);
            ps.setNull(2, Types.VARCHAR);
            ps.executeUpdate();
            ps.setInt(1, 2);
            ps.setObject(2, null);
            ps.executeUpdate();
            ps.setInt(1, 3);
            ps.setString(2, null);
            ps.executeUpdate();
        }
        for (int id = 1; id <= 3; id++) {
            assertNull(body(id));
        }
    }

    @Test
    void reExecutionWithNewValuesAndClearParameters() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select ? * 2")) {
            for (int i = 0; i < 12; i++) {   // crosses the default prepareThreshold of 5
                ps.setLong(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i * 2L, rs.getLong(1));
                }
            }
            ps.clearParameters();
            assertEquals("07001", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
        }
    }

    @Test
    void aBatchRunsEveryParameterSet() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (?, ?)")) {
            for (int i = 1; i <= 3; i++) {
                ps.setInt(1, i);
                ps.setString(2, "note " + i);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
        }
        assertEquals("note 3", body(3));
    }

    @Test
    void sqlTextMethodsAreRefusedOnAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1")) {
            assertThrows(SQLException.class, () -> ps.executeQuery("select 2"));
            assertThrows(SQLException.class, () -> ps.execute("select 2"));
            assertThrows(SQLException.class, () -> ps.addBatch("select 2"));
        }
    }

    @Test
    void metadataOfAPreparedQueryIsAvailableAfterExecution() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, body from notes where id = ?")) {
            ps.setInt(1, 1);
            ps.executeQuery().close();
            assertEquals(List.of("id", "body"), Arrays.asList(ps.getMetaData().getColumnLabel(1), ps.getMetaData().getColumnLabel(2)));
        }
    }

    @Test
    void executeUpdateOfAQueryIsAnError() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1")) {
            assertThrows(SQLException.class, ps::executeUpdate);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into notes values (1, 'x')")) {
            assertThrows(SQLException.class, ps::executeQuery);
        }
        assertFalse(body(1).isEmpty());
    }
}
