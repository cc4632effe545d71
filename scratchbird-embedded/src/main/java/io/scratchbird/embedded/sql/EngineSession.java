package io.scratchbird.embedded.sql;

import java.util.List;

/**
 * One client session's view of the engine. Used by one thread at a time, except
 * {@link #cancel()}, which any thread may call.
 *
 * <p>Transactions follow the project's decision (SBWP errata A.1): the session starts in
 * autocommit — each statement outside an explicit transaction commits when it completes, and a
 * failed one rolls back only itself. {@link #begin()} (or SQL {@code BEGIN} / {@code START
 * TRANSACTION}) opens an explicit transaction that lasts until commit or rollback (method or SQL).
 * {@link #close()} rolls back an open explicit transaction.
 */
public interface EngineSession extends AutoCloseable {

    /**
     * Executes exactly one SBsql statement (the caller splits scripts with {@link SqlScripts}).
     * Parameters bind to {@code ?}, {@code $n} and {@code :name} markers by position.
     */
    StatementResult execute(String sql, List<Parameter> parameters) throws EngineException;

    void begin() throws EngineException;

    void commit() throws EngineException;

    void rollback() throws EngineException;

    void savepoint(String name) throws EngineException;

    void releaseSavepoint(String name) throws EngineException;

    void rollbackToSavepoint(String name) throws EngineException;

    /** True inside an explicit transaction. */
    boolean inTransaction();

    /**
     * The id of the current transaction as the wire reports it: never 0, and different after
     * every commit or rollback (including each autocommitted statement).
     */
    long transactionId();

    /** Interrupts the statement running now in {@link #execute}; it then fails with SQLSTATE 57014. */
    void cancel();

    @Override
    void close();

    /**
     * One bound parameter: the SBWP type OID the client declared (0 = unspecified, then the value
     * is text the engine converts as the statement requires) and the decoded Java value, or
     * {@code null} for SQL NULL.
     */
    record Parameter(int oid, Object value) {
    }
}
