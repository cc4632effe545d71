package io.scratchbird.jdbc;

/**
 * Observes statement executions: called before and after every execution of a
 * {@code Statement}, {@code PreparedStatement} or {@code CallableStatement} and every batch, on the
 * executing thread. Register one per connection with
 * {@link ScratchBirdConnection#addStatementListener} (reachable through
 * {@code connection.unwrap(ScratchBirdConnection.class)}), or for every connection of the JVM with
 * {@link #addGlobal}.
 *
 * <p>Listeners must be quick and must not use the connection. An exception a listener throws is
 * caught (the statement goes on as if the listener were absent) and logged once per listener.
 */
public interface StatementListener {

    /** Before the statement is sent; the event has no duration, rows or SQLSTATE yet. */
    default void statementStarted(StatementEvent event) {
    }

    /** After the statement finished or failed ({@link StatementEvent#sqlState()} is then not null). */
    default void statementFinished(StatementEvent event) {
    }

    /** Registers a listener for the statements of every connection of this JVM (e.g. a metrics integration). */
    static void addGlobal(StatementListener listener) {
        Observability.addGlobal(listener);
    }

    /** Removes a listener registered with {@link #addGlobal}. */
    static void removeGlobal(StatementListener listener) {
        Observability.removeGlobal(listener);
    }
}
