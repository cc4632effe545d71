package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.FunctionCatalog;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.embedded.sql.SqlToken;
import io.scratchbird.embedded.sql.SqlTokenizer;
import io.scratchbird.embedded.sql.SystemSchemas;
import io.scratchbird.embedded.sql.TranslatedStatement;
import io.scratchbird.embedded.sql.functions.FunctionError;
import org.h2.api.ErrorCode;

import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a storage error into what the client sees: a precise SQLSTATE, a message in our own words
 * (PostgreSQL's phrasing, naming the constraint, relation, column or function involved), the
 * ScratchBird diagnostic code, and for syntax errors the position in the SBsql text. Storage's own
 * message text, class names and error numbers never reach the client; an error without a mapping is
 * logged (at FINE) and reported generically.
 */
final class ErrorTranslator {

    private static final Logger LOG = Logger.getLogger(ErrorTranslator.class.getName());

    /**
     * What the translation may consult.
     *
     * @param statement       the statement that failed (null outside statement execution)
     * @param cancelRequested whether the client asked to cancel it
     * @param snapshot        whether the transaction runs with a transaction snapshot (REPEATABLE READ or higher)
     */
    record Context(TranslatedStatement statement, boolean cancelRequested, boolean snapshot) {
    }

    private ErrorTranslator() {
    }

    static EngineException translate(SQLException e, Context context) {
        FunctionError fe = functionError(e);
        if (fe != null) {
            return new EngineException(fe.sqlState(), fe.diagnosticCode(), fe.getMessage());
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (e.getErrorCode()) {
            case ErrorCode.DUPLICATE_KEY_1:
                return uniqueViolation(message);
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1:
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1:
                return foreignKeyViolation(e.getErrorCode(), message);
            case ErrorCode.NULL_NOT_ALLOWED:
                return error("23502", SqlErrors.NOT_NULL_VIOLATION,
                        "null value in column \"" + quoted(message) + "\" violates not-null constraint");
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1:
                return checkViolation(message);
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1:
            case ErrorCode.SEQUENCE_NOT_FOUND_1:
                return error("42P01", SqlErrors.NOT_FOUND, "relation \"" + visibleName(quoted(message)) + "\" does not exist");
            case ErrorCode.SCHEMA_NOT_FOUND_1:
                return error("3F000", SqlErrors.NOT_FOUND, "schema \"" + visibleName(quoted(message)) + "\" does not exist");
            case ErrorCode.COLUMN_NOT_FOUND_1:
                return error("42703", SqlErrors.NOT_FOUND, "column \"" + quoted(message) + "\" does not exist");
            case ErrorCode.FUNCTION_NOT_FOUND_1:
                return error("42883", SqlErrors.NOT_FOUND, "function " + functionName(quoted(message)) + " does not exist");
            case ErrorCode.METHOD_NOT_FOUND_1:
            case ErrorCode.INVALID_PARAMETER_COUNT_2:
                return error("42883", SqlErrors.NOT_FOUND, "function " + functionName(quoted(message))
                        + " does not exist with these arguments");
            case ErrorCode.SYNTAX_ERROR_1:
            case ErrorCode.SYNTAX_ERROR_2:
                return syntaxError(message, context.statement());
            case ErrorCode.DIVISION_BY_ZERO_1:
                return error("22012", SqlErrors.DIVISION_BY_ZERO, "division by zero");
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1:
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2:
                return error("22003", SqlErrors.NUMERIC_OVERFLOW, "value out of range: \"" + quoted(message) + "\"");
            case ErrorCode.VALUE_TOO_LONG_2:
                return error("22001", SqlErrors.REJECTED, "value too long for column \"" + columnOf(quoted(message)) + "\"");
            case ErrorCode.DATA_CONVERSION_ERROR_1:
            case ErrorCode.HEX_STRING_ODD_1:
            case ErrorCode.HEX_STRING_WRONG_1:
                return error("22P02", SqlErrors.REJECTED, "invalid input syntax for the target type: \""
                        + convertedValue(quoted(message)) + "\"");
            case ErrorCode.INVALID_DATETIME_CONSTANT_2:
                return error("22007", SqlErrors.REJECTED, "invalid input syntax for a date or time value");
            case ErrorCode.LIKE_ESCAPE_ERROR_1:
                return error("22025", SqlErrors.REJECTED, "invalid escape sequence in LIKE pattern");
            case ErrorCode.INVALID_VALUE_2:
                return error("22023", SqlErrors.REJECTED, "invalid parameter value");
            case ErrorCode.LOCK_TIMEOUT_1:
                if (context.cancelRequested()) {
                    return SqlErrors.cancelled();
                }
                return context.statement() != null && context.statement().noWait()
                        ? error("55P03", SqlErrors.REJECTED, "could not obtain lock on row in relation \""
                        + quoted(message) + "\"")
                        : error("55P03", SqlErrors.REJECTED, "canceling statement due to lock timeout");
            case ErrorCode.DEADLOCK_1:
                return context.snapshot()
                        ? error("40001", SqlErrors.REJECTED, "could not serialize access due to concurrent update")
                        : error("40P01", SqlErrors.REJECTED, "deadlock detected");
            case ErrorCode.CONCURRENT_UPDATE_1:
                return error("40001", SqlErrors.REJECTED, "could not serialize access due to concurrent update");
            case ErrorCode.STATEMENT_WAS_CANCELED:
                return SqlErrors.cancelled();
            case ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1:
            case ErrorCode.INDEX_ALREADY_EXISTS_1:
            case ErrorCode.SEQUENCE_ALREADY_EXISTS_1:
                return error("42P07", SqlErrors.REJECTED, "relation \"" + visibleName(quoted(message)) + "\" already exists");
            case ErrorCode.SCHEMA_ALREADY_EXISTS_1:
                return error("42P06", SqlErrors.REJECTED, "schema \"" + visibleName(quoted(message)) + "\" already exists");
            case ErrorCode.DUPLICATE_COLUMN_NAME_1:
                return error("42701", SqlErrors.REJECTED, "column \"" + quoted(message) + "\" specified more than once");
            case ErrorCode.CONSTRAINT_ALREADY_EXISTS_1:
                return error("42710", SqlErrors.REJECTED, "constraint \"" + quoted(message) + "\" already exists");
            case ErrorCode.INDEX_NOT_FOUND_1:
                return error("42704", SqlErrors.NOT_FOUND, "index \"" + quoted(message) + "\" does not exist");
            case ErrorCode.CONSTRAINT_NOT_FOUND_1:
                return error("42704", SqlErrors.NOT_FOUND, "constraint \"" + quoted(message) + "\" does not exist");
            case ErrorCode.CANNOT_DROP_2:
            case ErrorCode.COLUMN_IS_REFERENCED_1:
                return error("2BP01", SqlErrors.REJECTED,
                        "cannot drop \"" + quoted(message) + "\" because other objects depend on it");
            case ErrorCode.AMBIGUOUS_COLUMN_NAME_1:
                return error("42702", SqlErrors.REJECTED, "column reference \"" + quoted(message) + "\" is ambiguous");
            case ErrorCode.MUST_GROUP_BY_COLUMN_1:
                return error("42803", SqlErrors.REJECTED, "column \"" + quoted(message)
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function");
            case ErrorCode.INVALID_USE_OF_AGGREGATE_FUNCTION_1:
                return error("42803", SqlErrors.REJECTED, "aggregate functions are not allowed here");
            case ErrorCode.COLUMN_COUNT_DOES_NOT_MATCH:
                return error(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED,
                        "the number of values does not match the number of columns");
            case ErrorCode.PARAMETER_NOT_SET_1:
                return error("08P01", SqlErrors.REJECTED, "a parameter of the statement was not bound");
            case ErrorCode.FEATURE_NOT_SUPPORTED_1:
                return error(SqlErrors.FEATURE_NOT_SUPPORTED, SqlErrors.FEATURE_NOT_IMPLEMENTED,
                        "this form of the statement is not supported");
            case ErrorCode.OUT_OF_MEMORY:
                return error("53200", SqlErrors.REJECTED, "out of memory");
            case ErrorCode.IO_EXCEPTION_1:
            case ErrorCode.IO_EXCEPTION_2:
            case ErrorCode.FILE_CORRUPTED_1:
                return error("58030", SqlErrors.REJECTED, "could not read or write the data file");
            case ErrorCode.DATABASE_IS_CLOSED:
            case ErrorCode.CONNECTION_BROKEN_1:
            case ErrorCode.DATABASE_CALLED_AT_SHUTDOWN:
                return error("08006", SqlErrors.REJECTED, "the storage engine is not available");
            default:
                return unmapped(e, context);
        }
    }

    private static EngineException error(String state, String code, String message) {
        return new EngineException(state, code, message);
    }

    private static FunctionError functionError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FunctionError fe) {
                return fe;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static EngineException unmapped(SQLException e, Context context) {
        if (context.cancelRequested()) {
            return SqlErrors.cancelled();
        }
        LOG.log(Level.FINE, "unmapped storage error for " + (context.statement() == null ? "?" : context.statement().source()), e);
        String state = e.getSQLState();
        boolean standard = state != null && state.length() == 5 && state.matches("(0A|22|23|25|40|42|53|54|55|57|58)[0-9A-Z]{3}");
        return error(standard ? state : "42000", SqlErrors.REJECTED, "the statement could not be executed");
    }

    /** The first {@code "…"} of a storage message (doubled quotes inside undone). */
    static String quoted(String message) {
        int start = message.indexOf('"');
        if (start < 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = start + 1; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"') {
                if (i + 1 < message.length() && message.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                    continue;
                }
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Internal schema names as users know them. */
    private static String visibleName(String name) {
        return name.replace(SystemSchemas.INFORMATION_SCHEMA, "information_schema");
    }

    private static String functionName(String name) {
        String bare = name.contains(" (") ? name.substring(0, name.indexOf(" (")) : name;
        bare = bare.substring(bare.lastIndexOf('.') + 1).replace("\"", "");
        return FunctionCatalog.sbsqlName(bare).toLowerCase(Locale.ROOT);
    }

    /** {@code name CHARACTER VARYING(5)} → {@code name}. */
    private static String columnOf(String columnAndType) {
        int blank = columnAndType.indexOf(' ');
        return blank < 0 ? columnAndType : columnAndType.substring(0, blank);
    }

    /** {@code 'abc' (T: "I" INTEGER)} → {@code abc}. */
    private static String convertedValue(String detail) {
        if (detail.startsWith("'")) {
            int close = detail.indexOf('\'', 1);
            return close > 0 ? detail.substring(1, close) : detail;
        }
        int paren = detail.indexOf(" (");
        return paren > 0 ? detail.substring(0, paren) : detail;
    }

    /**
     * The detail names the constraint: {@code <constraint> INDEX <index> ON <table>(…) VALUES …},
     * {@code <constraint> PRIMARY KEY ON <table>(…) …}, or for a unique index without a constraint
     * {@code <index> ON <table>(…) …}; names are schema-qualified.
     */
    private static EngineException uniqueViolation(String message) {
        String detail = quoted(message);
        int primaryKey = detail.indexOf(" PRIMARY KEY ON ");
        int index = detail.indexOf(" INDEX ");
        int on = detail.indexOf(" ON ");
        String name;
        if (primaryKey >= 0) {
            name = detail.substring(0, primaryKey);
        } else if (index >= 0 && (on < 0 || index < on)) {
            name = detail.substring(0, index);
        } else {
            name = on < 0 ? detail : detail.substring(0, on);
        }
        return error("23505", primaryKey >= 0 ? SqlErrors.PRIMARY_KEY_VIOLATION : SqlErrors.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + lastNamePart(name) + "\"");
    }

    /** The last part of a dotted name whose parts may be quoted: {@code "users.public".t} gives {@code t}. */
    static String lastNamePart(String qualified) {
        String s = qualified.strip();
        if (s.endsWith("\"")) {
            int open = s.length() - 2;
            while (open >= 0 && !(s.charAt(open) == '"' && (open == 0 || s.charAt(open - 1) != '"'))) {
                open--;
            }
            return s.substring(open + 1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.substring(s.lastIndexOf('.') + 1);
    }

    /** {@code "FK: schema.CHILD FOREIGN KEY(COL) REFERENCES schema.PARENT(ID) (1)"}. */
    private static EngineException foreignKeyViolation(int code, String message) {
        String detail = quoted(message);
        int colon = detail.indexOf(": ");
        String constraint = colon < 0 ? detail : detail.substring(0, colon);
        String rest = colon < 0 ? "" : detail.substring(colon + 2);
        int fk = rest.indexOf(" FOREIGN KEY");
        int references = rest.indexOf("REFERENCES ");
        String child = lastNamePart(fk < 0 ? "" : rest.substring(0, fk));
        String parent = lastNamePart(references < 0 ? "" : rest.substring(references + 11, Math.max(references + 11,
                rest.indexOf('(', references))));
        String text = code == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1
                ? "insert or update on table \"" + child + "\" violates foreign key constraint \"" + constraint + "\""
                : "update or delete on table \"" + parent + "\" violates foreign key constraint \"" + constraint
                + "\" on table \"" + child + "\"";
        return error("23503", SqlErrors.FOREIGN_KEY_VIOLATION, text);
    }

    /** {@code "name: (expression)"}, or just {@code "(expression)"} for an unnamed check. */
    private static EngineException checkViolation(String message) {
        String detail = quoted(message);
        int colon = detail.indexOf(": ");
        String name = colon > 0 && !detail.startsWith("(") ? detail.substring(0, colon) : null;
        return error("23514", SqlErrors.CHECK_VIOLATION, name == null ? "new row violates a check constraint"
                : "new row violates check constraint \"" + name + "\"");
    }

    /** 42601 with the position of the offending token in the SBsql text. */
    private static EngineException syntaxError(String message, TranslatedStatement statement) {
        if (statement == null || statement.sql() == null) {
            return new EngineException(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED, "syntax error");
        }
        String sql = statement.sql();
        int mark = message.indexOf("[*]");
        int start = message.indexOf('"') + 1;
        // The message quotes the statement with its double quotes doubled.
        int target = mark < 0 ? 0 : locate(sql, message.substring(Math.min(start, mark), mark).replace("\"\"", "\""));
        String source = statement.source();
        if (target >= sql.length()) {
            return new EngineException(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED, "syntax error at end of input",
                    source.stripTrailing().length() + 1);
        }
        int offset = statement.sourceMap().sourceOffset(target);
        for (SqlToken t : SqlTokenizer.significant(source)) {
            if (t.start() >= offset) {
                return SqlErrors.syntaxAt(t);
            }
        }
        return new EngineException(SqlErrors.SYNTAX_ERROR, SqlErrors.REJECTED, "syntax error at end of input",
                source.length() + 1);
    }

    /** Where the text before the error marker ends in the storage SQL. */
    private static int locate(String sql, String before) {
        if (sql.startsWith(before)) {
            return before.length();
        }
        String tail = before.substring(Math.max(0, before.length() - 40));
        int at = sql.indexOf(tail);
        return at < 0 ? 0 : at + tail.length();
    }
}
