package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;

/** Session information functions and a cancel-aware sleep. */
public final class SessionFunctions {

    /** The database name clients connect to (SQL-DIALECT.md section 11). */
    public static final String DATABASE_NAME = "default";
    private static final long SLEEP_SLICE_MILLIS = 10;

    private SessionFunctions() {
    }

    /** current_user, session_user, current_role. */
    public static String currentUser() {
        return SessionContext.current().user();
    }

    /** current_database(), current_catalog. */
    public static String currentDatabase() {
        return DATABASE_NAME;
    }

    /**
     * pg_sleep(seconds): sleeps in short slices so a cancel ends it promptly with 57014. Returns
     * NULL text, the closest thing to PostgreSQL's {@code void}.
     */
    public static String sleep(Double seconds) throws InterruptedException {
        if (seconds == null) {
            return null;
        }
        long until = System.nanoTime() + (long) (Math.max(0, seconds) * 1e9);
        SessionContext context = SessionContext.current();
        while (System.nanoTime() < until) {
            if (context.cancelRequested()) {
                throw new FunctionError(SqlErrors.QUERY_CANCELED_STATE, SqlErrors.QUERY_CANCELLED,
                        "canceling statement due to user request");
            }
            Thread.sleep(Math.min(SLEEP_SLICE_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
        return null;
    }
}
