package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.scratchbird.embedded.storage.EngineTestSupport.assertFailsWith;
import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.query;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Row locks between sessions: NOWAIT, SKIP LOCKED, lock timeout, deadlock, serialization failure. */
class LockingTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);

    private H2SqlEngine engine;
    private EngineSession a;
    private EngineSession b;

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory(LOCK_TIMEOUT);
        a = engine.openSession("a", "locks");
        b = engine.openSession("b", "locks");
        run(a, "CREATE TABLE acct (id INTEGER PRIMARY KEY, balance INTEGER)",
                "INSERT INTO acct VALUES (1, 100), (2, 100), (3, 100)");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void forUpdateNowaitFailsAtOnceAndSkipLockedSkips() throws Exception {
        run(a, "BEGIN", "SELECT * FROM acct WHERE id = 1 FOR UPDATE");
        run(b, "BEGIN");
        EngineException e = fails("55P03", null, b, "SELECT * FROM acct WHERE id = 1 FOR UPDATE NOWAIT");
        assertEquals("could not obtain lock on row in relation \"acct\"", e.getMessage());
        fails("55P03", null, b, "SELECT * FROM acct WHERE id = 1 FOR UPDATE NO WAIT");
        assertEquals(List.of(2, 3), query(b, "SELECT id FROM acct ORDER BY id FOR UPDATE SKIP LOCKED").column("id"));
        run(b, "ROLLBACK");
        run(a, "COMMIT");
        assertEquals(1, scalar(b, "SELECT id FROM acct WHERE id = 1 FOR UPDATE NOWAIT"));
    }

    @Test
    void aLockWaitEndsAfterTheLockTimeout() throws Exception {
        run(a, "BEGIN", "UPDATE acct SET balance = 0 WHERE id = 1");
        EngineException e = fails("55P03", null, b, "UPDATE acct SET balance = 1 WHERE id = 1");
        assertEquals("canceling statement due to lock timeout", e.getMessage());
        run(a, "COMMIT");
        run(b, "UPDATE acct SET balance = 1 WHERE id = 1");
    }

    @Test
    void aDeadlockAbortsOneTransactionWhichThenCannotCommit() throws Exception {
        run(a, "BEGIN", "UPDATE acct SET balance = 1 WHERE id = 1");
        run(b, "BEGIN", "UPDATE acct SET balance = 2 WHERE id = 2");
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                run(a, "UPDATE acct SET balance = 1 WHERE id = 2");
            } catch (EngineException e) {
                throw new RuntimeException(e);
            }
        });
        waitUntilBlocked(first);
        EngineException deadlock = null;
        try {
            run(b, "UPDATE acct SET balance = 2 WHERE id = 1");
        } catch (EngineException e) {
            deadlock = e;
        }
        EngineSession victim = b;
        EngineSession survivor = a;
        int survivorBalance = 1;
        if (deadlock == null) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> first.get(30, TimeUnit.SECONDS));
            deadlock = (EngineException) failed.getCause().getCause();
            victim = a;
            survivor = b;
            survivorBalance = 2;
        } else {
            first.get(30, TimeUnit.SECONDS);
        }
        assertEquals("40P01", deadlock.sqlState());
        assertEquals("deadlock detected", deadlock.getMessage());
        EngineSession aborted = victim;
        assertFailsWith("25P02", () -> run(aborted, "SELECT 1"));
        EngineException commit = assertThrows(EngineException.class, aborted::commit);
        assertEquals("40P01", commit.sqlState());
        assertFalse(aborted.inTransaction());
        run(survivor, "COMMIT");
        assertEquals(2L, scalar(aborted, "SELECT count(*) FROM acct WHERE id IN (1, 2) AND balance = " + survivorBalance));
    }

    @Test
    void aConcurrentUpdateUnderRepeatableReadIsASerializationFailure() throws Exception {
        run(b, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "BEGIN");
        assertEquals(100, scalar(b, "SELECT balance FROM acct WHERE id = 3"));
        run(a, "UPDATE acct SET balance = 50 WHERE id = 3");
        EngineException e = fails("40001", null, b, "UPDATE acct SET balance = balance - 10 WHERE id = 3");
        assertEquals("could not serialize access due to concurrent update", e.getMessage());
        fails("25P02", null, b, "SELECT 1");
        run(b, "ROLLBACK");
        assertEquals(50, scalar(b, "SELECT balance FROM acct WHERE id = 3"));
    }

    @Test
    void aSessionWaitingForALockBlocksNobodyElse() throws Exception {
        EngineSession slow = engine.openSession("slow", "locks");
        run(a, "BEGIN", "UPDATE acct SET balance = 0 WHERE id = 1");
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return scalar(slow, "SELECT balance FROM acct WHERE id = 1 FOR UPDATE");
            } catch (EngineException e) {
                return e;
            }
        });
        waitUntilBlocked(waiting);
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            others.add(CompletableFuture.supplyAsync(() -> {
                try (EngineSession s = engine.openSession("other" + n, "locks")) {
                    run(s, "INSERT INTO acct VALUES (" + (100 + n) + ", 1)", "UPDATE acct SET balance = 5 WHERE id = 2");
                    return scalar(s, "SELECT balance FROM acct WHERE id = 1");
                } catch (EngineException e) {
                    return e;
                }
            }));
        }
        for (CompletableFuture<Object> other : others) {
            assertEquals(100, other.get(30, TimeUnit.SECONDS), "readers see the committed value without waiting");
        }
        assertFalse(waiting.isDone(), "the lock holder has not finished yet");
        run(a, "COMMIT");
        assertEquals(0, waiting.get(30, TimeUnit.SECONDS));
        slow.close();
    }

    /** Gives the asynchronous statement time to reach its lock wait; nothing depends on how long it takes. */
    private static void waitUntilBlocked(CompletableFuture<?> future) throws InterruptedException {
        for (int i = 0; i < 20 && !future.isDone(); i++) {
            Thread.sleep(25);
        }
    }
}
