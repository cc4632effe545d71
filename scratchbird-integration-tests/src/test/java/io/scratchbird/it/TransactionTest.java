package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autocommit, commit and rollback as another connection sees them (errata A.1). */
class TransactionTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private Connection c;
    private Connection observer;

    @BeforeEach
    void open() throws SQLException {
        c = Servers.connect(db.server());
        observer = Servers.connect(db.server());
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists ledger (id integer primary key, amount integer)");
            s.execute("delete from ledger");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        observer.close();
    }

    private static long rows(Connection connection) throws SQLException {
        return Queries.longValue(connection, "select count(*) from ledger");
    }

    private void insert(int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into ledger values (?, 10)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
        }
    }

    @Test
    void autocommitIsOnAndEveryStatementIsVisibleAtOnce() throws SQLException {
        assertTrue(c.getAutoCommit());
        insert(1);
        try (Statement s = c.createStatement()) {
            s.execute("insert into ledger values (2, 20)");
        }
        assertEquals(2, rows(observer));
    }

    @Test
    void withoutAutocommitStatementsShareOneTransactionUntilCommit() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        try (Statement s = c.createStatement()) {
            s.execute("insert into ledger values (2, 20)");
        }
        assertEquals(2, rows(c), "the transaction sees its own rows");
        assertEquals(0, rows(observer), "nobody else sees uncommitted rows");
        c.commit();
        assertEquals(2, rows(observer));
    }

    @Test
    void rollbackDiscardsEverythingSinceTheLastCommit() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.commit();
        insert(2);
        try (Statement s = c.createStatement()) {
            s.execute("update ledger set amount = 99");
        }
        c.rollback();
        assertEquals(1, rows(c));
        assertEquals(1, rows(observer));
        assertEquals(10, Queries.longValue(c, "select amount from ledger"));
    }

    @Test
    void aNewTransactionStartsAfterEachCommitAndRollback() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.rollback();
        insert(2);
        c.commit();
        insert(3);
        c.rollback();
        assertEquals(1, rows(observer));
    }

    @Test
    void switchingAutocommitOnCommitsTheOpenTransaction() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.setAutoCommit(true);
        assertEquals(1, rows(observer));
        insert(2);
        assertEquals(2, rows(observer));
    }

    @Test
    void commitAndRollbackInAutocommitModeAreErrors() {
        assertThrows(SQLException.class, c::commit);
        assertThrows(SQLException.class, c::rollback);
    }

    @Test
    void closingWithAnOpenTransactionRollsItBack() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.close();
        assertEquals(0, rows(observer));
    }

    @Test
    void aFailedStatementInsideATransactionKeepsTheEarlierWork() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        assertThrows(SQLException.class, () -> insert(1));
        c.commit();
        assertEquals(1, rows(observer));
    }
}
