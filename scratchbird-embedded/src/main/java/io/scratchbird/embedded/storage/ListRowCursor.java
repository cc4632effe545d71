package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.RowCursor;

import java.util.Iterator;
import java.util.List;

/** Rows the session produces itself (SHOW). */
final class ListRowCursor implements RowCursor {

    private final List<ResultColumn> columns;
    private final Iterator<Object[]> rows;

    ListRowCursor(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows).iterator();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return rows.hasNext() ? rows.next().clone() : null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
