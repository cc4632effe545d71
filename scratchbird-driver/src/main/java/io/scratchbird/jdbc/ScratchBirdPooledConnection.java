package io.scratchbird.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical connection and its logical handles (JDBC 4.3 §11). {@link #getConnection()}
 * returns a new handle and closes the previous one. Closing a handle rolls back an open
 * transaction (autoCommit off), restores autoCommit, and fires {@code connectionClosed}; the
 * physical connection stays open. Any SQLException with an 08xxx SQLSTATE raised through a handle
 * or the statements it created fires {@code connectionErrorOccurred}, once.
 * Statement events are accepted but not fired (statements are not pooled).
 */
final class ScratchBirdPooledConnection implements PooledConnection {

    private final Connection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
    private Handle current;
    private volatile boolean closed;
    private volatile boolean errorFired;

    ScratchBirdPooledConnection(Connection physical) {
        this.physical = physical;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("this pooled connection has been closed", "08003");
        }
        if (current != null) {
            current.closeLogically(false);   // JDBC: a new handle closes the previous one
        }
        try {
            if (!physical.getAutoCommit()) {
                physical.setAutoCommit(true);
            }
        } catch (SQLException e) {
            fireErrorIf(e);
            throw e;
        }
        current = new Handle();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, current);
    }

    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.closed = true;
        }
        physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        statementListeners.add(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        statementListeners.remove(listener);
    }

    private void fireErrorIf(Throwable t) {
        if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08") && !errorFired) {
            errorFired = true;
            ConnectionEvent event = new ConnectionEvent(this, e);
            for (ConnectionEventListener l : listeners) {
                l.connectionErrorOccurred(event);
            }
        }
    }

    private void fireClosed() {
        ConnectionEvent event = new ConnectionEvent(this);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A logical connection handle. */
    private final class Handle implements InvocationHandler {
        volatile boolean closed;

        void closeLogically(boolean fire) throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!physical.isClosed() && !physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
            } catch (SQLException e) {
                fireErrorIf(e);
                if (fire) {
                    fireClosed();
                }
                throw e;
            }
            if (fire) {
                fireClosed();
            }
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "pooled handle" + (closed ? " (closed)" : "") + " of " + physical;
                case "isClosed":
                    return closed || physical.isClosed();
                case "close":
                    synchronized (ScratchBirdPooledConnection.this) {
                        closeLogically(true);
                        if (current == this) {
                            current = null;
                        }
                    }
                    return null;
                case "isValid":
                    if (closed) {
                        return false;
                    }
                    break;
                default:
                    if (closed) {
                        throw new SQLNonTransientConnectionException("this connection handle has been closed", "08003");
                    }
            }
            try {
                Object result = ScratchBirdPooledConnection.invoke(physical, m, args);
                if (result instanceof Statement s) {
                    Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                            : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                            new StatementHandler(s, (Connection) proxy));
                }
                return result;
            } catch (Throwable t) {
                fireErrorIf(t);
                throw t;
            }
        }
    }

    /** Statements of a handle: getConnection() answers the handle, connection errors fire the event. */
    private final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final Connection handle;

        StatementHandler(Statement target, Connection handle) {
            this.target = target;
            this.handle = handle;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return target.toString();
                case "getConnection":
                    return handle;
                default:
                    break;
            }
            try {
                return ScratchBirdPooledConnection.invoke(target, m, args);
            } catch (Throwable t) {
                fireErrorIf(t);
                if (t instanceof java.sql.BatchUpdateException b) {
                    fireErrorIf(b.getCause());
                }
                throw t;
            }
        }
    }
}
