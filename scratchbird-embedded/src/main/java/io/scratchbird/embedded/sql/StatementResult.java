package io.scratchbird.embedded.sql;

import java.util.Objects;

/**
 * What executing one statement produced: rows (a SELECT, or DML with RETURNING), or a
 * command tag with an affected-row count.
 */
public sealed interface StatementResult {

    /** COMMAND_COMPLETE tag: {@code SELECT}, {@code INSERT}, {@code CREATE}, {@code BEGIN}, ... */
    String tag();

    /** A result set. {@code tag} is the statement's first word ({@code SELECT}, or {@code INSERT} for INSERT ... RETURNING). */
    record Rows(String tag, RowCursor cursor) implements StatementResult {
        public Rows {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** No result set: the tag and the number of rows affected (0 for DDL and transaction control). */
    record Count(String tag, long rows) implements StatementResult {
        public Count {
            Objects.requireNonNull(tag, "tag");
        }
    }
}
