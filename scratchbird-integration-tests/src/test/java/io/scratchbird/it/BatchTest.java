package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.SessionProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PreparedStatement batches are pipelined: few round trips, exact counts, exact effect on failure. */
class BatchTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static void table(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table " + name + " (id integer primary key, v varchar(20))");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** Rows 1..10 of which row 5 (index 4) repeats id 1. */
    private static void addTenWithDuplicateAtFive(PreparedStatement ps) throws SQLException {
        for (int i = 1; i <= 10; i++) {
            ps.setInt(1, i == 5 ? 1 : i);
            ps.setString(2, "r" + i);
            ps.addBatch();
        }
    }

    @Test
    void tenThousandRowsInAFewRoundTrips() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "big");
            try (PreparedStatement ps = c.prepareStatement("insert into big (id, v) values (?, ?)")) {
                for (int i = 0; i < 10_000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.addBatch();
                }
                long before = SessionProbe.roundTrips(c);
                int[] counts = ps.executeBatch();
                long trips = SessionProbe.roundTrips(c) - before;
                assertEquals(10_000, counts.length);
                assertTrue(Arrays.stream(counts).allMatch(n -> n == 1), "every count is 1");
                // 10 chunks of 1000 rows, each COMMIT riding with the next chunk, plus the last COMMIT
                assertTrue(trips <= 11, "round trips: " + trips);
            }
            assertEquals(10_000, count(c, "select count(*) from big"));
        }
    }

    @Test
    void largeBatchCountsAndEmptyBatch() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "large");
            try (PreparedStatement ps = c.prepareStatement("insert into large (id, v) values (?, ?)")) {
                assertEquals(0, ps.executeBatch().length);
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, null);
                    ps.addBatch();
                }
                assertArrayEquals(new long[] {1, 1, 1}, ps.executeLargeBatch());
            }
            try (PreparedStatement ps = c.prepareStatement("update large set v = ? where id >= ?")) {
                ps.setString(1, "a");
                ps.setInt(2, 0);
                ps.addBatch();
                ps.setString(1, "b");
                ps.setInt(2, 2);
                ps.addBatch();
                ps.setString(1, "c");
                ps.setInt(2, 99);
                ps.addBatch();
                assertArrayEquals(new int[] {3, 1, 0}, ps.executeBatch());
            }
        }
    }

    @Test
    void failureWithAutoCommitKeepsTheRowsBeforeIt() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "auto_fail");
            try (PreparedStatement ps = c.prepareStatement("insert into auto_fail (id, v) values (?, ?)")) {
                addTenWithDuplicateAtFive(ps);
                BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
                assertArrayEquals(new int[] {1, 1, 1, 1}, e.getUpdateCounts());
                assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
                assertEquals("23505", e.getSQLState());
            }
            // rows 1-4 committed, 6-10 undone although the server executed them
            assertEquals(4, count(c, "select count(*) from auto_fail"));
            assertEquals(0, count(c, "select count(*) from auto_fail where id > 4"));
            try (Connection other = Servers.connect(db.server())) {
                assertEquals(4, count(other, "select count(*) from auto_fail"), "committed");
            }
            // the connection is usable, and so is the statement
            try (PreparedStatement ps = c.prepareStatement("insert into auto_fail (id, v) values (?, ?)")) {
                ps.setInt(1, 50);
                ps.setString(2, "x");
                ps.addBatch();
                assertArrayEquals(new int[] {1}, ps.executeBatch());
            }
            assertEquals(5, count(c, "select count(*) from auto_fail"));
        }
    }

    @Test
    void failureWithoutAutoCommitLeavesTheTransactionToTheCaller() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "manual_fail");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into manual_fail (id, v) values (100, 'before')");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into manual_fail (id, v) values (?, ?)")) {
                addTenWithDuplicateAtFive(ps);
                BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
                assertEquals(4, e.getUpdateCounts().length);
            }
            // inside the transaction: the earlier insert and rows 1-4, not rows 6-10
            assertEquals(5, count(c, "select count(*) from manual_fail"));
            try (Connection other = Servers.connect(db.server())) {
                assertEquals(0, count(other, "select count(*) from manual_fail"), "nothing committed yet");
            }
            c.commit();
            try (Connection other = Servers.connect(db.server())) {
                assertEquals(5, count(other, "select count(*) from manual_fail"));
            }

            try (PreparedStatement ps = c.prepareStatement("insert into manual_fail (id, v) values (?, ?)")) {
                addTenWithDuplicateAtFive(ps);   // now fails at row 1 already (id 1 exists)
                BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
                assertEquals(0, e.getUpdateCounts().length);
            }
            c.rollback();
            assertEquals(5, count(c, "select count(*) from manual_fail"));
            c.setAutoCommit(true);
        }
    }

    @Test
    void batchInAManualTransactionRollsBack() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "manual_ok");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into manual_ok (id, v) values (?, ?)")) {
                for (int i = 0; i < 2500; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v");
                    ps.addBatch();
                }
                assertEquals(2500, ps.executeBatch().length);
            }
            assertEquals(2500, count(c, "select count(*) from manual_ok"));
            c.rollback();
            assertEquals(0, count(c, "select count(*) from manual_ok"));
            c.setAutoCommit(true);
        }
    }

    @Test
    void bigRowsAreChunkedByBytesAndServerPreparedNamesAreReused() throws SQLException {
        try (Connection c = Servers.connect(db.server(), java.util.Map.of("prepareThreshold", "-1"))) {
            try (Statement s = c.createStatement()) {
                s.execute("create table wide (id integer primary key, v varchar(5000))");
            }
            String value = "x".repeat(4000);
            try (PreparedStatement ps = c.prepareStatement("insert into wide (id, v) values (?, ?)")) {
                ps.setInt(1, -1);
                ps.setString(2, "first");
                assertEquals(1, ps.executeUpdate());   // now prepared on the server under a name
                for (int i = 0; i < 1500; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, value);
                    ps.addBatch();
                }
                long before = SessionProbe.roundTrips(c);
                assertEquals(1500, ps.executeBatch().length);
                long trips = SessionProbe.roundTrips(c) - before;
                assertTrue(trips >= 3 && trips <= 8, "~6 MB in chunks of about 1 MiB: " + trips);
            }
            assertEquals(1501, count(c, "select count(*) from wide"));
            assertEquals(1500, count(c, "select count(*) from wide where length(v) = 4000"));
        }
    }

    @Test
    void changingParameterTypesWithinABatch() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            table(c, "mixed");
            try (PreparedStatement ps = c.prepareStatement("insert into mixed (id, v) values (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, "a");
                ps.addBatch();
                ps.setLong(1, 2L);
                ps.setNull(2, java.sql.Types.VARCHAR);
                ps.addBatch();
                ps.setInt(1, 3);
                ps.setString(2, "c");
                ps.addBatch();
                assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            }
            assertEquals(3, count(c, "select count(*) from mixed"));
        }
    }

    @Test
    void statementBatchKeepsPerStatementCounts() throws SQLException {
        try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
            table(c, "text_batch");
            s.addBatch("insert into text_batch (id, v) values (1, 'a')");
            s.addBatch("insert into text_batch (id, v) values (2, 'b')");
            s.addBatch("update text_batch set v = 'z'");
            assertArrayEquals(new int[] {1, 1, 2}, s.executeBatch());
            s.addBatch("insert into text_batch (id, v) values (3, 'c')");
            s.addBatch("insert into text_batch (id, v) values (1, 'dup')");
            s.addBatch("insert into text_batch (id, v) values (4, 'd')");
            // the server runs every statement: the batch goes on after a failure (JDBC's "continue" choice)
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertArrayEquals(new int[] {1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e.getCause());
            assertEquals(4, count(c, "select count(*) from text_batch"));
            long before = SessionProbe.roundTrips(c);
            for (int i = 10; i < 20; i++) {
                s.addBatch("insert into text_batch (id, v) values (" + i + ", 'p')");
            }
            assertEquals(10, s.executeBatch().length);
            assertEquals(1, SessionProbe.roundTrips(c) - before, "one write, ten answers read in order");
        }
    }
}
