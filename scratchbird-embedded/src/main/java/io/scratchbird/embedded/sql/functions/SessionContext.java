package io.scratchbird.embedded.sql.functions;

import java.util.function.BooleanSupplier;

/**
 * What session-dependent functions need to know about the statement running on this thread: the
 * authenticated user and whether a cancel was requested. Storage sets it around each execution
 * (statements run on the caller's thread), so cached translations never bake in a user name.
 */
public final class SessionContext {

    private static final ThreadLocal<SessionContext> CURRENT = new ThreadLocal<>();

    private final String user;
    private final BooleanSupplier cancelRequested;

    public SessionContext(String user, BooleanSupplier cancelRequested) {
        this.user = user;
        this.cancelRequested = cancelRequested;
    }

    /** Makes {@code context} current on this thread until {@link #clear()}. */
    public static void enter(SessionContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }

    static SessionContext current() {
        SessionContext c = CURRENT.get();
        return c == null ? new SessionContext("", () -> false) : c;
    }

    String user() {
        return user;
    }

    boolean cancelRequested() {
        return cancelRequested.getAsBoolean();
    }
}
