package io.scratchbird.embedded.sql;

import java.util.Objects;

/**
 * One column of a result set with its declared type (never a guess from the values), and where
 * it comes from when it is a plain table column (null otherwise).
 */
public record ResultColumn(String label, SqlType type, boolean nullable, String baseSchema, String baseTable,
                           String baseColumn) {

    public ResultColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }
}
