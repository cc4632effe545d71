package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ConnectionMetrics;
import io.scratchbird.jdbc.ScratchBirdConnection;
import io.scratchbird.jdbc.StatementEvent;
import io.scratchbird.jdbc.StatementListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: statement listeners, per-connection counters and the {@code loggerLevel} log. */
class ObservabilityTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    /** Records every event. */
    static final class Recorder implements StatementListener {
        final List<StatementEvent> started = Collections.synchronizedList(new ArrayList<>());
        final List<StatementEvent> finished = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void statementStarted(StatementEvent e) {
            started.add(e);
        }

        @Override
        public void statementFinished(StatementEvent e) {
            finished.add(e);
        }

        StatementEvent last() {
            return finished.get(finished.size() - 1);
        }
    }

    private static ScratchBirdConnection sb(Connection c) throws SQLException {
        return c.unwrap(ScratchBirdConnection.class);
    }

    @Test
    void aListenerSeesStartAndFinishOfSuccessfulStatements() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            Recorder r = new Recorder();
            sb(c).addStatementListener(r);
            try (Statement s = c.createStatement()) {
                s.execute("create table obs_ok (id integer primary key, v varchar(20))");
                assertEquals(3, s.executeUpdate("insert into obs_ok values (1, 'a'), (2, 'b'), (3, 'c')"));
                try (ResultSet rs = s.executeQuery("select id from obs_ok order by id")) {
                    assertTrue(rs.next());
                }
            }
            assertEquals(3, r.started.size());
            assertEquals(3, r.finished.size());
            StatementEvent start = r.started.get(1);
            assertEquals("insert into obs_ok values (1, 'a'), (2, 'b'), (3, 'c')", start.sql());
            assertEquals(-1, start.rows());
            assertNull(start.sqlState());
            StatementEvent insert = r.finished.get(1);
            assertEquals(3, insert.rows());
            assertNull(insert.sqlState());
            assertFalse(insert.failed());
            assertTrue(insert.durationNanos() > 0);
            assertEquals(sb(c).id(), insert.connectionId());
            StatementEvent select = r.last();
            assertEquals("select id from obs_ok order by id", select.sql());
            assertEquals(3, select.rows());
            assertNull(select.sqlState());

            try (PreparedStatement ps = c.prepareStatement("select v from obs_ok where id = ?")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("b", rs.getString(1));
                }
            }
            assertEquals("select v from obs_ok where id = ?", r.last().sql());   // the statement as written: markers, never values
            assertEquals(1, r.last().rows());
            assertEquals(0, r.last().batchSize());

            try (PreparedStatement ps = c.prepareStatement("insert into obs_ok values (?, ?)")) {
                for (int i = 10; i < 15; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "x" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            assertEquals(5, r.last().batchSize());
            assertEquals(5, r.last().rows());
            assertNull(r.last().sqlState());

            sb(c).removeStatementListener(r);
            int before = r.finished.size();
            Queries.longValue(c, "select 1");
            assertEquals(before, r.finished.size());
        }
    }

    @Test
    void aListenerSeesTheSqlStateOfFailures() throws SQLException {
        try (Connection c = Servers.connect(db.server())) {
            Recorder r = new Recorder();
            sb(c).addStatementListener(r);
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("select * from no_such_table"));
                assertEquals("42P01", e.getSQLState());
            }
            assertEquals(1, r.started.size());
            assertEquals("42P01", r.last().sqlState());
            assertTrue(r.last().failed());
            assertEquals("select * from no_such_table", r.last().sql());

            try (PreparedStatement ps = c.prepareStatement("select * from no_such_table where id = ?")) {
                ps.setInt(1, 1);
                assertThrows(SQLException.class, ps::executeQuery);
            }
            assertEquals("42P01", r.last().sqlState());

            try (Statement s = c.createStatement()) {
                s.addBatch("select 1");
                s.addBatch("select * from no_such_table");
                assertThrows(BatchUpdateException.class, s::executeBatch);
            }
            assertEquals(2, r.last().batchSize());
            assertEquals("42P01", r.last().sqlState());

            ConnectionMetrics m = sb(c).metrics();
            assertEquals(3, m.statementsExecuted());
            assertEquals(3, m.statementsFailed());
            assertEquals(1, Queries.longValue(c, "select 1"));   // still usable
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheStatement() throws SQLException {
        StatementListener throwing = new StatementListener() {
            @Override
            public void statementStarted(StatementEvent event) {
                throw new IllegalStateException("listener bug (expected by the test)");
            }

            @Override
            public void statementFinished(StatementEvent event) {
                throw new IllegalStateException("listener bug (expected by the test)");
            }
        };
        try (Connection c = Servers.connect(db.server())) {
            Recorder after = new Recorder();
            sb(c).addStatementListener(throwing);
            sb(c).addStatementListener(after);
            assertEquals(42, Queries.longValue(c, "select 42"));
            try (PreparedStatement ps = c.prepareStatement("select ? + 1")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                }
            }
            assertEquals(2, after.finished.size(), "the listeners after the throwing one are still called");
            assertEquals(2, sb(c).metrics().statementsExecuted());
            assertEquals(0, sb(c).metrics().statementsFailed());
        }
    }

    @Test
    void globalListenersSeeEveryConnection() throws SQLException {
        Recorder global = new Recorder();
        StatementListener.addGlobal(global);
        try (Connection a = Servers.connect(db.server()); Connection b = Servers.connect(db.server())) {
            Queries.longValue(a, "select 1 as from_a");
            Queries.longValue(b, "select 2 as from_b");
            List<Long> ids = global.finished.stream().filter(e -> e.sql().contains("from_")).map(StatementEvent::connectionId)
                    .toList();
            assertEquals(List.of(sb(a).id(), sb(b).id()), ids);
        } finally {
            StatementListener.removeGlobal(global);
        }
    }

    @Test
    void countersMoveAsExpected() throws SQLException {
        try (Connection c = Servers.connect(db.server(), Map.of("prepareThreshold", "3"))) {
            ConnectionMetrics before = sb(c).metrics();
            assertEquals(0, before.statementsExecuted());
            try (PreparedStatement ps = c.prepareStatement("select ? * 2")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                    }
                }
            }
            ConnectionMetrics m = sb(c).metrics();
            assertEquals(5, m.statementsExecuted());
            assertEquals(0, m.statementsFailed());
            assertEquals(5, m.rows());
            assertEquals(3, m.cacheMisses(), "PARSE until the third execution prepares it on the server");
            assertEquals(2, m.cacheHits());
            assertTrue(m.bytesSent() > before.bytesSent());
            assertTrue(m.bytesReceived() > before.bytesReceived());
            assertTrue(m.roundTrips() >= before.roundTrips() + 5, m.toString());

            try (Statement s = c.createStatement()) {
                s.execute("create table obs_counts (id integer primary key)");
                assertEquals(4, s.executeUpdate("insert into obs_counts values (1), (2), (3), (4)"));
                assertThrows(SQLException.class, () -> s.execute("insert into obs_counts values (1)"));
            }
            ConnectionMetrics n = sb(c).metrics();
            assertEquals(8, n.statementsExecuted());
            assertEquals(1, n.statementsFailed());
            assertEquals(9, n.rows());
            c.close();
            assertEquals(n.statementsExecuted(), sb(c).metrics().statementsExecuted(), "readable after close");
        }
    }

    @Test
    void countersAreReadableFromAnotherThread() throws Exception {
        try (Connection c = Servers.connect(db.server())) {
            ScratchBirdConnection sc = sb(c);
            Queries.longValue(c, "select 1");
            long[] seen = new long[1];
            Thread t = new Thread(() -> seen[0] = sc.metrics().statementsExecuted());
            t.start();
            t.join(10_000);
            assertEquals(1, seen[0]);
        }
    }

    /** Captures the driver's log records. */
    static final class Capture extends Handler {
        final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            StringBuilder b = new StringBuilder();
            synchronized (records) {
                for (LogRecord r : records) {
                    b.append(r.getLevel()).append(' ').append(r.getMessage()).append('\n');
                }
            }
            return b.toString();
        }
    }

    @Test
    void loggerLevelControlsWhatIsLoggedAndSecretsAreNot() throws SQLException {
        Logger logger = Logger.getLogger("io.scratchbird.jdbc");
        Level previous = logger.getLevel();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);   // the backend lets everything through; loggerLevel decides
        try {
            try (Connection c = Servers.connect(db.server())) {
                Queries.longValue(c, "select 1 as off_level");
            }
            assertFalse(capture.text().contains("[conn#"), "loggerLevel=OFF logs nothing:\n" + capture.text());

            try (Connection c = Servers.connect(db.server(), Map.of("loggerLevel", "INFO"))) {
                Queries.longValue(c, "select 1 as info_level");
            }
            String info = capture.text();
            assertTrue(info.contains("connected"), info);
            assertTrue(info.contains("disconnected"), info);
            assertFalse(info.contains("info_level"), "INFO does not log statements:\n" + info);
            capture.records.clear();

            try (Connection c = Servers.connect(db.server(), Map.of("loggerLevel", "DEBUG"));
                 PreparedStatement ps = c.prepareStatement("select ? as debug_level, 'hunter2' as lit")) {
                ps.setString(1, "param-value-secret");
                ps.executeQuery().close();
            }
            String debug = capture.text();
            assertTrue(debug.contains("debug_level"), debug);
            assertTrue(debug.contains(" ms"), debug);
            assertFalse(debug.contains("param-value-secret"), "parameter values are never logged:\n" + debug);
            assertFalse(debug.contains("hunter2"), "string literals are masked:\n" + debug);
            assertFalse(debug.contains("round trips"), "frame summaries are TRACE only:\n" + debug);
            assertFalse(debug.contains(io.scratchbird.embedded.EmbeddedScratchBird.DEFAULT_PASSWORD), debug);
            capture.records.clear();

            try (Connection c = Servers.connect(db.server(), Map.of("loggerLevel", "TRACE"))) {
                Queries.longValue(c, "select 1 as trace_level");
            }
            String trace = capture.text();
            assertTrue(trace.contains("trace_level"), trace);
            assertTrue(trace.contains("round trips 1"), trace);
            assertFalse(trace.contains(io.scratchbird.embedded.EmbeddedScratchBird.DEFAULT_PASSWORD), trace);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
    }
}
