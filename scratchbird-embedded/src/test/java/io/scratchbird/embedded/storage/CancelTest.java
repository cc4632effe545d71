package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.SqlErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.scratchbird.embedded.storage.EngineTestSupport.assertNoLeak;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EngineSession#cancel()} from another thread ends a long statement with 57014 within a
 * (generous) bounded time, and the session stays usable.
 */
class CancelTest {

    /** Generous: cancellation normally takes milliseconds. */
    private static final long BOUND_MILLIS = 15_000;

    private H2SqlEngine engine;
    private EngineSession session;
    private ScheduledExecutorService canceller;

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory(Duration.ofMinutes(5));
        session = engine.openSession("test", "cancel");
        canceller = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void close() {
        canceller.shutdownNow();
        engine.close();
    }

    private void assertCancelled(EngineSession s, String sql) throws Exception {
        canceller.schedule(s::cancel, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, () -> run(s, sql));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertEquals("57014", e.sqlState(), e::getMessage);
        assertEquals(SqlErrors.QUERY_CANCELLED, e.diagnosticCode());
        assertEquals("canceling statement due to user request", e.getMessage());
        assertNoLeak(e);
        assertTrue(elapsed < BOUND_MILLIS, "cancelled after " + elapsed + " ms");
        assertEquals(1, scalar(s, "SELECT 1"), "the session stays usable");
    }

    @Test
    void cancelsASlowCrossJoin() throws Exception {
        run(session, "CREATE TABLE n (i INTEGER)");
        StringBuilder values = new StringBuilder("INSERT INTO n VALUES (0)");
        for (int i = 1; i < 2000; i++) {
            values.append(", (").append(i).append(')');
        }
        run(session, values.toString());
        assertCancelled(session, "SELECT count(*) FROM n a, n b, n c WHERE a.i + b.i + c.i >= 0");
    }

    @Test
    void cancelsASleep() throws Exception {
        assertCancelled(session, "SELECT pg_sleep(60)");
    }

    @Test
    void cancelsAStatementWaitingForARowLock() throws Exception {
        run(session, "CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        try (EngineSession holder = engine.openSession("holder", "cancel")) {
            run(holder, "BEGIN", "UPDATE t SET id = 1 WHERE id = 1");
            assertCancelled(session, "UPDATE t SET id = 1 WHERE id = 1");
            run(holder, "COMMIT");
        }
        run(session, "UPDATE t SET id = 2 WHERE id = 1");
    }

    @Test
    void aCancelWithNothingRunningDoesNotHitTheNextStatement() throws Exception {
        session.cancel();
        assertEquals(1, scalar(session, "SELECT 1"));
        run(session, "BEGIN");
        session.cancel();
        assertEquals(2, scalar(session, "SELECT 2"));
        run(session, "COMMIT");
    }
}
