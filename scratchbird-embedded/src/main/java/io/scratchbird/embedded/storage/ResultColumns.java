package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.ColumnHint;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.SbTypes;
import io.scratchbird.embedded.sql.SqlType;
import io.scratchbird.embedded.sql.TranslatedStatement;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a result's columns with their declared SBsql types, also for empty results. In order of
 * precedence: what the statement text declares (a cast, a typed literal, a function of a text-stored
 * type — the translator's {@link ColumnHint}s); the declared type of the table column a value comes
 * from (read from the catalog, so a {@code vector(3)} column is {@code vector} with dimension 3); for
 * RETURNING, the target table's column of that name; and last the type storage computed.
 */
final class ResultColumns {

    private ResultColumns() {
    }

    static List<ResultColumn> describe(ResultSetMetaData md, TranslatedStatement statement, Connection connection,
                                       EngineCatalog catalog) throws SQLException {
        int count = md.getColumnCount();
        ColumnHint[] hints = align(statement.columns(), count);
        String[] target = target(statement, connection);
        List<ResultColumn> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ColumnHint hint = hints[i - 1];
            String label = hint != null && hint.label() != null ? hint.label() : visibleLabel(md.getColumnLabel(i));
            String schema = md.getSchemaName(i);
            String table = md.getTableName(i);
            String column = md.getColumnName(i);
            SqlType type = hint == null ? null : hint.type();
            boolean fromTable = false;
            if (type == null && !table.isEmpty()) {
                type = catalog.declaredType(connection, schema, table, column);
                fromTable = type != null;
            }
            if (type == null && target != null) {
                type = catalog.declaredType(connection, target[0], target[1], label);
                if (type != null) {
                    schema = target[0];
                    table = target[1];
                    column = label;
                    fromTable = true;
                }
            }
            if (type == null) {
                type = SbTypes.fromStorage(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i));
            }
            boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
            columns.add(fromTable ? new ResultColumn(label, type, nullable, schema, table, column)
                    : new ResultColumn(label, type, nullable, null, null, null));
        }
        return columns;
    }

    /**
     * Hints per result column. Items before the first star map to the first columns, items after the
     * last star to the last ones; columns a star expanded to get none.
     */
    private static ColumnHint[] align(List<ColumnHint> hints, int count) {
        ColumnHint[] out = new ColumnHint[count];
        if (hints == null) {
            return out;
        }
        int firstStar = 0;
        while (firstStar < hints.size() && !hints.get(firstStar).star()) {
            firstStar++;
        }
        if (firstStar == hints.size() && hints.size() != count) {
            return out;
        }
        for (int i = 0; i < firstStar && i < count; i++) {
            out[i] = hints.get(i);
        }
        int lastStar = hints.size() - 1;
        while (lastStar >= 0 && !hints.get(lastStar).star()) {
            lastStar--;
        }
        for (int k = hints.size() - 1, c = count - 1; k > lastStar && c >= firstStar; k--, c--) {
            out[c] = hints.get(k);
        }
        return out;
    }

    /** {schema, table} of a DML statement's target, for RETURNING columns; null otherwise. */
    private static String[] target(TranslatedStatement statement, Connection connection) throws SQLException {
        List<String> parts = statement.target();
        if (parts == null || statement.columns() == null) {
            return null;
        }
        String schema = parts.size() == 1 ? connection.getSchema() : String.join(".", parts.subList(0, parts.size() - 1));
        return new String[] {schema, parts.get(parts.size() - 1)};
    }

    /** Storage names a column it had to label itself after the expression; such text is not shown. */
    private static String visibleLabel(String label) {
        return label.contains("\"sys.") || label.contains("\"sb_") ? "?column?" : label;
    }
}
