package io.scratchbird.hibernate.internal;

import io.scratchbird.jdbc.ServerError;
import org.hibernate.PessimisticLockException;
import org.hibernate.QueryTimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.LockTimeoutException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.exception.spi.TemplatedViolatedConstraintNameExtractor;
import org.hibernate.exception.spi.ViolatedConstraintNameExtractor;

import java.sql.SQLException;
import java.util.Locale;

import static org.hibernate.internal.util.JdbcExceptionHelper.extractSqlState;

/**
 * Turns ScratchBird errors into Hibernate's exceptions. The real server reports every rejected
 * statement as {@code 42000} with the reason as a diagnostic code in DETAIL
 * ({@code CLI.CONSTRAINT_UNIQUE_VIOLATION}, …; SQL-DIALECT.md §10); the driver already refines the
 * SQLSTATE from that code, and the code itself decides the constraint kind here, so both the real
 * server and the embedded one (which sends the standard SQLSTATE) translate the same way.
 */
public final class ScratchBirdExceptions {

    private ScratchBirdExceptions() {
    }

    /** The constraint (or, for NOT NULL, the column) named in the server's message. */
    public static final ViolatedConstraintNameExtractor CONSTRAINT_NAMES = new TemplatedViolatedConstraintNameExtractor(e -> {
        ConstraintKind kind = kind(e);
        if (kind == null) {
            return null;
        }
        String message = e.getMessage();
        return kind == ConstraintKind.NOT_NULL
                ? TemplatedViolatedConstraintNameExtractor.extractUsingTemplate("column \"", "\"", message)
                : TemplatedViolatedConstraintNameExtractor.extractUsingTemplate("constraint \"", "\"", message);
    });

    public static SQLExceptionConversionDelegate delegate() {
        return (e, message, sql) -> {
            ConstraintKind kind = kind(e);
            if (kind != null) {
                return new ConstraintViolationException(message, e, sql, kind, CONSTRAINT_NAMES.extractConstraintName(e));
            }
            String state = extractSqlState(e);
            if (state == null) {
                return null;
            }
            return switch (state) {
                // NOWAIT found the row locked: the statement failed at once, not after a wait.
                case "55P03" -> e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("could not obtain lock")
                        ? new PessimisticLockException(message, e, sql)
                        : new LockTimeoutException(message, e, sql);
                case "40P01", "40001" -> new LockAcquisitionException(message, e, sql);
                case "57014" -> new QueryTimeoutException(message, e, sql);
                default -> null;
            };
        };
    }

    /** The kind of integrity violation, from the diagnostic code first and the SQLSTATE second. */
    static ConstraintKind kind(SQLException e) {
        String code = ServerError.of(e).map(ServerError::diagnosticCode).orElse(null);
        if (code != null) {
            if (code.startsWith("CLI.CONSTRAINT_UNIQUE") || code.startsWith("CLI.CONSTRAINT_PRIMARY_KEY")) {
                return ConstraintKind.UNIQUE;
            } else if (code.startsWith("CLI.CONSTRAINT_FOREIGN_KEY")) {
                return ConstraintKind.FOREIGN_KEY;
            } else if (code.startsWith("CLI.CONSTRAINT_NOT_NULL")) {
                return ConstraintKind.NOT_NULL;
            } else if (code.startsWith("CLI.CONSTRAINT_CHECK") || code.equals("SBSQL_DOMAIN_CHECK_VIOLATION")) {
                return ConstraintKind.CHECK;
            } else if (code.startsWith("CLI.CONSTRAINT_")) {
                return ConstraintKind.OTHER;
            }
        }
        String state = extractSqlState(e);
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" -> ConstraintKind.UNIQUE;
            case "23503" -> ConstraintKind.FOREIGN_KEY;
            case "23502" -> ConstraintKind.NOT_NULL;
            case "23514" -> ConstraintKind.CHECK;
            default -> state.startsWith("23") ? ConstraintKind.OTHER : null;
        };
    }
}
