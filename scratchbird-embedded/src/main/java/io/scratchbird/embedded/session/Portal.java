package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.RowCursor;

import java.util.List;

/**
 * A statement bound to parameter values by BIND. Once EXECUTE has started a result, the open
 * cursor lives here so a later EXECUTE resumes it ({@code max_rows} suspension).
 */
final class Portal {

    final String name;
    final PreparedStatement statement;
    final List<EngineSession.Parameter> parameters;
    /** The SQL after textual substitution (reference-quirks mode), else the statement's text. */
    final String sql;
    final List<Integer> resultFormats;
    /** Array-bind rows (spec 8.9): one parameter list per row, executed together; null otherwise. */
    List<List<EngineSession.Parameter>> batch;
    RowCursor openCursor;
    String openTag;
    long rowsSent;

    Portal(String name, PreparedStatement statement, List<EngineSession.Parameter> parameters, String sql,
           List<Integer> resultFormats) {
        this.name = name;
        this.statement = statement;
        this.parameters = parameters;
        this.sql = sql;
        this.resultFormats = resultFormats;
    }

    long storedSize() {
        long size = sql.length() * 2L + name.length();
        for (EngineSession.Parameter p : parameters) {
            size += 16 + (p.value() instanceof byte[] b ? b.length : String.valueOf(p.value()).length() * 2L);
        }
        return size;
    }

    int resultFormat(int column) {
        return resultFormats.isEmpty() ? 0 : resultFormats.get(Math.min(column, resultFormats.size() - 1));
    }

    void closeCursor() {
        if (openCursor != null) {
            openCursor.close();
            openCursor = null;
        }
    }
}
