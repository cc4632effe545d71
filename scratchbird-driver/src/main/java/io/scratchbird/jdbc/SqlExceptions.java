package io.scratchbird.jdbc;

import io.scratchbird.wire.message.ErrorResponse;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Builds the driver's {@link SQLException}s: the subclass chosen from the SQLSTATE, for errors the
 * server reports and for the ones the driver raises itself.
 *
 * <p><b>Server errors</b> ({@link #fromServer}): the class follows SBWP spec 11.3 (exact SQLSTATE
 * first, then its two-character class, else plain {@code SQLException}), with two deliberate
 * deviations:
 * <ul>
 *   <li>{@code 53300} (too many connections) is a {@link SQLTransientConnectionException}: the
 *       connection attempt failed and may succeed later (it is still a {@link SQLTransientException});</li>
 *   <li>a generic {@code 42000} whose DETAIL (or message) holds a ScratchBird diagnostic code is
 *       reported with the standard SQLSTATE of that code, and classed by it: a unique violation is
 *       a {@link SQLIntegrityConstraintViolationException} with SQLSTATE {@code 23505}, not a
 *       syntax error (spec 13.3 H-16). This departs from spec 13.1 item 24, which keeps
 *       {@code getSQLState()} at {@code 42000}; the server's own C and D stay available through
 *       {@link ServerError#of(Throwable)}, the exception's cause.</li>
 * </ul>
 * The message is PgJDBC-shaped: M, then {@code \nDETAIL: D}, {@code \nHINT: H},
 * {@code \nPosition: P} for those present; {@code query failed} stands in for an empty M.
 *
 * <p><b>Client-side errors</b> pick the class by meaning: a connection attempt that may work on
 * retry is transient ({@code 08001}), one that cannot (bad URL, TLS material, untrusted
 * certificate) is non-transient ({@code 08001}); a closed connection is {@code 08003}
 * non-transient, a closed statement or result set {@code 55000} (both as in PgJDBC).
 * Messages never contain passwords or other secrets; callers must not pass them in.
 */
public final class SqlExceptions {

    /** The server's catch-all state for rejected statements, refined from the diagnostic code. */
    static final String GENERIC_SERVER_STATE = "42000";

    private static final Map<String, Kind> BY_STATE = Map.ofEntries(
            entry("01000", Kind.WARNING),
            entry("02000", Kind.DATA),
            entry("08001", Kind.TRANSIENT_CONNECTION), entry("08003", Kind.TRANSIENT_CONNECTION),
            entry("08006", Kind.TRANSIENT_CONNECTION),
            entry("08004", Kind.NON_TRANSIENT_CONNECTION), entry("08P01", Kind.NON_TRANSIENT_CONNECTION),
            entry("0A000", Kind.FEATURE_NOT_SUPPORTED),
            entry("22001", Kind.DATA), entry("22003", Kind.DATA), entry("22007", Kind.DATA), entry("22012", Kind.DATA),
            entry("22023", Kind.DATA), entry("22P02", Kind.DATA), entry("22P03", Kind.DATA),
            entry("23000", Kind.INTEGRITY), entry("23502", Kind.INTEGRITY), entry("23503", Kind.INTEGRITY),
            entry("23505", Kind.INTEGRITY), entry("23514", Kind.INTEGRITY),
            entry("28000", Kind.AUTHORIZATION), entry("28P01", Kind.AUTHORIZATION),
            entry("40001", Kind.ROLLBACK), entry("40P01", Kind.ROLLBACK), entry("25P02", Kind.ROLLBACK),
            entry("25006", Kind.NON_TRANSIENT), entry("34000", Kind.NON_TRANSIENT), entry("3D000", Kind.NON_TRANSIENT),
            entry("55000", Kind.NON_TRANSIENT), entry("55006", Kind.NON_TRANSIENT), entry("54000", Kind.NON_TRANSIENT),
            entry("58000", Kind.NON_TRANSIENT), entry("XX000", Kind.NON_TRANSIENT),
            entry("42501", Kind.AUTHORIZATION),
            entry("42601", Kind.SYNTAX), entry("42703", Kind.SYNTAX), entry("42704", Kind.SYNTAX), entry("42710", Kind.SYNTAX),
            entry("42883", Kind.SYNTAX), entry("42P01", Kind.SYNTAX), entry("42P07", Kind.SYNTAX),
            entry("55P03", Kind.TRANSIENT), entry("53P00", Kind.TRANSIENT), entry("53100", Kind.TRANSIENT),
            entry("53200", Kind.TRANSIENT),
            // Deviation from spec 11.3 (SQLTransientException): too many connections is a connection failure.
            entry("53300", Kind.TRANSIENT_CONNECTION),
            entry("57014", Kind.TIMEOUT),
            entry("57P03", Kind.TRANSIENT_CONNECTION),
            entry("57P01", Kind.NON_TRANSIENT_CONNECTION));

    private static final Map<String, Kind> BY_CLASS = Map.ofEntries(
            entry("01", Kind.WARNING),
            entry("02", Kind.DATA), entry("22", Kind.DATA),
            entry("08", Kind.TRANSIENT_CONNECTION),
            entry("0A", Kind.FEATURE_NOT_SUPPORTED),
            entry("23", Kind.INTEGRITY),
            entry("25", Kind.NON_TRANSIENT), entry("34", Kind.NON_TRANSIENT), entry("3D", Kind.NON_TRANSIENT),
            entry("54", Kind.NON_TRANSIENT), entry("55", Kind.NON_TRANSIENT), entry("57", Kind.NON_TRANSIENT),
            entry("58", Kind.NON_TRANSIENT),
            entry("28", Kind.AUTHORIZATION),
            entry("40", Kind.ROLLBACK),
            entry("42", Kind.SYNTAX),
            entry("53", Kind.TRANSIENT));

    private SqlExceptions() {
    }

    // ---- server errors ------------------------------------------------------------------------

    /**
     * The exception for a server ERROR.
     *
     * @param sqlState field C; null or empty means {@code 42000} (the upstream driver's rule)
     * @param message  field M, may be null
     * @param detail   field D, may be null; a diagnostic code here refines a {@code 42000}
     * @param hint     field H, may be null
     * @param position field P, 1-based; 0 when absent
     * @param sql      the statement that failed, when known; kept in {@link ServerError#sql()}, never in the message
     */
    public static SQLException fromServer(String sqlState, String message, String detail, String hint, int position,
                                          String sql) {
        String state = isEmpty(sqlState) ? GENERIC_SERVER_STATE : sqlState;
        String code = DiagnosticCodes.extract(message, detail);
        String standard = state;
        if (GENERIC_SERVER_STATE.equals(state)) {
            String refined = DiagnosticCodes.standardSqlState(code);
            standard = refined != null ? refined : state;
        }
        ServerError cause = new ServerError(state, standard, emptyToNull(message), emptyToNull(detail),
                emptyToNull(hint), Math.max(position, 0), sql, code);
        return kindOf(standard).create(format(message, detail, hint, position), standard, cause);
    }

    /** The exception for a decoded ERROR frame; a non-numeric P field counts as absent. */
    public static SQLException fromServer(ErrorResponse error, String sql) {
        return fromServer(error.sqlState(), error.message(), error.detail(), error.hint(),
                parsePosition(error.field(ErrorResponse.POSITION)), sql);
    }

    /** An exception of the class the mapping table assigns to {@code sqlState}, for client-side states not covered below. */
    public static SQLException forSqlState(String sqlState, String reason, Throwable cause) {
        return kindOf(sqlState).create(reason, sqlState, cause);
    }

    static String format(String message, String detail, String hint, int position) {
        StringBuilder text = new StringBuilder(isEmpty(message) ? "query failed" : message);
        if (!isEmpty(detail)) {
            text.append("\nDETAIL: ").append(detail);
        }
        if (!isEmpty(hint)) {
            text.append("\nHINT: ").append(hint);
        }
        if (position > 0) {
            text.append("\nPosition: ").append(position);
        }
        return text.toString();
    }

    private static Kind kindOf(String sqlState) {
        if (sqlState == null) {
            return Kind.GENERIC;
        }
        Kind exact = BY_STATE.get(sqlState);
        if (exact != null) {
            return exact;
        }
        Kind byClass = sqlState.length() >= 2 ? BY_CLASS.get(sqlState.substring(0, 2)) : null;
        return byClass != null ? byClass : Kind.GENERIC;
    }

    // ---- client-side errors -------------------------------------------------------------------

    /** 08001, transient: the TCP connection to {@code host} failed (refused, unreachable, timed out, unknown host). */
    public static SQLTransientConnectionException connectionFailure(HostSpec host, Throwable cause) {
        return new SQLTransientConnectionException("Could not connect to " + host + ": " + describe(cause), "08001", cause);
    }

    /**
     * 08001, non-transient: connecting cannot work with these settings (malformed URL, unusable
     * TLS material, a server certificate that fails verification). Retrying unchanged is pointless.
     */
    public static SQLNonTransientConnectionException cannotConnect(String reason, Throwable cause) {
        return new SQLNonTransientConnectionException(reason, "08001", cause);
    }

    /** 08006: reading from or writing to an open connection failed; the connection is broken. */
    public static SQLTransientConnectionException ioFailure(HostSpec host, Throwable cause) {
        return new SQLTransientConnectionException("I/O error on the connection to " + host + ": " + describe(cause)
                + "; the connection is closed", "08006", cause);
    }

    /** 08P01: the server sent something SBWP does not allow (the connection cannot be trusted afterwards). */
    public static SQLNonTransientConnectionException protocolViolation(String reason, Throwable cause) {
        return new SQLNonTransientConnectionException("Protocol violation: " + reason, "08P01", cause);
    }

    /** 0A000 naming what is not supported, such as {@code "Connection.setNetworkTimeout"}. */
    public static SQLFeatureNotSupportedException featureNotSupported(String feature) {
        return new SQLFeatureNotSupportedException(feature + " is not supported by the ScratchBird driver", "0A000");
    }

    /** 22023: an argument or property value outside what is allowed; the reason names both. */
    public static SQLDataException invalidParameterValue(String reason) {
        return new SQLDataException(reason, "22023");
    }

    /** 08003: the connection is closed (PgJDBC's state); non-transient, as this connection will stay closed. */
    public static SQLNonTransientConnectionException connectionClosed() {
        return new SQLNonTransientConnectionException("This connection has been closed.", "08003");
    }

    /** 55000 (object not in prerequisite state), as PgJDBC, for a closed statement, result set or LOB. */
    public static SQLNonTransientException objectClosed(String objectName) {
        return new SQLNonTransientException("This " + objectName + " has been closed.", "55000");
    }

    /**
     * 28P01: authentication failed on the client side (for example a SCRAM server signature
     * that does not verify). The reason must not contain the credential.
     */
    public static SQLInvalidAuthorizationSpecException authenticationFailed(String user, String reason) {
        return new SQLInvalidAuthorizationSpecException("Authentication failed for user \"" + user + "\": " + reason,
                "28P01");
    }

    /** A cause for a message: its text, or its kind when the text alone would be unclear. */
    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        String message = cause.getMessage();
        if (cause instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (cause instanceof SocketTimeoutException) {
            return "timed out" + (isEmpty(message) ? "" : " (" + message + ")");
        }
        return isEmpty(message) ? cause.getClass().getSimpleName() : message;
    }

    private static int parsePosition(String field) {
        if (field == null) {
            return 0;
        }
        try {
            return Math.max(Integer.parseInt(field.trim()), 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String emptyToNull(String s) {
        return isEmpty(s) ? null : s;
    }

    /** The exception classes of the mapping, each with its (reason, SQLSTATE, vendor code, cause) constructor. */
    private enum Kind {
        WARNING(SQLWarning::new),
        DATA(SQLDataException::new),
        TRANSIENT_CONNECTION(SQLTransientConnectionException::new),
        NON_TRANSIENT_CONNECTION(SQLNonTransientConnectionException::new),
        FEATURE_NOT_SUPPORTED(SQLFeatureNotSupportedException::new),
        INTEGRITY(SQLIntegrityConstraintViolationException::new),
        AUTHORIZATION(SQLInvalidAuthorizationSpecException::new),
        ROLLBACK(SQLTransactionRollbackException::new),
        NON_TRANSIENT(SQLNonTransientException::new),
        SYNTAX(SQLSyntaxErrorException::new),
        TRANSIENT(SQLTransientException::new),
        TIMEOUT(SQLTimeoutException::new),
        GENERIC(SQLException::new);

        private final Constructor constructor;

        Kind(Constructor constructor) {
            this.constructor = constructor;
        }

        SQLException create(String reason, String sqlState, Throwable cause) {
            return constructor.create(reason, sqlState, 0, cause);
        }
    }

    @FunctionalInterface
    private interface Constructor {
        SQLException create(String reason, String sqlState, int vendorCode, Throwable cause);
    }
}
