package io.scratchbird.jdbc.session;

/**
 * Hook for observing a session's requests; the production-features issue builds the public
 * statement listener on it.
 */
public interface SessionListener {

    SessionListener NONE = new SessionListener() {
    };
}
