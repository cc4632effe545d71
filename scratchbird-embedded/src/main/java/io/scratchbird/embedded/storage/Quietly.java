package io.scratchbird.embedded.storage;

import java.sql.SQLException;
import java.sql.Statement;

/** Releasing storage resources where a failure to close changes nothing for the client. */
final class Quietly {

    private Quietly() {
    }

    /** Closes {@code statement} (null allowed); its resources are released either way. */
    static void close(Statement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
