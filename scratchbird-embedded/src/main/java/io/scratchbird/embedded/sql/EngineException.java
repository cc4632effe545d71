package io.scratchbird.embedded.sql;

/**
 * A statement the engine rejected, already translated to what the client sees: a precise
 * SQLSTATE, a message in our own words (never the underlying engine's text or class names), the
 * ScratchBird diagnostic code for the DETAIL field, and for syntax errors the 1-based character
 * position in the statement text.
 */
public class EngineException extends Exception {

    private final String sqlState;
    private final String diagnosticCode;
    private final int position;

    public EngineException(String sqlState, String diagnosticCode, String message, int position) {
        super(message);
        this.sqlState = sqlState;
        this.diagnosticCode = diagnosticCode;
        this.position = position;
    }

    public EngineException(String sqlState, String diagnosticCode, String message) {
        this(sqlState, diagnosticCode, message, 0);
    }

    public String sqlState() {
        return sqlState;
    }

    /** E.g. {@code CLI.CONSTRAINT_UNIQUE_VIOLATION}; see SQL-DIALECT.md section 10. */
    public String diagnosticCode() {
        return diagnosticCode;
    }

    /** 1-based character position of a syntax error in the statement, or 0. */
    public int position() {
        return position;
    }
}
