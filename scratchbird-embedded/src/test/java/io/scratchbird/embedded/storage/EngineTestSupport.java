package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.RowCursor;
import io.scratchbird.embedded.sql.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running statements through an {@link EngineSession} and checking results and errors. */
final class EngineTestSupport {

    private EngineTestSupport() {
    }

    /** A fully read result: its columns and rows. */
    record Result(List<ResultColumn> columns, List<Object[]> rows) {

        Object single() {
            assertEquals(1, rows.size(), "rows");
            assertEquals(1, columns.size(), "columns");
            return rows.get(0)[0];
        }

        Object[] only() {
            assertEquals(1, rows.size(), "rows");
            return rows.get(0);
        }

        ResultColumn column(int i) {
            return columns.get(i);
        }

        List<Object> column(String label) {
            int index = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).label().equalsIgnoreCase(label)) {
                    index = i;
                }
            }
            assertTrue(index >= 0, "no column " + label);
            List<Object> values = new ArrayList<>();
            for (Object[] row : rows) {
                values.add(row[index]);
            }
            return values;
        }
    }

    /** Parameters as (oid, value) pairs: {@code params(0, "x", 23, 5)}. */
    static List<EngineSession.Parameter> params(Object... oidValuePairs) {
        List<EngineSession.Parameter> list = new ArrayList<>();
        for (int i = 0; i < oidValuePairs.length; i += 2) {
            list.add(new EngineSession.Parameter((Integer) oidValuePairs[i], oidValuePairs[i + 1]));
        }
        return list;
    }

    /** Text parameters with OID 0. */
    static List<EngineSession.Parameter> text(String... values) {
        List<EngineSession.Parameter> list = new ArrayList<>();
        for (String v : values) {
            list.add(new EngineSession.Parameter(0, v));
        }
        return list;
    }

    static StatementResult exec(EngineSession s, String sql, List<EngineSession.Parameter> parameters) throws EngineException {
        return s.execute(sql, parameters);
    }

    static StatementResult exec(EngineSession s, String sql) throws EngineException {
        return s.execute(sql, List.of());
    }

    /** Runs several statements, each without parameters. */
    static void run(EngineSession s, String... statements) throws EngineException {
        for (String sql : statements) {
            StatementResult r = s.execute(sql, List.of());
            if (r instanceof StatementResult.Rows rows) {
                drain(rows.cursor());
            }
        }
    }

    static Result query(EngineSession s, String sql, List<EngineSession.Parameter> parameters) throws EngineException {
        StatementResult r = s.execute(sql, parameters);
        if (!(r instanceof StatementResult.Rows rows)) {
            throw new AssertionError("expected rows from " + sql + " but got " + r);
        }
        return new Result(rows.cursor().columns(), drain(rows.cursor()));
    }

    static Result query(EngineSession s, String sql) throws EngineException {
        return query(s, sql, List.of());
    }

    static Object scalar(EngineSession s, String sql) throws EngineException {
        return query(s, sql).single();
    }

    static Object scalar(EngineSession s, String sql, List<EngineSession.Parameter> parameters) throws EngineException {
        return query(s, sql, parameters).single();
    }

    static long count(EngineSession s, String sql) throws EngineException {
        StatementResult r = s.execute(sql, List.of());
        if (r instanceof StatementResult.Count c) {
            return c.rows();
        }
        throw new AssertionError("expected a count from " + sql + " but got " + r);
    }

    private static List<Object[]> drain(RowCursor cursor) throws EngineException {
        List<Object[]> rows = new ArrayList<>();
        try (cursor) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Asserts the statement fails with this SQLSTATE and diagnostic code, and the message leaks nothing of storage. */
    static EngineException fails(String sqlState, String diagnosticCode, EngineSession s, String sql,
                                 List<EngineSession.Parameter> parameters) {
        EngineException e = assertThrows(EngineException.class, () -> {
            StatementResult r = s.execute(sql, parameters);
            if (r instanceof StatementResult.Rows rows) {
                drain(rows.cursor());
            }
        }, sql);
        assertEquals(sqlState, e.sqlState(), () -> "SQLSTATE of " + sql + ": " + e.getMessage());
        if (diagnosticCode != null) {
            assertEquals(diagnosticCode, e.diagnosticCode(), () -> "diagnostic of " + sql + ": " + e.getMessage());
        }
        assertNoLeak(e);
        return e;
    }

    static EngineException fails(String sqlState, String diagnosticCode, EngineSession s, String sql) {
        return fails(sqlState, diagnosticCode, s, sql, List.of());
    }

    /** Storage names must never reach the client. */
    static void assertNoLeak(EngineException e) {
        String m = e.getMessage();
        assertFalse(m.contains("H2") || m.toLowerCase(Locale.ROOT).contains("org.h2") || m.contains("Exception")
                || m.contains("sb_") || m.contains("sys.functions") || m.contains("sys.types")
                || m.matches(".*\\[\\d{5}-\\d+].*"), () -> "storage detail leaked: " + m);
    }

    static void assertFailsWith(String sqlState, ThrowingRunnable action) {
        EngineException e = assertThrows(EngineException.class, action::run);
        assertEquals(sqlState, e.sqlState(), e::getMessage);
        assertNoLeak(e);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
