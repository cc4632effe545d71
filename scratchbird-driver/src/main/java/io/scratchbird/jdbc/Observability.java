package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ProtocolSession;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A connection's statement listeners, counters and log gate (issue 5). The JVM-wide listener
 * registry lives here too. Counters are {@link LongAdder}s so that {@link #snapshot} may run on any
 * thread; listeners are copy-on-write lists, so registering never blocks an execution.
 */
final class Observability {

    /** The driver's logger; what it prints is gated by the connection's {@code loggerLevel} first. */
    static final System.Logger LOG = System.getLogger("io.scratchbird.jdbc");

    static final int OFF = 0;
    static final int INFO = 1;
    static final int DEBUG = 2;
    static final int TRACE = 3;

    private static final List<StatementListener> GLOBAL = new CopyOnWriteArrayList<>();
    /** Listeners whose failure was logged already: each is reported once. */
    private static final Set<StatementListener> REPORTED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private static final AtomicLong IDS = new AtomicLong();

    final long connectionId = IDS.incrementAndGet();
    private final int level;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final ProtocolSession session;
    final LongAdder executed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder rows = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();

    Observability(ProtocolSession session, String loggerLevel) {
        this.session = session;
        this.level = parseLevel(loggerLevel);
    }

    static int parseLevel(String level) {
        if (level == null) {
            return OFF;
        }
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "INFO" -> INFO;
            case "DEBUG" -> DEBUG;
            case "TRACE" -> TRACE;
            default -> OFF;
        };
    }

    static void addGlobal(StatementListener l) {
        if (l == null) {
            throw new NullPointerException("listener");
        }
        GLOBAL.add(l);
    }

    static void removeGlobal(StatementListener l) {
        GLOBAL.remove(l);
    }

    void add(StatementListener l) {
        if (l == null) {
            throw new NullPointerException("listener");
        }
        listeners.add(l);
    }

    void remove(StatementListener l) {
        listeners.remove(l);
    }

    ConnectionMetrics snapshot() {
        return new ConnectionMetrics(executed.sum(), failed.sum(), rows.sum(), session.bytesSent(), session.bytesReceived(),
                cacheHits.sum(), cacheMisses.sum(), session.roundTrips());
    }

    // ------------------------------------------------------------------ logging

    /** Whether a message of this driver level is wanted by the connection and by the logging backend. */
    boolean logs(int driverLevel) {
        return level >= driverLevel && LOG.isLoggable(systemLevel(driverLevel));
    }

    void log(int driverLevel, String message) {
        if (logs(driverLevel)) {
            LOG.log(systemLevel(driverLevel), "[conn#" + connectionId + "] " + message);
        }
    }

    private static System.Logger.Level systemLevel(int driverLevel) {
        return switch (driverLevel) {
            case TRACE -> System.Logger.Level.TRACE;
            case DEBUG -> System.Logger.Level.DEBUG;
            default -> System.Logger.Level.INFO;
        };
    }

    /**
     * SQL text for a log line: string literals (which may hold passwords) are masked, and long text
     * is shortened. Parameter values are never part of the SQL text.
     */
    static String forLog(String sql) {
        StringBuilder b = new StringBuilder(Math.min(sql.length(), 200));
        boolean inString = false;
        for (int i = 0; i < sql.length() && b.length() < 200; i++) {
            char c = sql.charAt(i);
            if (inString) {
                if (c == '\'') {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        inString = false;
                        b.append("***'");
                    }
                }
            } else {
                b.append(Character.isWhitespace(c) ? ' ' : c);
                if (c == '\'') {
                    inString = true;
                }
            }
        }
        if (inString) {
            b.append("***'");
        }
        return b.length() >= 200 ? b + "..." : b.toString();
    }

    // ------------------------------------------------------------------ statements

    interface Call<T> {
        T run() throws SQLException;
    }

    /**
     * Runs one execution between the listeners' start and finish and counts it.
     *
     * @param rowsOf    rows of a successful outcome
     * @param failureOf the failure carried by an outcome (a batch's), or null
     */
    <T> T observe(String sql, int batchSize, Call<T> call, ToLongFunction<T> rowsOf, Function<T, SQLException> failureOf)
            throws SQLException {
        boolean notify = !listeners.isEmpty() || !GLOBAL.isEmpty();
        if (notify) {
            fire(new StatementEvent(connectionId, sql, batchSize, 0, -1, null), true);
        }
        boolean trace = logs(TRACE);
        long trips = trace ? session.roundTrips() : 0;
        long sent = session.bytesSent();
        long received = session.bytesReceived();
        long hits = cacheHits.sum();
        long misses = cacheMisses.sum();
        long framesOut = trace ? session.framesSent() : 0;
        long framesIn = trace ? session.framesReceived() : 0;
        long started = System.nanoTime();
        T result = null;
        SQLException failure = null;
        try {
            result = call.run();
            failure = failureOf == null ? null : failureOf.apply(result);
            return result;
        } catch (SQLException e) {
            failure = e;
            throw e;
        } catch (RuntimeException | Error e) {
            failure = new SQLException(e.toString(), "XX000");
            throw e;
        } finally {
            long nanos = System.nanoTime() - started;
            long n = result == null ? -1 : rowsOf.applyAsLong(result);
            String state = failure == null ? null : failure.getSQLState() == null ? "HY000" : failure.getSQLState();
            executed.increment();
            if (failure != null) {
                failed.increment();
            }
            if (n > 0) {
                rows.add(n);
            }
            if (notify) {
                fire(new StatementEvent(connectionId, sql, batchSize, nanos, n, state, session.bytesSent() - sent,
                        session.bytesReceived() - received, cacheHits.sum() - hits, cacheMisses.sum() - misses), false);
            }
            if (logs(DEBUG)) {
                log(DEBUG, (failure == null ? "executed" : "failed [" + state + "]") + " in "
                        + String.format(Locale.ROOT, "%.3f ms", nanos / 1e6) + ", rows " + n
                        + (batchSize > 0 ? ", batch " + batchSize : "") + ": " + forLog(sql));
            }
            if (trace) {
                log(TRACE, "round trips " + (session.roundTrips() - trips) + ", frames out " + (session.framesSent() - framesOut)
                        + " in " + (session.framesReceived() - framesIn) + ", bytes out " + (session.bytesSent() - sent)
                        + " in " + (session.bytesReceived() - received));
            }
        }
    }

    private void fire(StatementEvent event, boolean start) {
        for (StatementListener l : listeners) {
            call(l, event, start);
        }
        for (StatementListener l : GLOBAL) {
            call(l, event, start);
        }
    }

    private static void call(StatementListener l, StatementEvent event, boolean start) {
        try {
            if (start) {
                l.statementStarted(event);
            } else {
                l.statementFinished(event);
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            if (REPORTED.add(l)) {
                LOG.log(System.Logger.Level.WARNING, "ScratchBird statement listener " + l.getClass().getName()
                        + " threw an exception; ignored (reported once per listener)", e);
            }
        }
    }
}
