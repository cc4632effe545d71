package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ResultGroup;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * {@link Statement}: simple-protocol execution of SQL text (one QUERY frame, several results for
 * multi-statement text), or, with a fetch size, the extended protocol with a suspended portal so
 * rows stream with bounded memory whatever the autocommit mode.
 */
public class ScratchBirdStatement implements Statement {

    private static final Timer TIMEOUTS = new Timer("scratchbird-query-timeouts", true);

    final ScratchBirdConnection connection;
    private final int resultSetType;
    private final int resultSetConcurrency;
    private final int holdability;
    private boolean closed;
    private boolean closeOnCompletion;
    private int fetchSize;
    private int maxRows;
    private int queryTimeout;
    private int fetchDirection = ResultSet.FETCH_FORWARD;
    private int maxFieldSize;
    private boolean poolable;
    private final List<String> batch = new ArrayList<>();
    private final Deque<ResultGroup> pending = new ArrayDeque<>();
    private ScratchBirdResultSet currentResultSet;
    private long currentUpdateCount = -1;
    ScratchBirdResultSet generatedKeys;

    ScratchBirdStatement(ScratchBirdConnection connection, int resultSetType, int resultSetConcurrency, int holdability)
            throws SQLException {
        this.connection = connection;
        if (resultSetConcurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException("updatable result sets are not supported; use CONCUR_READ_ONLY", "0A000");
        }
        if (resultSetType == ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLFeatureNotSupportedException("TYPE_SCROLL_SENSITIVE is not supported; use TYPE_SCROLL_INSENSITIVE",
                    "0A000");
        }
        checkHoldability(holdability);
        this.resultSetType = resultSetType;
        this.resultSetConcurrency = resultSetConcurrency;
        this.holdability = holdability;
        this.fetchSize = connection.defaultFetchSize();
    }

    /** Only HOLD_CURSORS_OVER_COMMIT: nothing closes results at commit, so the driver does not claim it does. */
    static void checkHoldability(int holdability) throws SQLException {
        if (holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw new SQLFeatureNotSupportedException("CLOSE_CURSORS_AT_COMMIT is not supported: results are held over "
                    + "commit (HOLD_CURSORS_OVER_COMMIT)", "0A000");
        }
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("unknown holdability " + holdability, "22023");
        }
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("this statement has been closed", "55000");
        }
        connection.checkOpen();
    }

    // ------------------------------------------------------------------ execution

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw new SQLException("the statement did not return a result set: " + abbreviate(sql), "02000");
        }
        return currentResultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw resultSetNotExpected(sql);
        }
        return Math.max(0, currentUpdateCount);
    }

    /** JDBC: executeUpdate must not be used for a statement that returns a result set (PgJDBC's state 0100E). */
    static SQLException resultSetNotExpected(String sql) {
        return new SQLException("executeUpdate got a result set; use executeQuery or execute for: " + abbreviate(sql), "0100E");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        synchronized (connection) {
            closeCurrent();
            List<ResultGroup> groups = runTimed(() -> connection.runSimple(sql, fetchSize, this));
            pending.addAll(groups);
            return advance();
        }
    }

    /** Executes with the statement's query timeout armed. */
    <T> T runTimed(SqlCall<T> call) throws SQLException {
        TimerTask task = null;
        if (queryTimeout > 0) {
            task = new TimerTask() {
                @Override
                public void run() {
                    try {
                        connection.session().cancel();
                    } catch (SQLException ignored) {
                        // the statement finishes or fails on its own
                    }
                }
            };
            TIMEOUTS.schedule(task, queryTimeout * 1000L);
        }
        try {
            return call.run();
        } catch (java.sql.SQLTimeoutException e) {
            throw e;
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) && task != null) {
                throw new java.sql.SQLTimeoutException("the statement was cancelled after the query timeout of "
                        + queryTimeout + " s", "57014", e);
            }
            throw e;
        } finally {
            if (task != null) {
                task.cancel();
            }
        }
    }

    interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Moves to the next pending result; @return true when it is a result set. */
    boolean advance() throws SQLException {
        currentResultSet = null;
        currentUpdateCount = -1;
        ResultGroup g = pending.poll();
        if (g == null) {
            return false;
        }
        if (g.isResultSet()) {
            currentResultSet = new ScratchBirdResultSet(this, g, resultSetType, maxRows);
            return true;
        }
        currentUpdateCount = g.count();
        return false;
    }

    /** Hands the current result set to the caller, which then owns (and closes) it. */
    ScratchBirdResultSet detachResultSet() {
        ScratchBirdResultSet rs = currentResultSet;
        currentResultSet = null;
        return rs;
    }

    void setResults(List<ResultGroup> groups) throws SQLException {
        closeCurrent();
        pending.addAll(groups);
    }

    private void closeCurrent() throws SQLException {
        pending.clear();
        if (currentResultSet != null) {
            currentResultSet.closeFromStatement();
            currentResultSet = null;
        }
        currentUpdateCount = -1;
        generatedKeys = null;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return currentResultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, currentUpdateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return currentUpdateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != KEEP_CURRENT_RESULT && currentResultSet != null) {
            currentResultSet.closeFromStatement();
        }
        return advance();
    }

    // ------------------------------------------------------------------ batches

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] r = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            r[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return r;
    }

    /**
     * Pipelined: one QUERY frame per statement, each answer read to its READY in order, so every
     * count is exact. The server executes every statement, also those after a failing one, so a
     * failure does not stop the batch (JDBC's "continue processing" choice): the
     * {@link BatchUpdateException} then has a count for every statement, {@code EXECUTE_FAILED}
     * for those that failed, and the first failure as its cause. With autoCommit each statement
     * commits on its own; without, they all belong to the caller's transaction.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = new ArrayList<>(batch);
        batch.clear();
        if (work.isEmpty()) {
            return new long[0];
        }
        long[] counts = new long[work.size()];
        synchronized (connection) {
            List<Object> outcomes;
            try {
                outcomes = connection.runTextBatch(work);
            } catch (SQLException e) {
                throw new BatchUpdateException("batch failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(),
                        new long[0], e);
            }
            SQLException first = null;
            int firstIndex = -1;
            for (int i = 0; i < counts.length; i++) {
                if (outcomes.get(i) instanceof SQLException e) {
                    counts[i] = EXECUTE_FAILED;
                    if (first == null) {
                        first = e;
                        firstIndex = i;
                    } else {
                        first.setNextException(e);
                    }
                } else {
                    @SuppressWarnings("unchecked")
                    List<ResultGroup> groups = (List<ResultGroup>) outcomes.get(i);
                    counts[i] = groups.isEmpty() ? SUCCESS_NO_INFO : groups.get(groups.size() - 1).count();
                }
            }
            if (first != null) {
                throw new BatchUpdateException("batch entry " + firstIndex + " failed: " + first.getMessage(),
                        first.getSQLState(), first.getErrorCode(), counts, first);
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------ generated keys

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        if (generatedKeys == null) {
            return ScratchBirdResultSet.empty(this);
        }
        return generatedKeys;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) connection.executeWithKeys(this, sql, autoGeneratedKeys == RETURN_GENERATED_KEYS ? new String[0] : null);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys by column index; name the columns instead", "0A000");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) connection.executeWithKeys(this, sql, columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            connection.executeWithKeys(this, sql, new String[0]);
            return false;
        }
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys by column index; name the columns instead", "0A000");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        connection.executeWithKeys(this, sql, columnNames);
        return false;
    }

    void updateCount(long count) {
        currentUpdateCount = count;
    }

    // ------------------------------------------------------------------ settings

    @Override
    public void cancel() throws SQLException {
        if (!closed) {
            connection.session().cancel();
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        synchronized (connection) {
            closeCurrent();
        }
        closed = true;
        connection.forget(this);
    }

    void closeSilently() {
        try {
            close();
        } catch (SQLException ignored) {
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void resultSetClosed() throws SQLException {
        if (closeOnCompletion && pending.isEmpty()) {
            close();
        }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("maxFieldSize must be >= 0, got " + max, "22023");
        }
        maxFieldSize = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("maxRows must be >= 0, got " + max, "22023");
        }
        maxRows = max;
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return getMaxRows();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("query timeout must be >= 0 seconds, got " + seconds, "22023");
        }
        queryTimeout = seconds;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("named cursors (positioned UPDATE/DELETE) are not supported", "0A000");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE && direction != ResultSet.FETCH_UNKNOWN) {
            throw new SQLException("unknown fetch direction " + direction, "22023");
        }
        fetchDirection = direction;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    int fetchSizeForStreaming() {
        return resultSetType == ResultSet.TYPE_FORWARD_ONLY ? fetchSize : 0;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return resultSetConcurrency;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return resultSetType;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    static String abbreviate(String sql) {
        return sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
    }
}
