package io.scratchbird.embedded.sql;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SBsql to storage translation, without storage. */
class SqlTranslatorTest {

    /** A schema tree whose generation the tests can advance. */
    private static final class Schemas implements SchemaDirectory {
        final Set<String> names = new HashSet<>(Set.of("users", "users.public", "sys", "sys.information", "app", "app.sub"));
        long generation;

        @Override
        public boolean exists(String schemaPath) {
            return names.contains(schemaPath.toLowerCase(Locale.ROOT));
        }

        @Override
        public long generation() {
            return generation;
        }
    }

    private final Schemas schemas = new Schemas();
    private final SqlTranslator translator = new SqlTranslator(schemas);

    private String sql(String sbsql) throws EngineException {
        return translator.translate(sbsql).sql();
    }

    private EngineException refused(String sbsql) {
        return assertThrows(EngineException.class, () -> translator.translate(sbsql));
    }

    @Test
    void parameterStylesBecomePositionalMarkers() throws Exception {
        TranslatedStatement dollar = translator.translate("SELECT * FROM t WHERE a = $2 AND b = $1 AND c = $2");
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ? AND c = ?", dollar.sql());
        assertArrayEquals(new int[] {1, 0, 1}, dollar.parameterSources());
        assertEquals(2, dollar.parameterCount());
        TranslatedStatement named = translator.translate("SELECT :b, :a, :B");
        assertArrayEquals(new int[] {0, 1, 0}, named.parameterSources());
        assertEquals(2, named.parameterCount());
        assertEquals("42601", refused("SELECT ? , $1").sqlState());
        assertEquals("SELECT '$1' AS \"?column?\", ':x' AS \"?column?\"", sql("SELECT '$1', ':x'"));
    }

    @Test
    void castsAndTypedLiteralsUseSbsqlTypes() throws Exception {
        assertEquals("SELECT CAST (x AS TINYINT) AS \"x\" FROM t", sql("SELECT x::INT8 FROM t"));
        assertEquals("SELECT CAST (? AS INTEGER) AS \"integer\"", sql("SELECT ?::INTEGER"));
        assertEquals("SELECT CAST (CAST (x AS INTEGER) AS \"sys.types\".\"text\") AS \"x\" FROM t", sql("SELECT x::int::text FROM t"));
        assertEquals("SELECT (CAST ('{}' AS \"sys.types\".\"jsonb\") FORMAT JSON) AS \"jsonb\"", sql("SELECT JSONB '{}'"));
        assertEquals("SELECT TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' AS \"timestamptz\"",
                sql("SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00'"));
        assertEquals("SELECT INTERVAL '-1-2' YEAR TO MONTH AS \"interval\"", sql("SELECT INTERVAL '-P1Y2M'"));
        assertEquals("SELECT INTERVAL '1 02:03:04.5' DAY TO SECOND AS \"interval\"", sql("SELECT INTERVAL 'P1DT2H3M4.5S'"));
        assertEquals("SELECT INTERVAL '9 00:00:00' DAY TO SECOND AS \"interval\"", sql("SELECT INTERVAL '1 week 2 days'"));
        assertEquals("SELECT INTERVAL '1' DAY AS \"interval\"", sql("SELECT INTERVAL '1' DAY"));
        assertEquals("0A000", refused("SELECT INTERVAL 'P1M2D'").sqlState());
        TranslatedStatement vector = translator.translate("SELECT CAST('[1,2]' AS VECTOR(2))");
        assertEquals("vector(2)", vector.domains().get(0).name());
        assertEquals(2, vector.columns().get(0).type().dimension());
    }

    @Test
    void jsonOperatorsBecomeFunctionCallsWithPostgresPrecedence() throws Exception {
        String get = FunctionCatalog.lookup("json_get").qualifiedAlias();
        String text = FunctionCatalog.lookup("json_get_text").qualifiedAlias();
        assertEquals("SELECT " + text + " ((" + get + " (doc, 'a') FORMAT JSON), 'b') AS \"?column?\" FROM t WHERE "
                + text + " (t.doc, 'x') = 'y'", sql("SELECT doc -> 'a' ->> 'b' FROM t WHERE t.doc ->> 'x' = 'y'"));
        assertEquals("SELECT (" + get + " ((CAST ('{}' AS \"sys.types\".\"jsonb\") FORMAT JSON), CAST (1 AS INTEGER))"
                + " FORMAT JSON) AS \"?column?\"", sql("SELECT '{}'::jsonb -> 1::int"));
        assertEquals("42601", refused("SELECT -> 'a'").sqlState());
    }

    @Test
    void libraryFunctionsAreQualifiedAndPostgresClockAndUuidFunctionsMapped() throws Exception {
        assertEquals("SELECT " + FunctionCatalog.lookup("l2_distance").qualifiedAlias()
                + " (v, " + FunctionCatalog.lookup("vector").qualifiedAlias() + " (?)) AS \"l2_distance\" FROM t",
                sql("SELECT l2_distance(v, vector(?)) FROM t"));
        assertEquals("SELECT CURRENT_TIMESTAMP AS \"now\", RANDOM_UUID() AS \"gen_random_uuid\"",
                sql("SELECT now(), gen_random_uuid()"));
        assertEquals("SELECT NEXT VALUE FOR \"app.sub\".s AS \"nextval\"", sql("SELECT nextval('app.sub.s')"));
        assertEquals("42883", refused("SELECT csvwrite('x', 'SELECT 1')").sqlState());
        assertEquals("0A000", refused("SELECT nextval(name) FROM t").sqlState());
        assertEquals("0A000", refused("SELECT setval('s', 1)").sqlState());
    }

    @Test
    void qualifiedNamesResolveAgainstTheSchemaTree() throws Exception {
        assertEquals("SELECT \"users.public\".t.a FROM \"users.public\".t", sql("SELECT users.public.t.a FROM users.public.t"));
        assertEquals("SELECT * FROM \"app.sub\".t", sql("SELECT * FROM app.sub.t"));
        assertEquals("SELECT * FROM app.t", sql("SELECT * FROM app.t"));
        assertEquals("SELECT * FROM \"sys.information_schema\".tables", sql("SELECT * FROM information_schema.tables"));
        assertEquals("SELECT * FROM \"sys.information\".columns", sql("SELECT * FROM sys.information.columns"));
        assertEquals("INSERT INTO \"app.sub\".t (a) VALUES (1)", sql("INSERT INTO app.sub.t (a) VALUES (1)"));
        assertEquals("CREATE SCHEMA \"app.sub.deeper\"", sql("CREATE SCHEMA app.sub.deeper"));
    }

    @Test
    void translationsAreCachedPerTextAndRedoneWhenSchemasChange() throws Exception {
        TranslatedStatement first = translator.translate("SELECT * FROM x.y.t");
        assertSame(first, translator.translate("SELECT * FROM x.y.t"));
        assertEquals("SELECT * FROM x.y.t", first.sql());
        schemas.names.add("x.y");
        schemas.generation++;
        TranslatedStatement second = translator.translate("SELECT * FROM x.y.t");
        assertNotSame(first, second);
        assertEquals("SELECT * FROM \"x.y\".t", second.sql());
        for (int i = 0; i < 3000; i++) {
            translator.translate("SELECT " + i);
        }
        assertEquals(2048, translator.cachedTranslations(), "the cache is bounded");
    }

    @Test
    void returningBecomesASelectFromTheChangedRows() throws Exception {
        assertEquals("SELECT id, lower (name) AS \"lower\" FROM FINAL TABLE (INSERT INTO p (name) VALUES (?)) AS \"p\"",
                sql("INSERT INTO p (name) VALUES (?) RETURNING id, lower(name)"));
        assertEquals("SELECT * FROM OLD TABLE (DELETE FROM p AS q WHERE id = 1) AS \"q\"",
                sql("DELETE FROM p AS q WHERE id = 1 RETURNING *"));
        TranslatedStatement update = translator.translate("UPDATE users.public.p SET n = n + 1 RETURNING n");
        assertEquals(List.of("users", "public", "p"), update.target());
        assertTrue(update.returnsRows());
    }

    @Test
    void onConflictBecomesAMerge() throws Exception {
        assertEquals("MERGE INTO kv AS \"kv\" USING (VALUES (1, 'a')) AS excluded (k, v) ON \"kv\".k = excluded.k"
                        + " WHEN MATCHED THEN UPDATE SET v = EXCLUDED.v WHEN NOT MATCHED THEN INSERT (k, v)"
                        + " VALUES (excluded.k, excluded.v)",
                sql("INSERT INTO kv (k, v) VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v"));
        assertEquals("MERGE INTO kv AS \"kv\" USING (SELECT k, v FROM src) AS excluded (k, v) ON \"kv\".k = excluded.k"
                        + " WHEN NOT MATCHED THEN INSERT (k, v) VALUES (excluded.k, excluded.v)",
                sql("INSERT INTO kv (k, v) SELECT k, v FROM src ON CONFLICT (k) DO NOTHING"));
        assertEquals("MERGE INTO kv (k, v) VALUES (1, 2)", sql("UPSERT INTO kv (k, v) VALUES (1, 2)"));
        assertEquals("0A000", refused("INSERT INTO kv VALUES (1, 2) ON CONFLICT (k) DO NOTHING").sqlState());
    }

    @Test
    void ddlGetsStorageTypesAndPostgresConstraintNames() throws Exception {
        assertEquals("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS scratch (id BIGINT CONSTRAINT \"scratch_pkey\" PRIMARY KEY,"
                + " v \"sys.types\".\"vector(3)\" NOT NULL, CONSTRAINT \"scratch_v_key\" UNIQUE (v), CONSTRAINT \"scratch_check\""
                + " CHECK (id > 0), CONSTRAINT \"scratch_check1\" CHECK (id < 9)) ON COMMIT DELETE ROWS TRANSACTIONAL",
                sql("CREATE TEMP TABLE IF NOT EXISTS scratch (id BIGINT PRIMARY KEY, v VECTOR(3) NOT NULL, UNIQUE (v),"
                        + " CHECK (id > 0), CHECK (id < 9)) ON COMMIT DELETE ROWS"));
        assertEquals("CREATE TABLE c (a REAL CONSTRAINT named UNIQUE, b GEOMETRY GENERATED ALWAYS AS (ST_X (a)))",
                sql("CREATE TABLE c (a FLOAT CONSTRAINT named UNIQUE, b GEOMETRY GENERATED ALWAYS AS (ST_X(a)) STORED)")
                        .replace(FunctionCatalog.lookup("st_x").qualifiedAlias(), "ST_X"));
        assertEquals("ALTER TABLE t ADD COLUMN e \"sys.types\".\"jsonb\"", sql("ALTER TABLE t ADD COLUMN e JSONB"));
        assertEquals("ALTER TABLE t ALTER COLUMN e SET DATA TYPE BIGINT", sql("ALTER TABLE t ALTER COLUMN e TYPE INT64"));
        assertEquals("ALTER SEQUENCE s INCREMENT BY 5 RESTART WITH 9", sql("ALTER SEQUENCE s SET INCREMENT BY 5 RESTART WITH 9"));
        assertEquals("CREATE SEQUENCE s AS BIGINT START WITH 1 INCREMENT BY 50", sql("CREATE SEQUENCE s AS BIGINT START 1 INCREMENT 50 OWNED BY NONE"));
        assertEquals("ALTER TABLE a RENAME TO b", sql("RENAME TABLE a TO b"));
        assertEquals("TRUNCATE TABLE t RESTART IDENTITY", sql("TRUNCATE t RESTART IDENTITY"));
        assertEquals("0A000", refused("ALTER TABLE t ADD COLUMN a INT, ADD COLUMN b INT").sqlState());
        assertEquals("0A000", refused("CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW CALL 'x'").sqlState());
        assertEquals("0A000", refused("CREATE TABLE t (a TEXT COLLATE \"de\")").sqlState());
    }

    @Test
    void indexMethodsAreAcceptedAndRecorded() throws Exception {
        TranslatedStatement hnsw = translator.translate("CREATE INDEX emb_idx ON app.sub.items USING HNSW (embedding vector_l2_ops)");
        assertEquals("CREATE INDEX emb_idx ON \"app.sub\".items (embedding)", hnsw.sql());
        assertTrue(hnsw.followUps().get(0).endsWith("VALUES ('app.sub', 'emb_idx', 'hnsw')"), hnsw.followUps().get(0));
        assertEquals("CREATE UNIQUE INDEX \"t_a_b_idx\" ON t (a DESC NULLS LAST, b)",
                sql("CREATE UNIQUE INDEX ON t (a DESC NULLS LAST, b) INCLUDE (c)"));
        assertEquals("CREATE INDEX i ON t (a)", sql("CREATE INDEX CONCURRENTLY i ON t (a) WHERE a > 0"));
        assertEquals("0A000", refused("CREATE UNIQUE INDEX i ON t (a) WHERE a > 0").sqlState());
        assertEquals("0A000", refused("CREATE INDEX i ON t (lower(a))").sqlState());
        assertEquals("0A000", refused("CREATE INDEX i ON t USING ivfflat_custom (a)").sqlState());
        assertEquals("42601", refused("CREATE INDEX i ON t USING HNSW (v) WITH (m = 16)").sqlState());
    }

    private IndexDdl indexDdl(String sbsql) throws EngineException {
        return translator.translate(sbsql).indexDdl();
    }

    @Test
    void indexDdlIsDescribedForTheIndexCatalog() throws Exception {
        assertEquals(new IndexDdl.CreateVectorIndex("app.sub", "items", "embedding", "emb_idx", "hnsw", false),
                indexDdl("CREATE INDEX emb_idx ON app.sub.items USING HNSW (embedding vector_l2_ops)"));
        assertEquals(new IndexDdl.CreateVectorIndex(null, "t", "v", "t_v_idx", "vector_hnsw", true),
                indexDdl("CREATE INDEX IF NOT EXISTS ON t USING VECTOR_HNSW (v DESC)"));
        // what the catalog cannot hold stays a storage index: unique, several columns
        assertEquals(new IndexDdl.CreateIndex(null, "t", "u", false), indexDdl("CREATE UNIQUE INDEX u ON t USING HNSW (v)"));
        assertEquals(new IndexDdl.CreateIndex(null, "t", "two", false), indexDdl("CREATE INDEX two ON t USING HNSW (v, w)"));
        assertEquals(new IndexDdl.CreateIndex(null, "t", "g", true), indexDdl("CREATE INDEX IF NOT EXISTS g ON t USING GIN (d)"));
        assertEquals(new IndexDdl.DropIndex(null, "i", false), indexDdl("DROP INDEX i"));
        assertEquals(new IndexDdl.DropIndex("app.sub", "I", true), indexDdl("DROP INDEX IF EXISTS app.sub.\"I\""));
        assertNull(indexDdl("DROP INDEX a, b"));
        assertNull(indexDdl("DROP TABLE t"));
        assertEquals(new IndexDdl.RenameIndex("app", "i", "j", true), indexDdl("ALTER INDEX IF EXISTS app.i RENAME TO j"));
        assertEquals(new IndexDdl.RenameTable(null, "a", "b"), indexDdl("RENAME TABLE a TO b"));
        assertEquals(new IndexDdl.RenameTable("app", "a", "b"), indexDdl("ALTER TABLE IF EXISTS app.a RENAME TO b"));
        assertEquals(new IndexDdl.RenameColumn(null, "t", "a", "b"), indexDdl("ALTER TABLE t RENAME COLUMN a TO b"));
        assertEquals(new IndexDdl.RenameColumn(null, "t", "a", "b"), indexDdl("ALTER TABLE t RENAME a TO b"));
        assertEquals(new IndexDdl.RenameColumn(null, "t", "a", "b"), indexDdl("ALTER TABLE t ALTER COLUMN a RENAME TO b"));
        assertNull(indexDdl("ALTER TABLE t RENAME CONSTRAINT a TO b"));
        assertNull(indexDdl("ALTER TABLE t ADD COLUMN c INTEGER"));
        assertEquals(new IndexDdl.RenameSchema("app.sub", "app.other"), indexDdl("ALTER SCHEMA app.sub RENAME TO app.other"));
    }

    @Test
    void sessionStatementsBecomeCommands() throws Exception {
        assertInstanceOf(SessionCommand.Begin.class, translator.translate("BEGIN TRANSACTION").command());
        assertEquals(new SessionCommand.Begin(IsolationLevel.SERIALIZABLE, true),
                translator.translate("START TRANSACTION ISOLATION LEVEL SNAPSHOT TABLE STABILITY, READ ONLY").command());
        assertEquals(new SessionCommand.RollbackToSavepoint("sp"), translator.translate("ROLLBACK TO SAVEPOINT sp").command());
        assertEquals(new SessionCommand.ReleaseSavepoint("sp"), translator.translate("RELEASE sp").command());
        assertEquals(new SessionCommand.SetTransaction(IsolationLevel.READ_COMMITTED, null),
                translator.translate("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED NO RECORD VERSION").command());
        assertEquals(new SessionCommand.SetSearchPath(List.of("users.public", "app")),
                translator.translate("SET SEARCH_PATH TO \"users\".\"public\", app").command());
        assertEquals(new SessionCommand.SetSearchPath(List.of("app.sub")), translator.translate("SET SCHEMA 'app.sub'").command());
        assertEquals(new SessionCommand.Show("search_path"), translator.translate("SHOW SEARCH PATH").command());
        assertEquals(new SessionCommand.SetParameter("application_name", "x"), translator.translate("SET application_name = 'x'").command());
        assertEquals("ROLLBACK", translator.translate("ROLLBACK TO sp").tag());
        assertEquals("0A000", refused("COMMIT AND CHAIN").sqlState());
        assertEquals("0A000", refused("SET TERM ^ ;").sqlState());
        assertEquals(StatementKind.EMPTY, translator.translate(" -- nothing ").kind());
    }

    @Test
    void projectionsGetPostgresLabelsAndDeclaredTypes() throws Exception {
        TranslatedStatement s = translator.translate("SELECT a, t.b, count(*), c AS \"Named\", d e, 1 + 2, CASE WHEN x THEN 1 END,"
                + " vector('[1]'), int4range(1, 2), json_build_object('k', 1) FROM t");
        List<ColumnHint> hints = s.columns();
        assertNull(hints.get(0).label());
        assertNull(hints.get(1).label());
        assertEquals("count", hints.get(2).label());
        assertEquals("Named", hints.get(3).label());
        assertEquals("e", hints.get(4).label());
        assertEquals("?column?", hints.get(5).label());
        assertEquals("case", hints.get(6).label());
        assertEquals(SbTypes.VECTOR, hints.get(7).type());
        assertEquals(SbTypes.INT4RANGE, hints.get(8).type());
        assertEquals(SbTypes.JSON, hints.get(9).type());
        assertTrue(s.sql().contains("count (*) AS \"count\""), s.sql());
        assertEquals(3, translator.translate("SELECT a, *, b FROM t").columns().size());
    }
}
