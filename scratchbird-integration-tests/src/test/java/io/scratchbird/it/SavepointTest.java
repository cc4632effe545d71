package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named and unnamed savepoints: rolling back to one, releasing one. */
class SavepointTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = Servers.connect(db.server());
        s = c.createStatement();
        s.execute("create table if not exists steps (n integer)");
        s.execute("delete from steps");
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private List<Integer> steps() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select n from steps order by n")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    @Test
    void rollbackToANamedSavepointUndoesOnlyWhatFollowedIt() throws SQLException {
        s.execute("insert into steps values (1)");
        Savepoint afterOne = c.setSavepoint("after_one");
        assertEquals("after_one", afterOne.getSavepointName());
        assertThrows(SQLException.class, afterOne::getSavepointId, "a named savepoint has no id");
        s.execute("insert into steps values (2)");
        c.rollback(afterOne);
        s.execute("insert into steps values (3)");
        c.commit();
        assertEquals(List.of(1, 3), steps());
    }

    @Test
    void unnamedSavepointsHaveIdsAndNest() throws SQLException {
        Savepoint first = c.setSavepoint();
        s.execute("insert into steps values (1)");
        Savepoint second = c.setSavepoint();
        assertTrue(second.getSavepointId() != first.getSavepointId());
        assertThrows(SQLException.class, first::getSavepointName, "an unnamed savepoint has no name");
        s.execute("insert into steps values (2)");
        c.rollback(second);
        assertEquals(List.of(1), steps());
        c.rollback(first);
        assertEquals(List.of(), steps());
        c.commit();
    }

    @Test
    void aReleasedSavepointCannotBeRolledBackTo() throws SQLException {
        s.execute("insert into steps values (1)");
        Savepoint sp = c.setSavepoint("gone");
        s.execute("insert into steps values (2)");
        c.releaseSavepoint(sp);
        assertThrows(SQLException.class, () -> c.rollback(sp));
        c.commit();
        assertEquals(List.of(1, 2), steps(), "releasing keeps the work");
    }

    @Test
    void aSavepointNameThatNeedsQuoting() throws SQLException {
        Savepoint spaced = c.setSavepoint("before update-1");
        s.execute("insert into steps values (7)");
        c.rollback(spaced);
        c.commit();
        assertEquals(List.of(), steps());
    }

    @Test
    void savepointsNeedATransaction() throws SQLException {
        c.setAutoCommit(true);
        assertThrows(SQLException.class, () -> c.setSavepoint("x"));
        assertThrows(SQLException.class, c::setSavepoint);
    }

    @Test
    void aSavepointRescuesATransactionFromAFailedStatement() throws SQLException {
        s.execute("insert into steps values (1)");
        Savepoint sp = c.setSavepoint();
        assertThrows(SQLException.class, () -> s.execute("insert into no_such_table values (1)"));
        c.rollback(sp);
        s.execute("insert into steps values (2)");
        c.commit();
        assertEquals(List.of(1, 2), steps());
    }
}
