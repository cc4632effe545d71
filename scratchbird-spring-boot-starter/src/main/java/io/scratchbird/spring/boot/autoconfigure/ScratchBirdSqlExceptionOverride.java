package io.scratchbird.spring.boot.autoconfigure;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Keeps HikariCP from evicting a healthy connection when the driver answers SQLSTATE 0A000 (feature
 * not supported): HikariCP treats the whole 0A class as fatal, and Hibernate probes such features at
 * startup (for example {@code Connection.createNClob}), which would otherwise discard a pooled
 * connection each time. Every other exception is left to HikariCP's own rules.
 */
public class ScratchBirdSqlExceptionOverride implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        if (exception instanceof SQLFeatureNotSupportedException || "0A000".equals(exception.getSQLState())) {
            return Override.DO_NOT_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
