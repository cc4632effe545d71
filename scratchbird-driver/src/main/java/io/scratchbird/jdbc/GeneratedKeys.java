package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ResultGroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Generated keys through {@code RETURNING} (spec 9.15: the wire has no generated-keys frame).
 * Only INSERT, UPDATE, DELETE and MERGE without their own RETURNING clause are rewritten; any
 * other statement runs unchanged and reports no keys.
 */
final class GeneratedKeys {

    private static final Pattern DML = Pattern.compile("^\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*)*(INSERT|UPDATE|DELETE|MERGE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RETURNING = Pattern.compile("\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    private GeneratedKeys() {
    }

    /** @param columns the key columns, empty for "all columns", null for no keys */
    static String rewrite(String sql, String[] columns) {
        if (columns == null || !DML.matcher(sql).find() || RETURNING.matcher(sql).find()) {
            return sql;
        }
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        StringBuilder cols = new StringBuilder();
        if (columns.length == 0) {
            cols.append('*');
        } else {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    cols.append(", ");
                }
                cols.append(quote(columns[i]));
            }
        }
        return trimmed + " RETURNING " + cols;
    }

    /** Quotes a column name unless it is already quoted or a plain lower-case identifier. */
    private static String quote(String c) {
        if (c.startsWith("\"") || c.matches("[a-z_][a-z0-9_]*")) {
            return c;
        }
        return c.toLowerCase(Locale.ROOT).equals(c) ? "\"" + c.replace("\"", "\"\"") + "\"" : c;
    }

    /** Turns the RETURNING rows into the statement's generated keys and its update count. */
    static long apply(ScratchBirdStatement st, List<ResultGroup> groups, boolean rewritten) throws SQLException {
        ResultGroup last = groups.isEmpty() ? new ResultGroup() : groups.get(groups.size() - 1);
        if (rewritten && last.isResultSet()) {
            st.generatedKeys = new ScratchBirdResultSet(st, last, ResultSet.TYPE_FORWARD_ONLY, 0);
            long count = last.count() > 0 ? last.count() : last.rows().size();
            st.updateCount(count);
            return count;
        }
        st.generatedKeys = null;
        st.updateCount(last.count());
        return last.count();
    }
}
