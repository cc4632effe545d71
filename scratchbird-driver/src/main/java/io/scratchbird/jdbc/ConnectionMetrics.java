package io.scratchbird.jdbc;

/**
 * An immutable snapshot of a connection's counters ({@link ScratchBirdConnection#metrics()}),
 * safe to take from any thread.
 *
 * @param statementsExecuted executions (a batch counts once), successful or not
 * @param statementsFailed   executions that raised an SQLException (or a batch with a failed entry)
 * @param rows               update counts plus result-set rows received with the execution
 * @param bytesSent          bytes written to the socket, frames included
 * @param bytesReceived      bytes read from the socket
 * @param cacheHits          PreparedStatement executions that reused a statement prepared on the server
 * @param cacheMisses        PreparedStatement executions that had to PARSE
 * @param roundTrips         requests written and answered (a pipelined batch chunk counts once)
 */
public record ConnectionMetrics(long statementsExecuted, long statementsFailed, long rows, long bytesSent,
                                long bytesReceived, long cacheHits, long cacheMisses, long roundTrips) {
}
