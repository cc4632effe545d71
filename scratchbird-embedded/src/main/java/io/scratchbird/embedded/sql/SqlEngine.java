package io.scratchbird.embedded.sql;

/**
 * The SQL layer of the embedded server: executes SBsql on durable storage. One instance per
 * server; thread-safe; sessions are independent (MVCC).
 */
public interface SqlEngine extends AutoCloseable {

    /** Opens a session for an authenticated user, in autocommit, with the default schema. */
    EngineSession openSession(String user, String applicationName) throws EngineException;

    @Override
    void close();
}
