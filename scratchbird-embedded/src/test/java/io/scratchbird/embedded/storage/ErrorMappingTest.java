package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.SqlErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each storage error becomes the SQLSTATE, diagnostic code and message (in our words, naming the
 * object) the client expects, with nothing of storage's text. Serialization, deadlock and cancel are
 * covered where they happen ({@link LockingTest}, {@link CancelTest}).
 */
class ErrorMappingTest {

    private static H2SqlEngine engine;
    private static EngineSession session;

    @BeforeAll
    static void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        session = engine.openSession("test", "errors");
        run(session, "CREATE TABLE parent (id INTEGER PRIMARY KEY, code VARCHAR(5) CONSTRAINT uk_code UNIQUE,"
                        + " email VARCHAR(50) UNIQUE, qty INTEGER CONSTRAINT ck_qty CHECK (qty >= 0), tiny INT8)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER CONSTRAINT fk_child_parent"
                        + " REFERENCES parent(id), note TEXT NOT NULL)",
                "CREATE UNIQUE INDEX ux_child_note ON child (note)",
                "INSERT INTO parent VALUES (1, 'a', 'a@x', 1, 1)",
                "INSERT INTO child VALUES (1, 1, 'n1')");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void uniqueAndPrimaryKeyViolationsNameTheConstraint() {
        EngineException named = fails("23505", SqlErrors.UNIQUE_VIOLATION, session,
                "INSERT INTO parent VALUES (2, 'a', 'b@x', 1, 1)");
        assertEquals("duplicate key value violates unique constraint \"uk_code\"", named.getMessage());
        EngineException generated = fails("23505", SqlErrors.UNIQUE_VIOLATION, session,
                "INSERT INTO parent VALUES (3, 'c', 'a@x', 1, 1)");
        assertEquals("duplicate key value violates unique constraint \"parent_email_key\"", generated.getMessage());
        EngineException pk = fails("23505", SqlErrors.PRIMARY_KEY_VIOLATION, session,
                "INSERT INTO parent VALUES (1, 'z', 'z@x', 1, 1)");
        assertEquals("duplicate key value violates unique constraint \"parent_pkey\"", pk.getMessage());
        EngineException index = fails("23505", SqlErrors.UNIQUE_VIOLATION, session, "INSERT INTO child VALUES (2, 1, 'n1')");
        assertEquals("duplicate key value violates unique constraint \"ux_child_note\"", index.getMessage());
    }

    @Test
    void foreignKeyViolationsInBothDirections() {
        EngineException missing = fails("23503", SqlErrors.FOREIGN_KEY_VIOLATION, session,
                "INSERT INTO child VALUES (5, 99, 'x')");
        assertEquals("insert or update on table \"child\" violates foreign key constraint \"fk_child_parent\"",
                missing.getMessage());
        EngineException referenced = fails("23503", SqlErrors.FOREIGN_KEY_VIOLATION, session, "DELETE FROM parent WHERE id = 1");
        assertEquals("update or delete on table \"parent\" violates foreign key constraint \"fk_child_parent\""
                + " on table \"child\"", referenced.getMessage());
    }

    @Test
    void notNullAndCheckViolations() {
        EngineException nn = fails("23502", SqlErrors.NOT_NULL_VIOLATION, session, "INSERT INTO child (id, parent_id) VALUES (7, 1)");
        assertEquals("null value in column \"note\" violates not-null constraint", nn.getMessage());
        EngineException check = fails("23514", SqlErrors.CHECK_VIOLATION, session, "UPDATE parent SET qty = -1");
        assertEquals("new row violates check constraint \"ck_qty\"", check.getMessage());
    }

    @Test
    void undefinedObjects() {
        assertEquals("relation \"missing\" does not exist",
                fails("42P01", SqlErrors.NOT_FOUND, session, "SELECT * FROM missing").getMessage());
        assertEquals("column \"nope\" does not exist",
                fails("42703", SqlErrors.NOT_FOUND, session, "SELECT nope FROM parent").getMessage());
        assertEquals("function no_such_fn does not exist",
                fails("42883", SqlErrors.NOT_FOUND, session, "SELECT no_such_fn(1)").getMessage());
        fails("42883", SqlErrors.NOT_FOUND, session, "SELECT l2_distance('[1]')");
        fails("42883", SqlErrors.NOT_FOUND, session, "SELECT file_read('/etc/passwd')");
        fails("42704", SqlErrors.NOT_FOUND, session, "CREATE TABLE t_bad (x NO_SUCH_TYPE)");
        fails("3F000", SqlErrors.NOT_FOUND, session, "SET SCHEMA nowhere");
        fails("42P01", SqlErrors.NOT_FOUND, session, "SELECT nextval('no_such_seq')");
    }

    @Test
    void syntaxErrorsCarryThePositionInTheSbsqlText() {
        EngineException e = fails(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED, session, "SELECT * FORM parent");
        assertEquals("syntax error at or near \"FORM\"", e.getMessage());
        assertEquals(10, e.position());
        EngineException shifted = fails(SqlErrors.SYNTAX_ERROR, null, session,
                "SELECT '{\"a\":1}'::jsonb -> 'a', l2_distance(vector('[1]'), vector('[1]')) FROM parent WHERE WHERE");
        assertEquals("syntax error at or near \"WHERE\"", shifted.getMessage());
        assertEquals(93, shifted.position());
        EngineException atEnd = fails(SqlErrors.SYNTAX_ERROR, null, session, "SELECT id FROM parent WHERE");
        assertEquals("syntax error at end of input", atEnd.getMessage());
        EngineException unterminated = fails(SqlErrors.SYNTAX_ERROR, null, session, "SELECT 'abc");
        assertEquals(8, unterminated.position());
    }

    @Test
    void dataErrors() {
        fails("22012", SqlErrors.DIVISION_BY_ZERO, session, "SELECT 1 / 0");
        fails("22003", SqlErrors.NUMERIC_OVERFLOW, session, "UPDATE parent SET tiny = 300");
        fails("22P02", null, session, "SELECT CAST('abc' AS INTEGER)");
        fails("22001", null, session, "UPDATE parent SET code = 'toolong'");
        fails("22000", null, session, "SELECT cosine_distance(vector('[0,0]'), vector('[1,0]'))");
        fails("22007", null, session, "SELECT INTERVAL 'soon'");
    }

    @Test
    void unsupportedConstructsNameThemselves() {
        assertEquals("FOR SHARE (only FOR UPDATE is) is not supported",
                fails(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED, session,
                        "SELECT * FROM parent FOR SHARE").getMessage());
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED, session,
                "SELECT * FROM parent ORDER BY id <-> 1");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT '{}' @> '{}'");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "CREATE ALIAS evil FOR 'java.lang.System.exit'");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "PREPARE TRANSACTION 'x'");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "LISTEN channel");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT DISTINCT ON (id) id FROM parent");
        fails(SqlErrors.FEATURE_NOT_SUPPORTED, null, session, "SELECT 10U8");
        fails(SqlErrors.SYNTAX_ERROR, null, session, "SELECT * FROM parent NATURAL JOIN child");
        fails(SqlErrors.SYNTAX_ERROR, null, session, "CREATE TABLE t_tz (at TIMESTAMP WITH TIME ZONE)");
        fails(SqlErrors.SYNTAX_ERROR, null, session, "CREATE TABLE t_serial (id SERIAL)");
        fails(SqlErrors.SYNTAX_ERROR, null, session, "SCRIPT TO 'dump.sql'");
        fails(SqlErrors.SYNTAX_ERROR, null, session, "SHUTDOWN");
    }

    @Test
    void theSessionStaysUsableAfterErrors() throws Exception {
        fails("42P01", null, session, "SELECT * FROM missing");
        assertEquals(1L, scalar(session, "SELECT count(*) FROM parent"));
    }
}
