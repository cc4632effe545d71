package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.RowCursor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A storage result read row by row, each value converted for its column's declared type. */
final class H2RowCursor implements RowCursor {

    /** Translates an error raised while reading rows. */
    interface ErrorHandler {
        EngineException translate(SQLException e);
    }

    private final Statement statement;
    private final ResultSet rows;
    private final List<ResultColumn> columns;
    private final ErrorHandler errors;
    private boolean closed;

    H2RowCursor(Statement statement, ResultSet rows, List<ResultColumn> columns, ErrorHandler errors) {
        this.statement = statement;
        this.rows = rows;
        this.columns = List.copyOf(columns);
        this.errors = errors;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Object[] next() throws EngineException {
        if (closed) {
            return null;
        }
        try {
            if (!rows.next()) {
                close();
                return null;
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = ValueReader.read(rows, i + 1, columns.get(i).type());
            }
            return row;
        } catch (SQLException e) {
            close();
            throw errors.translate(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Quietly.close(statement);
    }
}
