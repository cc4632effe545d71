package io.scratchbird.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Test access to a connection's protocol session counters (package-private in the driver). */
public final class SessionProbe {

    private SessionProbe() {
    }

    /** Requests written and read to READY on this connection so far. */
    public static long roundTrips(Connection c) throws SQLException {
        return c.unwrap(ScratchBirdConnection.class).session().roundTrips();
    }
}
