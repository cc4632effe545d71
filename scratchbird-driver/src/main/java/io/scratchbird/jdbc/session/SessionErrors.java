package io.scratchbird.jdbc.session;

import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.ErrorResponse;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The SQLExceptions a session raises: server errors mapped by SQLSTATE, and client-side failures. */
final class SessionErrors {

    private SessionErrors() {
    }

    static SQLException server(ErrorResponse e, String sql) {
        return io.scratchbird.jdbc.SqlExceptions.fromServer(e, sql);
    }

    static SQLException io(IOException e) {
        if (e instanceof java.net.SocketTimeoutException) {
            return new SQLTransientConnectionException("the server did not answer within socketTimeout; the connection is closed", "08006", e);
        }
        return new SQLTransientConnectionException("I/O error on the connection: " + e.getMessage(), "08006", e);
    }

    static SQLException connect(String host, int port, IOException e) {
        return new SQLNonTransientConnectionException("could not connect to " + host + ":" + port + ": " + e.getMessage(), "08001", e);
    }

    static SQLException protocol(WireFormatException e) {
        return new SQLNonTransientConnectionException("protocol violation from the server: " + e.getMessage(), "08P01", e);
    }

    static SQLException protocol(String what) {
        return new SQLNonTransientConnectionException("protocol violation from the server: " + what, "08P01");
    }

    static SQLException closed() {
        return new SQLNonTransientConnectionException("this connection has been closed", "08003");
    }
}
