package io.scratchbird.embedded.sql;

/**
 * Which schema paths exist, so qualified names can be read as "schema path + object": SBsql schemas
 * form a tree, and {@code a.b.c} may be table {@code c} in schema {@code a.b}.
 */
public interface SchemaDirectory {

    /** Whether a schema with this dotted path exists (compared ignoring case). */
    boolean exists(String schemaPath);

    /** Changes whenever a schema is created, renamed or dropped, so cached translations are redone. */
    long generation();
}
