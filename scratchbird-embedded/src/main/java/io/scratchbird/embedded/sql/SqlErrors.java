package io.scratchbird.embedded.sql;

/**
 * The SQLSTATEs and ScratchBird diagnostic codes the SQL layer reports, and factories for the
 * {@link EngineException}s raised before a statement reaches storage. Diagnostic codes are the ones
 * SQL-DIALECT.md section 10 documents; situations it documents no code for use
 * {@link #REJECTED}.
 */
public final class SqlErrors {

    public static final String UNIQUE_VIOLATION = "CLI.CONSTRAINT_UNIQUE_VIOLATION";
    public static final String PRIMARY_KEY_VIOLATION = "CLI.CONSTRAINT_PRIMARY_KEY_VIOLATION";
    public static final String FOREIGN_KEY_VIOLATION = "CLI.CONSTRAINT_FOREIGN_KEY_VIOLATION";
    public static final String NOT_NULL_VIOLATION = "CLI.CONSTRAINT_NOT_NULL_VIOLATION";
    public static final String CHECK_VIOLATION = "CLI.CONSTRAINT_CHECK_VIOLATION";
    public static final String DOMAIN_CHECK_VIOLATION = "SBSQL_DOMAIN_CHECK_VIOLATION";
    public static final String NUMERIC_OVERFLOW = "SBSQL.NUMERIC.OVERFLOW";
    public static final String NUMERIC_DOMAIN = "SBSQL.NUMERIC.DOMAIN";
    public static final String DIVISION_BY_ZERO = "SBSQL.NUMERIC.DIVISION_BY_ZERO";
    public static final String NOT_FOUND = "SBSQL.NAME_RESOLUTION.NOT_FOUND_OR_NOT_VISIBLE";
    public static final String REJECTED = "SBSQL.EXECUTION.REJECTED";
    public static final String FEATURE_NOT_IMPLEMENTED = "FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING";
    public static final String QUERY_CANCELLED = "EXECUTION.QUERY_CANCELLED";

    public static final String SYNTAX_ERROR = "42601";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String UNDEFINED_OBJECT = "42704";
    public static final String QUERY_CANCELED_STATE = "57014";

    private SqlErrors() {
    }

    /** 42601 at a 0-based offset of the statement text (reported 1-based). */
    public static EngineException syntax(String message, int offset) {
        return new EngineException(SYNTAX_ERROR, REJECTED, message, offset + 1);
    }

    /** 42601 naming the token where the statement went wrong. */
    public static EngineException syntaxAt(SqlToken token) {
        return syntax("syntax error at or near \"" + token.text() + "\"", token.start());
    }

    /** 0A000: a construct SBsql has (or PostgreSQL has) that this server does not implement. */
    public static EngineException unsupported(String construct) {
        return new EngineException(FEATURE_NOT_SUPPORTED, FEATURE_NOT_IMPLEMENTED, construct + " is not supported");
    }

    public static EngineException undefinedType(String name, int offset) {
        return new EngineException(UNDEFINED_OBJECT, NOT_FOUND, "type \"" + name + "\" does not exist", offset + 1);
    }

    public static EngineException cancelled() {
        return new EngineException(QUERY_CANCELED_STATE, QUERY_CANCELLED, "canceling statement due to user request");
    }
}
