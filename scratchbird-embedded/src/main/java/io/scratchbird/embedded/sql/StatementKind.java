package io.scratchbird.embedded.sql;

/** The broad class of a statement, which decides how it is executed and whether it writes. */
public enum StatementKind {
    /** SELECT, WITH, VALUES, TABLE, EXPLAIN, CALL: returns rows, writes nothing. */
    QUERY,
    /** INSERT, UPDATE, DELETE, MERGE, UPSERT (rows only with RETURNING). */
    DML,
    /** CREATE, ALTER, DROP, TRUNCATE, COMMENT, RENAME: changes the catalog. */
    DDL,
    /** Carried out by the session: see {@link SessionCommand}. */
    SESSION,
    /** Nothing but whitespace and comments. */
    EMPTY
}
