package io.scratchbird.hibernate.internal;

import jakarta.persistence.Timeout;
import org.hibernate.HibernateException;
import org.hibernate.Timeouts;
import org.hibernate.dialect.RowLockStrategy;
import org.hibernate.dialect.lock.internal.Helper;
import org.hibernate.dialect.lock.spi.ConnectionLockTimeoutStrategy;
import org.hibernate.dialect.lock.spi.LockTimeoutType;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.lock.spi.OuterJoinLockingType;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;

/**
 * Row locks on ScratchBird: {@code FOR UPDATE [NOWAIT | SKIP LOCKED]} in the query, and any other
 * wait limit through the session's {@code lock_timeout} setting (milliseconds; {@code 0} waits
 * forever), read back with {@code SHOW lock_timeout} so Hibernate can restore it.
 */
public final class ScratchBirdLockingSupport implements LockingSupport, LockingSupport.Metadata, ConnectionLockTimeoutStrategy {

    public static final ScratchBirdLockingSupport INSTANCE = new ScratchBirdLockingSupport();

    private ScratchBirdLockingSupport() {
    }

    @Override
    public Metadata getMetadata() {
        return this;
    }

    @Override
    public ConnectionLockTimeoutStrategy getConnectionLockTimeoutStrategy() {
        return this;
    }

    @Override
    public RowLockStrategy getWriteRowLockStrategy() {
        // "for update" locks the rows of every table in the FROM clause; "of" lists are not needed.
        return RowLockStrategy.NONE;
    }

    @Override
    public LockTimeoutType getLockTimeoutType(Timeout timeout) {
        return switch (timeout.milliseconds()) {
            case Timeouts.NO_WAIT_MILLI, Timeouts.SKIP_LOCKED_MILLI -> LockTimeoutType.QUERY;
            case Timeouts.WAIT_FOREVER_MILLI -> LockTimeoutType.NONE;
            default -> LockTimeoutType.CONNECTION;
        };
    }

    @Override
    public OuterJoinLockingType getOuterJoinLockingType() {
        return OuterJoinLockingType.UNSUPPORTED;
    }

    @Override
    public Level getSupportedLevel() {
        return Level.SUPPORTED;
    }

    @Override
    public Timeout getLockTimeout(Connection connection, SessionFactoryImplementor factory) {
        return Helper.getLockTimeout("show lock_timeout", resultSet -> {
            String value = resultSet.getString(1).trim();
            long millis = parseMillis(value);
            return millis == 0 ? Timeouts.WAIT_FOREVER : Timeout.milliseconds((int) Math.min(millis, Integer.MAX_VALUE));
        }, connection, factory);
    }

    @Override
    public void setLockTimeout(Timeout timeout, Connection connection, SessionFactoryImplementor factory) {
        Helper.setLockTimeout(timeout, t -> switch (t.milliseconds()) {
            case Timeouts.SKIP_LOCKED_MILLI -> throw new HibernateException("a connection lock timeout cannot be 'skip locked'");
            case Timeouts.NO_WAIT_MILLI -> throw new HibernateException("a connection lock timeout cannot be 'no wait'");
            case Timeouts.WAIT_FOREVER_MILLI -> 0;
            default -> t.milliseconds();
        }, "set lock_timeout = %s", connection, factory);
    }

    /** {@code SHOW lock_timeout} answers like {@code 500ms}, {@code 2s} or a bare number of milliseconds. */
    static long parseMillis(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (v.endsWith("ms")) {
            return Long.parseLong(v.substring(0, v.length() - 2).trim());
        }
        if (v.endsWith("s")) {
            return Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000);
        }
        return Long.parseLong(v);
    }
}
