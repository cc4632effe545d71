package io.scratchbird.embedded.sql;

/** Writing SQL literals. */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /** {@code value} as a string literal, quotes doubled. */
    static String string(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
