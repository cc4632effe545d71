package io.scratchbird.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A {@link ConnectionPoolDataSource} for pools that manage physical connections themselves
 * (application servers): each {@link PooledConnection} holds one physical connection and hands
 * out handles whose {@code close()} only returns it, firing {@code connectionClosed}; an
 * SQLException of class 08 (the connection is broken) fires {@code connectionErrorOccurred}.
 * Configured like {@link ScratchBirdDataSource}.
 */
public class ScratchBirdConnectionPoolDataSource extends ScratchBirdDataSource implements ConnectionPoolDataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new ScratchBirdPooledConnection(getConnection());
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return new ScratchBirdPooledConnection(getConnection(user, password));
    }
}
