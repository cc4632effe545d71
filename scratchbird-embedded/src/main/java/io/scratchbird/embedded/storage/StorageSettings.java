package io.scratchbird.embedded.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * How the engine opens H2 2.4 (MVStore, MVCC), in one place.
 *
 * <p><b>Durability.</b> {@code WRITE_DELAY=0}: H2's transaction store then writes the MVStore chunk
 * holding a transaction synchronously when that transaction commits ({@code TransactionStore
 * .endTransaction} calls {@code MVStore.commit()} when the auto-commit delay is 0), before the
 * commit call returns. A commit the engine has acknowledged is therefore in the file (in the
 * operating system's page cache) and survives the server process being killed ({@code kill -9});
 * MVStore recovers the last complete chunk when the file is opened again, so uncommitted work is
 * never visible. It does not fsync on every commit, so power loss or an OS crash may lose the most
 * recent commits (the same trade-off as PostgreSQL with {@code synchronous_commit=off}).
 *
 * <p><b>Reachability.</b> H2 is opened in-process through its driver class directly (nothing is
 * registered with {@link java.sql.DriverManager} by the engine), no TCP, PG or web server is ever
 * started, {@code AUTO_SERVER} stays off and the file lock is exclusive, so only this engine can
 * reach the data. In-memory databases get a random name.
 *
 * <p><b>Other settings.</b> Identifiers are case-preserving and case-insensitive
 * ({@code DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE}), as the ScratchBird engine
 * describes itself; NULLs sort high (SQL-DIALECT.md section 5); common column names that are
 * keywords in H2 ({@code value}, {@code key}, {@code year} …) stay usable; H2's trace file is off (it
 * would log every failed statement); the data file is opened through H2's {@code retry:} file
 * system, which reopens a file channel if a thread interrupt (used to cancel a lock wait) closes it.
 */
public final class StorageSettings {

    /** The data file's base name in the data directory ({@code scratchbird.mv.db}). */
    public static final String DATABASE_NAME = "scratchbird";
    /** How long a statement waits for a row lock before failing with 55P03. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private static final String COMMON = ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,KEY,YEAR,MONTH,DAY,HOUR,MINUTE,SECOND"
            + ";TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0";
    private static final String ENGINE_USER = "scratchbird_engine";

    private final String url;
    private final Duration lockTimeout;
    private final String directory;

    private StorageSettings(String url, Duration lockTimeout, String directory) {
        this.url = url;
        this.lockTimeout = lockTimeout;
        this.directory = directory;
    }

    /** A durable database in {@code dataDirectory} (created when missing). */
    public static StorageSettings directory(Path dataDirectory, Duration lockTimeout) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return new StorageSettings("jdbc:h2:retry:" + directory.resolve(DATABASE_NAME) + ";WRITE_DELAY=0" + COMMON,
                lockTimeout, directory.toString());
    }

    /** A private in-memory database, gone when the engine closes. */
    public static StorageSettings memory(Duration lockTimeout) {
        return new StorageSettings("jdbc:h2:mem:scratchbird-" + UUID.randomUUID() + COMMON, lockTimeout, null);
    }

    String url() {
        return url;
    }

    Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", ENGINE_USER);
        p.setProperty("password", "");
        return p;
    }

    Duration lockTimeout() {
        return lockTimeout;
    }

    /** The data directory, or null for an in-memory database. */
    String directory() {
        return directory;
    }
}
