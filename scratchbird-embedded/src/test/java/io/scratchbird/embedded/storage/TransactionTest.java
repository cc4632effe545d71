package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.StatementResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.scratchbird.embedded.storage.EngineTestSupport.assertFailsWith;
import static io.scratchbird.embedded.storage.EngineTestSupport.exec;
import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autocommit and explicit transactions (SBWP errata A.1), transaction ids, savepoints, isolation, read-only. */
class TransactionTest {

    private H2SqlEngine engine;
    private EngineSession a;
    private EngineSession b;

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        a = engine.openSession("a", "tx");
        b = engine.openSession("b", "tx");
        run(a, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private long rows(EngineSession s) throws Exception {
        return (Long) scalar(s, "SELECT count(*) FROM t");
    }

    @Test
    void autocommitCommitsEachStatementAndAFailedOneOnlyItself() throws Exception {
        assertFalse(a.inTransaction());
        long before = a.transactionId();
        run(a, "INSERT INTO t VALUES (1, 1)");
        assertNotEquals(before, a.transactionId(), "a new id after every autocommitted statement");
        assertEquals(1, rows(b));
        long afterInsert = a.transactionId();
        fails("23505", null, a, "INSERT INTO t VALUES (1, 2)");
        assertNotEquals(afterInsert, a.transactionId());
        assertEquals(1, rows(b));
        assertTrue(a.transactionId() != 0);
    }

    @Test
    void explicitTransactionsAreInvisibleUntilCommitAndRollbackDiscards() throws Exception {
        a.begin();
        assertTrue(a.inTransaction());
        long id = a.transactionId();
        run(a, "INSERT INTO t VALUES (1, 1)", "INSERT INTO t VALUES (2, 2)");
        assertEquals(id, a.transactionId(), "the id stays for the whole transaction");
        assertEquals(2, rows(a));
        assertEquals(0, rows(b));
        a.rollback();
        assertFalse(a.inTransaction());
        assertNotEquals(id, a.transactionId());
        assertEquals(0, rows(b));
        a.begin();
        run(a, "INSERT INTO t VALUES (3, 3)");
        a.commit();
        assertEquals(1, rows(b));
    }

    @Test
    void transactionStatementsInSqlAreRoutedToTheSession() throws Exception {
        assertEquals("BEGIN", exec(a, "BEGIN").tag());
        assertTrue(a.inTransaction());
        assertFailsWith("25001", () -> exec(a, "START TRANSACTION"));
        run(a, "INSERT INTO t VALUES (1, 1)");
        assertEquals("COMMIT", exec(a, "COMMIT WORK").tag());
        assertFalse(a.inTransaction());
        assertEquals(1, rows(b));
        run(a, "START TRANSACTION", "INSERT INTO t VALUES (2, 2)");
        assertEquals("ROLLBACK", exec(a, "ROLLBACK").tag());
        run(a, "BEGIN WORK", "INSERT INTO t VALUES (3, 3)", "END");
        assertEquals(2, rows(b));
        StatementResult.Count commitOutside = (StatementResult.Count) exec(a, "COMMIT");
        assertEquals("COMMIT", commitOutside.tag());
    }

    @Test
    void savepointsRollBackPartOfATransaction() throws Exception {
        fails("25P01", null, a, "SAVEPOINT outside");
        run(a, "BEGIN", "INSERT INTO t VALUES (1, 1)");
        assertEquals("SAVEPOINT", exec(a, "SAVEPOINT first").tag());
        run(a, "INSERT INTO t VALUES (2, 2)", "SAVEPOINT second", "INSERT INTO t VALUES (3, 3)");
        assertEquals("ROLLBACK", exec(a, "ROLLBACK TO SAVEPOINT first").tag());
        assertEquals(1, rows(a));
        fails("3B001", null, a, "ROLLBACK TO second");
        run(a, "INSERT INTO t VALUES (4, 4)");
        assertEquals("RELEASE", exec(a, "RELEASE SAVEPOINT first").tag());
        fails("3B001", null, a, "RELEASE first");
        a.savepoint("api");
        run(a, "INSERT INTO t VALUES (5, 5)");
        a.rollbackToSavepoint("api");
        a.releaseSavepoint("api");
        run(a, "COMMIT");
        assertEquals(2, rows(b));
    }

    @Test
    void aFailedStatementInsideATransactionKeepsTheEarlierWork() throws Exception {
        run(a, "BEGIN", "INSERT INTO t VALUES (1, 1)");
        fails("23505", null, a, "INSERT INTO t VALUES (1, 1)");
        run(a, "INSERT INTO t VALUES (2, 2)", "COMMIT");
        assertEquals(2, rows(b));
    }

    @Test
    void repeatableReadKeepsTheTransactionSnapshot() throws Exception {
        run(b, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertEquals("repeatable read", scalar(b, "SHOW transaction_isolation"));
        run(b, "BEGIN");
        assertEquals(0, rows(b));
        run(a, "INSERT INTO t VALUES (1, 1)");
        assertEquals(0, rows(b), "the snapshot is kept");
        run(b, "COMMIT");
        assertEquals(1, rows(b));
        run(b, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED", "BEGIN");
        run(a, "INSERT INTO t VALUES (2, 2)");
        assertEquals(2, rows(b), "read committed sees new commits");
        run(b, "COMMIT", "BEGIN ISOLATION LEVEL SERIALIZABLE");
        assertEquals("serializable", scalar(b, "SHOW transaction_isolation"));
        run(b, "COMMIT");
        assertEquals("read committed", scalar(b, "SHOW transaction_isolation"), "BEGIN's level lasts one transaction");
        run(b, "SET TRANSACTION ISOLATION LEVEL SNAPSHOT", "SET TRANSACTION ISOLATION LEVEL READ COMMITTED RECORD VERSION");
        run(b, "BEGIN", "SELECT count(*) FROM t");
        fails("25001", null, b, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
    }

    @Test
    void readOnlyTransactionsRefuseWrites() throws Exception {
        run(a, "SET TRANSACTION READ ONLY");
        assertEquals(0L, scalar(a, "SELECT count(*) FROM t"));
        fails("25006", null, a, "INSERT INTO t VALUES (1, 1)");
        fails("25006", null, a, "CREATE TABLE u (x INTEGER)");
        run(a, "SET TRANSACTION READ WRITE", "INSERT INTO t VALUES (1, 1)", "BEGIN READ ONLY");
        assertEquals("on", scalar(a, "SHOW transaction_read_only"));
        fails("25006", null, a, "UPDATE t SET v = 2");
        run(a, "ROLLBACK", "UPDATE t SET v = 2");
    }

    @Test
    void closingASessionRollsBackItsTransaction() throws Exception {
        run(a, "BEGIN", "INSERT INTO t VALUES (1, 1)");
        a.close();
        assertEquals(0, rows(b));
        assertFailsWith("08003", () -> exec(a, "SELECT 1"));
    }

    @Test
    void sessionParametersCanBeSetShownAndReset() throws Exception {
        run(a, "SET application_name = 'billing'", "SET TIME ZONE 'UTC'", "SET lock_timeout = '2s'",
                "SET client_encoding TO 'UTF8'");
        assertEquals("billing", scalar(a, "SHOW application_name"));
        assertEquals("UTC", scalar(a, "SHOW timezone"));
        assertEquals("2000ms", scalar(a, "SHOW lock_timeout"));
        run(a, "RESET ALL");
        assertEquals("tx", scalar(a, "SHOW application_name"));
        fails("42704", null, a, "SET no_such_parameter = 1");
        fails("42704", null, a, "SHOW no_such_parameter");
        fails("22023", null, a, "SET TIME ZONE 'Mars/Olympus'");
        fails("0A000", null, a, "SET client_encoding TO 'LATIN1'");
    }
}
