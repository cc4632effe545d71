package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.IsolationLevel;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.embedded.sql.SystemSchemas;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's settings (SET / SHOW / RESET): isolation level and access mode (session defaults),
 * search path, time zone, lock and statement timeouts, application name and client encoding.
 * Unknown parameter names are refused with 42704.
 */
final class SessionSettings {

    static final int DEFAULT_EF_SEARCH = 100;
    static final int MAX_EF_SEARCH = 10_000;
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?", Pattern.CASE_INSENSITIVE);

    IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
    boolean readOnly;
    List<String> searchPath = List.of(SystemSchemas.DEFAULT_SCHEMA);
    String timeZone = ZoneId.systemDefault().getId();
    String applicationName;
    long lockTimeoutMillis;
    long statementTimeoutMillis;
    /** Search breadth of HNSW index scans: candidates the graph search keeps (docs/embedded-sql.md). */
    int efSearch = DEFAULT_EF_SEARCH;
    private final long defaultLockTimeoutMillis;

    SessionSettings(String applicationName, Duration lockTimeout) {
        this.applicationName = applicationName == null ? "" : applicationName;
        this.defaultLockTimeoutMillis = lockTimeout.toMillis();
        this.lockTimeoutMillis = defaultLockTimeoutMillis;
    }

    /** Checks and stores a parameter (the caller applies it to storage). */
    void set(String name, String value) throws EngineException {
        switch (name) {
            case "application_name" -> applicationName = value;
            case "client_encoding", "names" -> {
                String v = value.toUpperCase(Locale.ROOT).replace("-", "");
                if (!v.equals("UTF8") && !v.equals("UNICODE")) {
                    throw SqlErrors.unsupported("client encoding " + value + " (only UTF8)");
                }
            }
            case "timezone" -> timeZone = zone(value);
            case "lock_timeout" -> lockTimeoutMillis = millis(name, value);
            case "statement_timeout" -> statementTimeoutMillis = millis(name, value);
            case "ef_search", "hnsw.ef_search" -> efSearch = efSearch(name, value);
            case "datestyle" -> {
                if (!value.toUpperCase(Locale.ROOT).startsWith("ISO")) {
                    throw SqlErrors.unsupported("DateStyle " + value + " (only ISO)");
                }
            }
            default -> throw unknown(name);
        }
    }

    /** Restores a parameter (or all of them, for {@code all}) to its default. */
    void reset(String name, String defaultApplicationName) throws EngineException {
        switch (name) {
            case "all" -> {
                searchPath = List.of(SystemSchemas.DEFAULT_SCHEMA);
                timeZone = ZoneId.systemDefault().getId();
                lockTimeoutMillis = defaultLockTimeoutMillis;
                statementTimeoutMillis = 0;
                applicationName = defaultApplicationName;
                efSearch = DEFAULT_EF_SEARCH;
            }
            case "ef_search", "hnsw.ef_search" -> efSearch = DEFAULT_EF_SEARCH;
            case "search_path" -> searchPath = List.of(SystemSchemas.DEFAULT_SCHEMA);
            case "timezone" -> timeZone = ZoneId.systemDefault().getId();
            case "lock_timeout" -> lockTimeoutMillis = defaultLockTimeoutMillis;
            case "statement_timeout" -> statementTimeoutMillis = 0;
            case "application_name" -> applicationName = defaultApplicationName;
            case "client_encoding", "datestyle" -> {
                // fixed values
            }
            default -> throw unknown(name);
        }
    }

    /** The value SHOW prints for a parameter kept here, or null when the session must compute it. */
    String show(String name) throws EngineException {
        return switch (name) {
            case "search_path" -> String.join(", ", searchPath);
            case "transaction_isolation", "default_transaction_isolation" -> isolation.sqlName();
            case "transaction_read_only", "default_transaction_read_only" -> readOnly ? "on" : "off";
            case "timezone" -> timeZone;
            case "application_name" -> applicationName;
            case "client_encoding", "server_encoding" -> "UTF8";
            case "datestyle" -> "ISO, YMD";
            case "lock_timeout" -> lockTimeoutMillis + "ms";
            case "statement_timeout" -> statementTimeoutMillis + "ms";
            case "ef_search", "hnsw.ef_search" -> Integer.toString(efSearch);
            case "server_version" -> "ScratchBird-compatible embedded server (SBWP 1.1)";
            case "current_schema" -> null;
            default -> throw unknown(name);
        };
    }

    private static EngineException unknown(String name) {
        return new EngineException("42704", SqlErrors.NOT_FOUND, "unrecognized configuration parameter \"" + name + "\"");
    }

    private static int efSearch(String name, String value) throws EngineException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_EF_SEARCH) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new EngineException("22023", SqlErrors.REJECTED, "invalid value for parameter \"" + name + "\": \"" + value
                + "\" (an integer from 1 to " + MAX_EF_SEARCH + ")");
    }

    private static String zone(String value) throws EngineException {
        if (value.equalsIgnoreCase("local") || value.equalsIgnoreCase("default")) {
            return ZoneId.systemDefault().getId();
        }
        try {
            return ZoneId.of(value.equalsIgnoreCase("utc") ? "UTC" : value).getId();
        } catch (DateTimeException e) {
            throw new EngineException("22023", SqlErrors.REJECTED, "invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
    }

    /** {@code 500}, {@code '500ms'}, {@code '5s'}, {@code '1min'}. */
    private static long millis(String name, String value) throws EngineException {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new EngineException("22023", SqlErrors.REJECTED, "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "s" -> n * 1000;
            case "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n;
        };
    }
}
