package io.scratchbird.embedded.session;

import io.scratchbird.embedded.security.AuthThrottle;
import io.scratchbird.embedded.sql.SqlEngine;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What all sessions of one running server share. */
public final class ServerContext {

    private final SessionSettings settings;
    private final SqlEngine engine;
    private final Credentials credentials;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AuthThrottle throttle;

    public ServerContext(SessionSettings settings, SqlEngine engine, Credentials credentials) {
        this(settings, engine, credentials, new AuthThrottle(AuthThrottle.DEFAULT_MAX_FAILURES, AuthThrottle.DEFAULT_WINDOW));
    }

    public ServerContext(SessionSettings settings, SqlEngine engine, Credentials credentials, AuthThrottle throttle) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    AuthThrottle throttle() {
        return throttle;
    }

    public SessionSettings settings() {
        return settings;
    }

    SqlEngine engine() {
        return engine;
    }

    Credentials credentials() {
        return credentials;
    }

    /** Registers an authenticated session; false when the connection limit is reached. */
    boolean admit(ServerSession s) {
        synchronized (sessions) {
            if (sessions.size() >= settings.maxConnections()) {
                return false;
            }
            sessions.add(s);
            return true;
        }
    }

    void leave(ServerSession s) {
        sessions.remove(s);
    }

    /** Number of authenticated sessions now open. */
    public int activeSessions() {
        return sessions.size();
    }

    /** Closes every session (server stop): their open transactions roll back. */
    public void closeAll() {
        for (ServerSession s : sessions.toArray(new ServerSession[0])) {
            s.abort();
        }
    }
}
