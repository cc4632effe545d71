package io.scratchbird.embedded.sql;

import java.util.List;

/**
 * A statement the session itself carries out instead of storage: transaction control, session
 * settings and SHOW.
 */
public sealed interface SessionCommand {

    /** BEGIN / START TRANSACTION with the options given there (null = session default). */
    record Begin(IsolationLevel isolation, Boolean readOnly) implements SessionCommand {
    }

    record Commit() implements SessionCommand {
    }

    record Rollback() implements SessionCommand {
    }

    record Savepoint(String name) implements SessionCommand {
    }

    record ReleaseSavepoint(String name) implements SessionCommand {
    }

    record RollbackToSavepoint(String name) implements SessionCommand {
    }

    /** SET [SESSION] TRANSACTION …: session characteristics; null fields stay as they are. */
    record SetTransaction(IsolationLevel isolation, Boolean readOnly) implements SessionCommand {
    }

    /** SET SCHEMA / SET search_path; an empty list restores the default. */
    record SetSearchPath(List<String> schemas) implements SessionCommand {
    }

    /** SET name = value for a parameter the session keeps (application_name, timezone, …). */
    record SetParameter(String name, String value) implements SessionCommand {
    }

    /** RESET name (or ALL). */
    record ResetParameter(String name) implements SessionCommand {
    }

    /** SHOW name. */
    record Show(String name) implements SessionCommand {
    }
}
