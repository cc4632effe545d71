package io.scratchbird.embedded.sql.functions;

/**
 * A library function refusing its input, with the SQLSTATE and diagnostic code the client gets.
 * Storage wraps it when it escapes a function; the error translation finds it in the cause chain.
 */
public final class FunctionError extends RuntimeException {

    private final String sqlState;
    private final String diagnosticCode;

    public FunctionError(String sqlState, String diagnosticCode, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
        this.diagnosticCode = diagnosticCode;
    }

    public String sqlState() {
        return sqlState;
    }

    public String diagnosticCode() {
        return diagnosticCode;
    }
}
