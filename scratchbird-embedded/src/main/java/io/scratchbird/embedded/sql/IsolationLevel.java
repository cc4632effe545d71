package io.scratchbird.embedded.sql;

import java.sql.Connection;

/**
 * SBsql isolation levels (SQL-DIALECT.md section 6) and the storage level each runs as. SNAPSHOT and
 * REPEATABLE READ both mean a transaction snapshot; READ CONSISTENCY and the Firebird-style READ
 * COMMITTED variants mean READ COMMITTED.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted", Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED("read committed", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("repeatable read", Connection.TRANSACTION_REPEATABLE_READ),
    SNAPSHOT("snapshot", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("serializable", Connection.TRANSACTION_SERIALIZABLE);

    private final String sqlName;
    private final int jdbcLevel;

    IsolationLevel(String sqlName, int jdbcLevel) {
        this.sqlName = sqlName;
        this.jdbcLevel = jdbcLevel;
    }

    /** How SHOW transaction_isolation prints it. */
    public String sqlName() {
        return sqlName;
    }

    /** The {@link Connection} constant storage runs it as. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** Whether writes conflicting with a concurrent commit fail (as a serialization failure). */
    public boolean usesTransactionSnapshot() {
        return jdbcLevel >= Connection.TRANSACTION_REPEATABLE_READ;
    }
}
