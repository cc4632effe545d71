package io.scratchbird.embedded.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the statements a session carries out itself (SQL-DIALECT.md section 6): BEGIN / START
 * TRANSACTION, COMMIT / END, ROLLBACK [TO SAVEPOINT], SAVEPOINT, RELEASE, SET TRANSACTION, SET
 * SCHEMA / search_path, SET name = value, RESET and SHOW. Options SBsql has but this server does
 * not implement (COMMIT AND CHAIN, NO WAIT, two-phase commit) are refused with 0A000.
 */
final class SessionStatements {

    private final TokenList in;
    private int pos;

    private SessionStatements(TokenList in) {
        this.in = in;
    }

    /** The command for a session statement, or null when the statement is not one. */
    static SessionCommand parse(TokenList in) throws EngineException {
        SessionStatements p = new SessionStatements(in);
        SessionCommand command = p.command();
        if (command != null && !in.isEnd(p.pos)) {
            throw SqlErrors.syntaxAt(in.get(p.pos));
        }
        return command;
    }

    private SqlToken peek() {
        return in.get(pos);
    }

    private boolean accept(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String word) throws EngineException {
        if (!accept(word)) {
            throw peek().text().isEmpty() ? SqlErrors.syntax("syntax error at end of input", peek().start())
                    : SqlErrors.syntaxAt(peek());
        }
    }

    private SessionCommand command() throws EngineException {
        SqlToken first = peek();
        pos++;
        switch (first.upper()) {
            case "BEGIN":
                if (!accept("TRANSACTION")) {
                    accept("WORK");
                }
                return begin();
            case "START":
                expect("TRANSACTION");
                return begin();
            case "COMMIT", "END":
                if (peek().isWord("PREPARED")) {
                    throw SqlErrors.unsupported("COMMIT PREPARED (two-phase commit)");
                }
                endOptions();
                return new SessionCommand.Commit();
            case "ROLLBACK", "ABORT":
                return rollback();
            case "SAVEPOINT":
                return new SessionCommand.Savepoint(name());
            case "RELEASE":
                accept("SAVEPOINT");
                return new SessionCommand.ReleaseSavepoint(name());
            case "PREPARE":
                throw SqlErrors.unsupported("PREPARE TRANSACTION (two-phase commit)");
            case "SET":
                return set();
            case "RESET":
                return new SessionCommand.ResetParameter(parameterName());
            case "SHOW":
                return new SessionCommand.Show(parameterName());
            default:
                pos--;
                return null;
        }
    }

    private SessionCommand begin() throws EngineException {
        TransactionOptions options = transactionOptions();
        return new SessionCommand.Begin(options.isolation, options.readOnly);
    }

    /** Isolation and access mode, in any order, optionally comma-separated. */
    private record TransactionOptions(IsolationLevel isolation, Boolean readOnly) {
    }

    private TransactionOptions transactionOptions() throws EngineException {
        IsolationLevel isolation = null;
        Boolean readOnly = null;
        while (!in.isEnd(pos)) {
            if (accept("ISOLATION")) {
                expect("LEVEL");
                isolation = isolationLevel();
            } else if (accept("READ")) {
                if (accept("ONLY")) {
                    readOnly = true;
                } else {
                    expect("WRITE");
                    readOnly = false;
                }
            } else if (peek().is(",")) {
                pos++;
            } else if (peek().isWord("WAIT")) {
                pos++;
            } else if (peek().isWordIn("NO", "LOCK", "DEFERRABLE", "NOT")) {
                throw SqlErrors.unsupported("the transaction option " + peek().upper() + " " + in.get(pos + 1).upper());
            } else {
                throw SqlErrors.syntaxAt(peek());
            }
        }
        return new TransactionOptions(isolation, readOnly);
    }

    private IsolationLevel isolationLevel() throws EngineException {
        if (accept("SERIALIZABLE")) {
            return IsolationLevel.SERIALIZABLE;
        }
        if (accept("SNAPSHOT")) {
            if (accept("TABLE")) {
                expect("STABILITY");
                return IsolationLevel.SERIALIZABLE;
            }
            return IsolationLevel.SNAPSHOT;
        }
        if (accept("REPEATABLE")) {
            expect("READ");
            return IsolationLevel.REPEATABLE_READ;
        }
        expect("READ");
        if (accept("UNCOMMITTED")) {
            return IsolationLevel.READ_UNCOMMITTED;
        }
        if (accept("CONSISTENCY")) {
            return IsolationLevel.READ_COMMITTED;
        }
        expect("COMMITTED");
        if (accept("RECORD")) {
            expect("VERSION");
        } else if (accept("NO")) {
            expect("RECORD");
            expect("VERSION");
        } else if (accept("READ")) {
            expect("CONSISTENCY");
        }
        return IsolationLevel.READ_COMMITTED;
    }

    /** {@code [WORK|TRANSACTION] [AND NO CHAIN] [NO RELEASE]}; chaining and release are refused. */
    private void endOptions() throws EngineException {
        if (!accept("WORK")) {
            accept("TRANSACTION");
        }
        if (accept("AND")) {
            if (!accept("NO")) {
                throw SqlErrors.unsupported("AND CHAIN");
            }
            expect("CHAIN");
        }
        if (accept("NO")) {
            expect("RELEASE");
        } else if (peek().isWord("RELEASE")) {
            throw SqlErrors.unsupported("RELEASE after COMMIT/ROLLBACK (ending the attachment)");
        }
    }

    private SessionCommand rollback() throws EngineException {
        if (peek().isWord("PREPARED")) {
            throw SqlErrors.unsupported("ROLLBACK PREPARED (two-phase commit)");
        }
        if (!accept("WORK")) {
            accept("TRANSACTION");
        }
        if (accept("TO")) {
            accept("SAVEPOINT");
            return new SessionCommand.RollbackToSavepoint(name());
        }
        endOptions();
        return new SessionCommand.Rollback();
    }

    private String name() throws EngineException {
        SqlToken t = peek();
        if (!t.isIdentifier()) {
            throw t.text().isEmpty() ? SqlErrors.syntax("savepoint name expected at end of input", t.start())
                    : SqlErrors.syntaxAt(t);
        }
        pos++;
        return t.identifierName();
    }

    private SessionCommand set() throws EngineException {
        boolean scoped = accept("SESSION") || accept("LOCAL");
        if (accept("TRANSACTION") || scoped && accept("CHARACTERISTICS") && expectThen("AS", "TRANSACTION")) {
            TransactionOptions options = transactionOptions();
            return new SessionCommand.SetTransaction(options.isolation, options.readOnly);
        }
        if (accept("TERM")) {
            throw SqlErrors.unsupported("SET TERM (a client-side script directive)");
        }
        if (accept("SCHEMA")) {
            return new SessionCommand.SetSearchPath(List.of(schemaPath()));
        }
        if (peek().isWord("TIME") && in.get(pos + 1).isWord("ZONE")) {
            pos += 2;
            return new SessionCommand.SetParameter("timezone", value());
        }
        String name = parameterName();
        if (!accept("TO") && !peek().is("=")) {
            throw SqlErrors.syntaxAt(peek());
        }
        if (peek().is("=")) {
            pos++;
        }
        if (name.equals("search_path")) {
            List<String> path = new ArrayList<>();
            if (!accept("DEFAULT")) {
                do {
                    path.add(schemaPath());
                } while (peek().is(",") && pos++ >= 0);
            }
            return new SessionCommand.SetSearchPath(path);
        }
        return new SessionCommand.SetParameter(name, value());
    }

    private boolean expectThen(String a, String b) throws EngineException {
        expect(a);
        expect(b);
        return true;
    }

    /** A schema path as written: {@code "users"."public"}, {@code users.public} or {@code 'users.public'}. */
    private String schemaPath() throws EngineException {
        SqlToken t = peek();
        if (t.isPlainString()) {
            pos++;
            return t.stringValue();
        }
        StringBuilder path = new StringBuilder(name());
        while (peek().is(".")) {
            pos++;
            path.append('.').append(name());
        }
        return path.toString();
    }

    /** A parameter name, multi-word ones joined: {@code search path} → {@code search_path}. */
    private String parameterName() throws EngineException {
        SqlToken t = peek();
        if (!t.isIdentifier()) {
            throw t.text().isEmpty() ? SqlErrors.syntax("parameter name expected at end of input", t.start())
                    : SqlErrors.syntaxAt(t);
        }
        StringBuilder name = new StringBuilder(t.identifierName().toLowerCase(Locale.ROOT));
        pos++;
        while (peek().kind() == SqlToken.Kind.WORD && !peek().isWordIn("TO")) {
            name.append('_').append(peek().text().toLowerCase(Locale.ROOT));
            pos++;
        }
        return switch (name.toString()) {
            case "search_path", "schema" -> "search_path";
            case "transaction_isolation_level", "transaction_isolation" -> "transaction_isolation";
            case "time_zone", "timezone" -> "timezone";
            default -> name.toString();
        };
    }

    /** The rest of the statement as a value: literals unquoted, several values joined with ", ". */
    private String value() throws EngineException {
        List<String> parts = new ArrayList<>();
        while (!in.isEnd(pos)) {
            SqlToken t = peek();
            if (t.is(",")) {
                pos++;
                continue;
            }
            if (t.isPlainString()) {
                parts.add(t.stringValue());
            } else if (t.isIdentifier() || t.kind() == SqlToken.Kind.NUMBER) {
                parts.add(t.isIdentifier() ? t.identifierName() : t.text());
            } else if (t.is("-") && in.get(pos + 1).kind() == SqlToken.Kind.NUMBER) {
                parts.add("-" + in.get(++pos).text());
            } else {
                throw SqlErrors.syntaxAt(t);
            }
            pos++;
        }
        if (parts.isEmpty()) {
            throw SqlErrors.syntax("a value is needed", peek().start());
        }
        return String.join(", ", parts);
    }
}
