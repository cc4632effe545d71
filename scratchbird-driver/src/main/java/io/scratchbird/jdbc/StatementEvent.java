package io.scratchbird.jdbc;

/**
 * One statement execution, as seen by a {@link StatementListener}. Parameter values are never
 * part of it.
 *
 * @param connectionId  {@link ScratchBirdConnection#id()} of the executing connection
 * @param sql           the SQL as the application wrote it (with its parameter markers); for a {@code Statement} batch its
 *                      statements joined by {@code ";\n"}
 * @param batchSize     rows (PreparedStatement) or statements (Statement) of a batch; 0 for a single execution
 * @param durationNanos time from start to finish; 0 in {@code statementStarted}
 * @param rows          update count, or rows of a result set received so far (the first page when
 *                      streaming), summed over the results and batch entries; -1 in
 *                      {@code statementStarted} and for a failure without counts
 * @param sqlState      the SQLSTATE of the failure; null on success and in {@code statementStarted}
 * @param bytesSent     bytes the execution wrote to the socket, frames included; 0 in {@code statementStarted}
 * @param bytesReceived bytes it read until the execution returned (later pages of a streamed result
 *                      are not included); 0 in {@code statementStarted}
 * @param cacheHits     executions of a prepared statement that reused its server-side statement
 * @param cacheMisses   executions of a prepared statement that had to PARSE it first
 */
public record StatementEvent(long connectionId, String sql, int batchSize, long durationNanos, long rows,
                             String sqlState, long bytesSent, long bytesReceived, long cacheHits, long cacheMisses) {

    /** An event without traffic or cache figures. */
    public StatementEvent(long connectionId, String sql, int batchSize, long durationNanos, long rows, String sqlState) {
        this(connectionId, sql, batchSize, durationNanos, rows, sqlState, 0, 0, 0, 0);
    }

    /** Whether the execution failed. */
    public boolean failed() {
        return sqlState != null;
    }
}
