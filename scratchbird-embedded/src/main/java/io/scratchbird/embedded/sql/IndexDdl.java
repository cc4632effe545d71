package io.scratchbird.embedded.sql;

/**
 * What a DDL statement means for the engine's index catalog (docs/embedded-sql.md, "Vector
 * indexes"): HNSW indexes exist there only, not in storage, so statements that create, drop or
 * rename indexes, and renames of the tables, columns and schemas they name, are carried out or
 * followed by the engine. Names are as written ({@code schema} is a storage schema path, or null for
 * the session's current schema, where storage resolves DDL names too); the engine compares them
 * ignoring case, as storage does.
 */
public sealed interface IndexDdl {

    /**
     * {@code CREATE INDEX name ON table USING HNSW|VECTOR_HNSW (column)}: a catalog entry when the
     * table is a table of the database; the statement's storage text (an ordinary index, its method
     * recorded) is run instead for what storage must answer itself (a missing table or column, a
     * session's temporary table).
     */
    record CreateVectorIndex(String schema, String table, String column, String name, String method,
                             boolean ifNotExists) implements IndexDdl {
    }

    /** Any other CREATE INDEX: storage builds it, unless its name is taken by a catalog index. */
    record CreateIndex(String schema, String table, String name, boolean ifNotExists) implements IndexDdl {
    }

    /** {@code DROP INDEX [IF EXISTS] name}. */
    record DropIndex(String schema, String name, boolean ifExists) implements IndexDdl {
    }

    /** {@code ALTER INDEX [IF EXISTS] name RENAME TO newName}. */
    record RenameIndex(String schema, String name, String newName, boolean ifExists) implements IndexDdl {
    }

    /** {@code ALTER TABLE table RENAME TO newName}, {@code RENAME TABLE table TO newName}. */
    record RenameTable(String schema, String table, String newName) implements IndexDdl {
    }

    /** {@code ALTER TABLE table RENAME COLUMN column TO newName} (or {@code ALTER COLUMN … RENAME TO}). */
    record RenameColumn(String schema, String table, String column, String newName) implements IndexDdl {
    }

    /** {@code ALTER SCHEMA schema RENAME TO newName} (storage schema paths). */
    record RenameSchema(String schema, String newName) implements IndexDdl {
    }
}
