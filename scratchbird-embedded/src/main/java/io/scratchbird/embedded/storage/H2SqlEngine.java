package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.SqlEngine;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.embedded.sql.SqlTranslator;
import io.scratchbird.embedded.sql.TranslatedStatement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL engine on H2 2.4 (file-backed MVStore, MVCC): SBsql is translated to H2 SQL and each
 * session runs on its own H2 connection. See {@link StorageSettings} for durability (committed work
 * survives {@code kill -9}), isolation from other code, and the other settings.
 *
 * <p>Open with {@link #open(Path)} for a data directory or {@link #inMemory()} for tests. Thread-safe:
 * sessions are independent and may be used from different threads.
 */
public final class H2SqlEngine implements SqlEngine {

    /** Data directories open in this process: storage would silently share one between two engines. */
    private static final Set<String> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

    private final StorageSettings settings;
    private final org.h2.Driver driver = new org.h2.Driver();
    private final Connection system;
    private final EngineCatalog catalog;
    private final SqlTranslator translator;
    private final AtomicLong transactionIds = new AtomicLong();
    private final Set<H2EngineSession> sessions = ConcurrentHashMap.newKeySet();
    private final VectorIndexes vectorIndexes;
    private volatile boolean closed;

    private H2SqlEngine(StorageSettings settings) throws EngineException {
        this.settings = settings;
        if (settings.directory() != null && !OPEN_DIRECTORIES.add(settings.directory())) {
            throw inUse();
        }
        try {
            this.system = connect();
            StorageBootstrap.install(system);
            this.catalog = new EngineCatalog(system);
            this.vectorIndexes = new VectorIndexes(connect(), settings.lockTimeout());
            vectorIndexes.refresh();
        } catch (SQLException e) {
            releaseDirectory();
            throw e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 ? inUse()
                    : new EngineException("58030", SqlErrors.REJECTED, "could not open the database: storage failed to start");
        }
        this.translator = new SqlTranslator(catalog);
    }

    private static EngineException inUse() {
        return new EngineException("58030", SqlErrors.REJECTED,
                "could not open the database: the data directory is in use by another server");
    }

    private void releaseDirectory() {
        if (settings.directory() != null) {
            OPEN_DIRECTORIES.remove(settings.directory());
        }
    }

    /** A durable engine whose data lives in {@code dataDirectory} (created when missing). */
    public static H2SqlEngine open(Path dataDirectory) throws EngineException {
        return open(dataDirectory, StorageSettings.DEFAULT_LOCK_TIMEOUT);
    }

    /** As {@link #open(Path)}, with the time a statement may wait for a row lock. */
    public static H2SqlEngine open(Path dataDirectory, Duration lockTimeout) throws EngineException {
        return new H2SqlEngine(StorageSettings.directory(dataDirectory, lockTimeout));
    }

    /** A private in-memory engine; its data is gone when it is closed. */
    public static H2SqlEngine inMemory() throws EngineException {
        return inMemory(StorageSettings.DEFAULT_LOCK_TIMEOUT);
    }

    public static H2SqlEngine inMemory(Duration lockTimeout) throws EngineException {
        return new H2SqlEngine(StorageSettings.memory(lockTimeout));
    }

    @Override
    public EngineSession openSession(String user, String applicationName) throws EngineException {
        if (closed) {
            throw new EngineException("57P01", SqlErrors.REJECTED, "the engine is shut down");
        }
        try {
            H2EngineSession session = new H2EngineSession(this, connect(), user, applicationName);
            sessions.add(session);
            return session;
        } catch (SQLException e) {
            throw new EngineException("08006", SqlErrors.REJECTED, "could not open a storage session");
        }
    }

    /** Closes every session and the storage; for a data directory, everything committed is on disk. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (H2EngineSession session : sessions) {
            session.close();
        }
        vectorIndexes.close();
        try (Statement s = system.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already shut down
        }
        try {
            system.close();
        } catch (SQLException ignored) {
            // closed by the shutdown
        }
        releaseDirectory();
    }

    private Connection connect() throws SQLException {
        Connection c = driver.connect(settings.url(), settings.credentials());
        if (c == null) {
            throw new SQLException("storage URL not accepted");
        }
        return c;
    }

    TranslatedStatement translate(String sql) throws EngineException {
        return translator.translate(sql);
    }

    EngineCatalog catalog() {
        return catalog;
    }

    VectorIndexes vectorIndexes() {
        return vectorIndexes;
    }

    /** The engine's own storage connection (tests look at storage's catalog through it). */
    Connection systemConnection() {
        return system;
    }

    long nextTransactionId() {
        return transactionIds.incrementAndGet();
    }

    Duration lockTimeout() {
        return settings.lockTimeout();
    }

    void sessionClosed(H2EngineSession session) {
        sessions.remove(session);
    }
}
