package io.scratchbird.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint: named by the user, or {@code sp_<n>} for unnamed ones (as the upstream driver does). */
final class ScratchBirdSavepoint implements Savepoint {

    private final int id;
    private final String name;

    ScratchBirdSavepoint(int id, String name) {
        this.id = id;
        this.name = name;
    }

    String serverName() {
        return name == null ? "sp_" + id : name;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("this is a named savepoint; use getSavepointName()", "3B001");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("this is an unnamed savepoint; use getSavepointId()", "3B001");
        }
        return name;
    }

    @Override
    public String toString() {
        return serverName();
    }
}
