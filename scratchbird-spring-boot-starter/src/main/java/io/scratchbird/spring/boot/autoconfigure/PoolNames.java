package io.scratchbird.spring.boot.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.scratchbird.jdbc.ScratchBirdConnection;

/**
 * Which HikariCP pool opened which driver connection, so that the JVM-wide statement hooks
 * ({@link io.scratchbird.jdbc.StatementEvent#connectionId()}) can tag meters by pool. HikariCP has no
 * connection-creation callback, so {@link ScratchBirdHikariPostProcessor} gives each ScratchBird
 * pool a {@link Recording} DataSource (the driver DataSource HikariCP would build itself, plus the
 * bookkeeping). Bounded: the oldest entries go first beyond {@value #MAX} connections.
 */
final class PoolNames {

    /** The {@code pool} tag of statements on connections no starter-configured pool opened. */
    static final String UNKNOWN = "unknown";

    private static final int MAX = 10_000;

    private static final Map<Long, String> POOLS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > MAX;
        }
    });

    private PoolNames() {
    }

    static String of(long connectionId) {
        String pool = POOLS.get(connectionId);
        return pool == null ? UNKNOWN : pool;
    }

    static void record(Connection connection, String poolName) throws SQLException {
        if (connection != null && poolName != null && connection.isWrapperFor(ScratchBirdConnection.class)) {
            POOLS.put(connection.unwrap(ScratchBirdConnection.class).id(), poolName);
        }
    }

    /** Delegates to the driver DataSource and records the pool of each new connection. */
    static final class Recording implements DataSource {

        private final DataSource delegate;
        private final String poolName;

        Recording(DataSource delegate, String poolName) {
            this.delegate = delegate;
            this.poolName = poolName;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = delegate.getConnection();
            record(connection, poolName);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection connection = delegate.getConnection(username, password);
            record(connection, poolName);
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || delegate.isWrapperFor(iface);
        }
    }
}
