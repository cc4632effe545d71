package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.query;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The schema tree: default schema {@code users.public}, dotted paths, SET SCHEMA and the search path. */
class SchemaTest {

    private H2SqlEngine engine;
    private EngineSession session;

    @BeforeEach
    void open() throws Exception {
        engine = H2SqlEngine.inMemory();
        session = engine.openSession("test", "schemas");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theDefaultSchemaIsUsersPublic() throws Exception {
        assertEquals("users.public", scalar(session, "SELECT current_schema"));
        assertEquals("users.public", scalar(session, "SELECT current_schema()"));
        assertEquals("users.public", scalar(session, "SHOW current_schema"));
        assertEquals("users.public", scalar(session, "SHOW search_path"));
        run(session, "CREATE TABLE t (x INTEGER)", "INSERT INTO t VALUES (1)");
        assertEquals(1L, scalar(session, "SELECT count(*) FROM users.public.t"));
        assertEquals(1L, scalar(session, "SELECT count(*) FROM \"users\".\"public\".t"));
        assertEquals(1, scalar(session, "SELECT users.public.t.x FROM users.public.t"));
        // SBsql has no top-level public schema (SQL-DIALECT.md section 1).
        fails("3F000", null, session, "SELECT * FROM public.t");
        assertEquals("users.public", scalar(session,
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 't'"));
    }

    @Test
    void nestedSchemasAndTheSearchPath() throws Exception {
        run(session, "CREATE SCHEMA app", "CREATE SCHEMA app.sub", "CREATE TABLE app.sub.items (id INTEGER)",
                "INSERT INTO app.sub.items VALUES (7)", "CREATE TABLE app.things (id INTEGER)");
        assertEquals(7, scalar(session, "SELECT id FROM app.sub.items"));
        fails("42P01", null, session, "SELECT * FROM items");
        run(session, "SET SCHEMA app.sub");
        assertEquals("app.sub", scalar(session, "SELECT current_schema"));
        assertEquals(7, scalar(session, "SELECT id FROM items"));
        run(session, "SET search_path TO users.public, app.sub");
        assertEquals("users.public, app.sub", scalar(session, "SHOW search_path"));
        assertEquals(7, scalar(session, "SELECT id FROM items"));
        run(session, "RESET search_path");
        assertEquals("users.public", scalar(session, "SELECT current_schema"));
        assertEquals(List.of("app", "app.sub"), query(session,
                "SELECT schema_name FROM sys.schemas WHERE schema_name LIKE 'app%' ORDER BY schema_name").column("schema_name"));
        run(session, "SET SCHEMA 'app'");
        assertEquals(0L, scalar(session, "SELECT count(*) FROM things"));
    }

    @Test
    void settingTheSchemaIsPerSession() throws Exception {
        run(session, "CREATE SCHEMA other", "SET SCHEMA other");
        try (EngineSession second = engine.openSession("test", "second")) {
            assertEquals("users.public", scalar(second, "SELECT current_schema"));
        }
    }

    @Test
    void systemSchemasAreProtectedAndUnknownOnesReported() throws Exception {
        fails("42501", null, session, "DROP SCHEMA sys");
        fails("42501", null, session, "DROP SCHEMA users.public");
        fails("3F000", null, session, "SET search_path TO nowhere");
        run(session, "CREATE SCHEMA temp_branch", "DROP SCHEMA temp_branch");
        fails("3F000", null, session, "SET SCHEMA temp_branch");
    }

    @Test
    void theEnginesOwnSchemasCannotBeUsedOrChanged() throws Exception {
        fails("42501", null, session, "SELECT * FROM \"sys.meta\".index_methods");
        fails("42501", null, session, "INSERT INTO sys.meta.index_methods VALUES ('a', 'b', 'c')");
        fails("42501", null, session, "SELECT sys.functions.sb_pg_sleep(1)");
        fails("42501", null, session, "DROP VIEW sys.tables");
        fails("42501", null, session, "CREATE TABLE sys.information.mine (x INTEGER)");
        fails("42501", null, session, "CREATE INDEX i ON sys.information.tables (table_name)");
        fails("42501", null, session, "SET SCHEMA sys");
        fails("42501", null, session, "SET search_path TO users.public, sys.functions");
        run(session, "SET search_path TO users.public, sys.information", "CREATE TABLE mine (x INTEGER)");
        assertEquals(1L, scalar(session, "SELECT count(*) FROM tables"), "views of a schema on the search path resolve");
    }
}
