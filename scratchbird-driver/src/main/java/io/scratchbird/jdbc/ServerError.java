package io.scratchbird.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The error report the server sent, exactly as received: the fields of an SBWP ERROR frame
 * (SQLSTATE C, message M, detail D, hint H, position P), the diagnostic code found in them and
 * the SQL text that failed. It is the {@linkplain Throwable#getCause() cause} of every
 * {@link SQLException} that {@link SqlExceptions#fromServer} builds; {@link #of(Throwable)} finds
 * it. This is the driver's counterpart of PgJDBC's {@code getServerErrorMessage()}.
 *
 * <p>The SQLException reports the <em>standard</em> SQLSTATE: for the server's generic
 * {@code 42000} with a known diagnostic code, the refined state (for example {@code 23505} for
 * {@code CLI.CONSTRAINT_UNIQUE_VIOLATION}); {@link #sqlState()} keeps what the server sent. A
 * stack-less exception: its stack would only repeat the one of the SQLException it belongs to.
 */
public final class ServerError extends Exception {

    private static final long serialVersionUID = 1L;
    /** Cause chains are short; the limit only guards against a cycle built by other code. */
    private static final int MAX_CAUSE_DEPTH = 32;

    private final String sqlState;
    private final String standardSqlState;
    private final String serverMessage;
    private final String detail;
    private final String hint;
    private final int position;
    private final String sql;
    private final String diagnosticCode;

    ServerError(String sqlState, String standardSqlState, String serverMessage, String detail, String hint,
                int position, String sql, String diagnosticCode) {
        super(summary(sqlState, diagnosticCode), null, false, false);
        this.sqlState = sqlState;
        this.standardSqlState = standardSqlState;
        this.serverMessage = serverMessage;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.sql = sql;
        this.diagnosticCode = diagnosticCode;
    }

    private static String summary(String sqlState, String diagnosticCode) {
        return "server SQLSTATE " + sqlState + (diagnosticCode == null ? "" : ", diagnostic code " + diagnosticCode);
    }

    /** The server's error report in {@code t} or its causes, if any. */
    public static Optional<ServerError> of(Throwable t) {
        Throwable current = t;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof ServerError) {
                return Optional.of((ServerError) current);
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /** The SQLSTATE the server sent (field C; {@code 42000} when the field was missing). */
    public String sqlState() {
        return sqlState;
    }

    /** The SQLSTATE the SQLException reports: {@link #sqlState()}, or its refinement from the diagnostic code. */
    public String standardSqlState() {
        return standardSqlState;
    }

    /** Whether the diagnostic code replaced the server's generic {@code 42000}. */
    public boolean isRefined() {
        return !sqlState.equals(standardSqlState);
    }

    /** Field M; null when absent. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Field D; null when absent. For engine errors it holds the diagnostic code, sometimes as {@code code;detail}. */
    public String detail() {
        return detail;
    }

    /** Field H; null when absent (the upstream server never sends it). */
    public String hint() {
        return hint;
    }

    /** Field P: the 1-based character position in {@link #sql()} where the error was found; 0 when unknown. */
    public int position() {
        return position;
    }

    /** The statement the error belongs to, when the driver knows it; null otherwise. Not part of any message. */
    public String sql() {
        return sql;
    }

    /** The ScratchBird diagnostic code (such as {@code CLI.CONSTRAINT_UNIQUE_VIOLATION}) found in D or M; null if none. */
    public String diagnosticCode() {
        return diagnosticCode;
    }
}
