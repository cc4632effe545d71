package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Structural translation of INSERT, UPDATE, DELETE, MERGE and UPSERT (SQL-DIALECT.md section 4):
 * <ul>
 *   <li>{@code … RETURNING items} becomes {@code SELECT items FROM FINAL TABLE (…) AS t} (OLD TABLE
 *   for DELETE), keeping the target's alias so {@code RETURNING t.id} resolves;</li>
 *   <li>{@code INSERT … ON CONFLICT (col) DO NOTHING | DO UPDATE SET …} becomes a MERGE whose source
 *   is the inserted rows named {@code excluded}; only the single-column form SBsql admits is
 *   accepted;</li>
 *   <li>{@code UPSERT INTO t (cols) VALUES …} becomes a MERGE on the primary key;</li>
 *   <li>MERGE clauses {@code THEN DO NOTHING} are dropped (doing nothing is storage's default).</li>
 * </ul>
 */
final class DmlTranslator {

    /** Words after a target table name that are not its alias. */
    private static final Set<String> NOT_ALIAS = Set.of(
            "SET", "WHERE", "USING", "VALUES", "SELECT", "DEFAULT", "RETURNING", "ON", "WITH", "OVERRIDING", "KEY");

    /**
     * @param tokens  the statement, structurally translated (expressions still SBsql)
     * @param target  the target table's name parts as written
     * @param columns result hints when the statement returns rows (RETURNING), else null
     */
    record Result(List<SqlToken> tokens, List<String> target, List<ColumnHint> columns) {
    }

    private final TokenList in;
    private final String verb;

    private DmlTranslator(TokenList in) {
        this.in = in;
        this.verb = in.get(0).upper();
    }

    static Result translate(TokenList in) throws EngineException {
        return new DmlTranslator(in).run();
    }

    /** Where the target name starts: after INSERT INTO, UPDATE, DELETE FROM, MERGE INTO, UPSERT INTO. */
    private int targetStart() throws EngineException {
        return switch (verb) {
            case "UPDATE" -> 1;
            default -> {
                SqlToken second = in.get(1);
                if (!second.isWordIn("INTO", "FROM")) {
                    throw SqlErrors.syntaxAt(second);
                }
                yield 2;
            }
        };
    }

    private Result run() throws EngineException {
        int nameStart = targetStart();
        if (!in.get(nameStart).isIdentifier()) {
            throw SqlErrors.syntaxAt(in.get(nameStart));
        }
        int nameEnd = nameStart + 1;
        List<String> target = new ArrayList<>(List.of(in.get(nameStart).identifierName()));
        while (in.get(nameEnd).is(".") && in.get(nameEnd + 1).isIdentifier()) {
            target.add(in.get(nameEnd + 1).identifierName());
            nameEnd += 2;
        }
        int afterAlias = nameEnd;
        String alias = null;
        if (in.get(nameEnd).isWord("AS") && in.get(nameEnd + 1).isIdentifier()) {
            alias = in.get(nameEnd + 1).identifierName();
            afterAlias = nameEnd + 2;
        } else if (in.get(nameEnd).isIdentifier() && !in.get(nameEnd).isWordIn(NOT_ALIAS.toArray(String[]::new))) {
            alias = in.get(nameEnd).identifierName();
            afterAlias = nameEnd + 1;
        }
        int returning = in.findTopLevelWord(0, in.size(), "RETURNING");
        int bodyEnd = returning < 0 ? in.size() : returning;
        int conflict = in.findTopLevel(0, bodyEnd, t -> t.isWord("ON"));
        while (conflict >= 0 && !in.get(conflict + 1).isWord("CONFLICT")) {
            conflict = in.findTopLevel(conflict + 1, bodyEnd, t -> t.isWord("ON"));
        }
        String correlation = alias != null ? alias : target.get(target.size() - 1);
        List<SqlToken> body;
        if (conflict >= 0 && (verb.equals("INSERT") || verb.equals("UPSERT"))) {
            body = onConflict(nameStart, nameEnd, afterAlias, conflict, bodyEnd, correlation);
        } else if (verb.equals("UPSERT")) {
            body = in.slice(0, bodyEnd);
            body.set(0, SqlToken.raw("MERGE", in.get(0).start()));
        } else if (verb.equals("MERGE")) {
            body = withoutDoNothing(bodyEnd);
        } else {
            body = in.slice(0, bodyEnd);
        }
        if (returning < 0) {
            return new Result(body, target, null);
        }
        return returning(body, returning, correlation, target);
    }

    /** {@code SELECT items FROM FINAL TABLE (body) AS correlation}, items analysed like a SELECT list. */
    private Result returning(List<SqlToken> body, int returning, String correlation, List<String> target)
            throws EngineException {
        int at = in.get(returning).start();
        List<SqlToken> items = in.slice(returning + 1, in.size());
        if (items.isEmpty()) {
            throw SqlErrors.syntax("RETURNING needs a list of expressions", at);
        }
        List<SqlToken> head = new ArrayList<>();
        head.add(SqlToken.raw("SELECT", at));
        head.addAll(items);
        TokenList projection = in.with(head);
        SelectList.Analysis analysis = SelectList.analyze(projection, 1, projection.size());
        List<SqlToken> out = new ArrayList<>(analysis.tokens());
        out.add(SqlToken.raw("FROM " + (verb.equals("DELETE") ? "OLD" : "FINAL") + " TABLE", at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(body);
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        out.add(SqlToken.raw("AS " + SystemSchemas.quote(correlation), at));
        return new Result(out, target, analysis.hints());
    }

    /**
     * {@code INSERT INTO t [AS a] (cols) source ON CONFLICT (k) DO …} as
     * {@code MERGE INTO t AS a USING (source) AS excluded(cols) ON a.k = excluded.k WHEN …}.
     */
    private List<SqlToken> onConflict(int nameStart, int nameEnd, int afterAlias, int conflict, int bodyEnd,
                                      String correlation) throws EngineException {
        int at = in.get(conflict).start();
        if (!in.get(afterAlias).is("(") || in.get(afterAlias + 1).isWordIn("SELECT", "WITH", "VALUES")) {
            throw SqlErrors.unsupported("INSERT … ON CONFLICT without a column list");
        }
        int columnsClose = in.matching(afterAlias);
        List<SqlToken> columns = in.slice(afterAlias + 1, columnsClose);
        int sourceStart = columnsClose + 1;
        if (in.get(sourceStart).isWord("DEFAULT")) {
            throw SqlErrors.unsupported("INSERT … DEFAULT VALUES … ON CONFLICT");
        }
        int k = conflict + 2;
        if (in.get(k).isWord("ON") && in.get(k + 1).isWord("CONSTRAINT")) {
            throw SqlErrors.unsupported("ON CONFLICT ON CONSTRAINT");
        }
        if (!in.get(k).is("(")) {
            throw SqlErrors.syntax("ON CONFLICT needs a conflict target column in parentheses", in.get(k).start());
        }
        int targetClose = in.matching(k);
        if (targetClose != k + 2 || !in.get(k + 1).isIdentifier()) {
            throw SqlErrors.unsupported("ON CONFLICT with a conflict target other than one column");
        }
        SqlToken key = in.get(k + 1);
        int action = targetClose + 1;
        boolean update;
        int setStart = -1;
        if (in.get(action).isWord("DO") && in.get(action + 1).isWord("NOTHING") && action + 2 == bodyEnd) {
            update = false;
        } else if (in.get(action).isWord("DO") && in.get(action + 1).isWord("UPDATE") && in.get(action + 2).isWord("SET")) {
            update = true;
            setStart = action + 3;
            if (in.findTopLevelWord(setStart, bodyEnd, "WHERE") >= 0) {
                throw SqlErrors.unsupported("ON CONFLICT … DO UPDATE … WHERE");
            }
        } else {
            throw SqlErrors.syntaxAt(in.get(action));
        }
        String a = SystemSchemas.quote(correlation);
        List<SqlToken> out = new ArrayList<>();
        out.add(SqlToken.raw("MERGE INTO", in.get(0).start()));
        out.addAll(in.slice(nameStart, nameEnd));
        out.add(SqlToken.raw("AS " + a + " USING", at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(in.slice(sourceStart, conflict));
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        out.add(SqlToken.raw("AS excluded", at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(columns);
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        out.add(SqlToken.raw("ON " + a + "." + key.text() + " = excluded." + key.text(), key.start()));
        if (update) {
            out.add(SqlToken.raw("WHEN MATCHED THEN UPDATE SET", in.get(action).start()));
            out.addAll(in.slice(setStart, bodyEnd));
        }
        out.add(SqlToken.raw("WHEN NOT MATCHED THEN INSERT", at));
        out.add(new SqlToken(Kind.PUNCTUATION, "(", at));
        out.addAll(columns);
        out.add(new SqlToken(Kind.PUNCTUATION, ")", at));
        StringBuilder values = new StringBuilder("VALUES (");
        boolean first = true;
        for (SqlToken c : columns) {
            if (c.isIdentifier()) {
                values.append(first ? "" : ", ").append("excluded.").append(c.text());
                first = false;
            }
        }
        out.add(SqlToken.raw(values.append(')').toString(), at));
        return out;
    }

    /** The MERGE without its {@code WHEN … THEN DO NOTHING} clauses. */
    private List<SqlToken> withoutDoNothing(int bodyEnd) {
        List<Integer> starts = clauseStarts(bodyEnd);
        List<SqlToken> out = new ArrayList<>(in.slice(0, starts.isEmpty() ? bodyEnd : starts.get(0)));
        for (int c = 0; c < starts.size(); c++) {
            int clauseStart = starts.get(c);
            int clauseEnd = c + 1 < starts.size() ? starts.get(c + 1) : bodyEnd;
            boolean doNothing = in.get(clauseEnd - 2).isWord("DO") && in.get(clauseEnd - 1).isWord("NOTHING");
            if (!doNothing) {
                out.addAll(in.slice(clauseStart, clauseEnd));
            }
        }
        return out;
    }

    /** Indexes of the MERGE clauses' WHEN words: top level, and not inside a CASE expression. */
    private List<Integer> clauseStarts(int bodyEnd) {
        List<Integer> starts = new ArrayList<>();
        int depth = 0;
        int cases = 0;
        for (int i = 0; i < bodyEnd; i++) {
            SqlToken t = in.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("CASE")) {
                cases++;
            } else if (depth == 0 && t.isWord("END") && cases > 0) {
                cases--;
            } else if (depth == 0 && cases == 0 && t.isWord("WHEN")) {
                starts.add(i);
            }
        }
        return starts;
    }
}
