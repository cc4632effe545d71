package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Script-level helpers for the protocol layer: splitting multi-statement text and naming a
 * statement's command tag. Both respect strings, quoted identifiers, comments and dollar quotes.
 */
public final class SqlScripts {

    private SqlScripts() {
    }

    /**
     * The statements of a script, each without its terminating {@code ;} and without surrounding
     * whitespace; statements holding nothing but whitespace and comments are left out. Text after an
     * unterminated string or comment stays in the last statement, whose execution then reports it.
     */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        boolean significant = false;
        for (SqlToken t : SqlTokenizer.tokenize(script)) {
            if (t.kind() == Kind.PUNCTUATION && t.text().equals(";")) {
                addIfSignificant(statements, script.substring(start, t.start()), significant);
                start = t.end();
                significant = false;
            } else if (!t.isTrivia()) {
                significant = true;
            }
        }
        addIfSignificant(statements, script.substring(start), significant);
        return statements;
    }

    private static void addIfSignificant(List<String> statements, String text, boolean significant) {
        if (significant) {
            statements.add(text.strip());
        }
    }

    /**
     * The statement's first keyword in upper case ({@code SELECT}, {@code INSERT}, {@code CREATE}…),
     * skipping leading comments and opening parentheses; empty when there is none.
     */
    public static String firstWord(String sql) {
        for (SqlToken t : SqlTokenizer.tokenize(sql)) {
            if (t.isTrivia() || t.is("(")) {
                continue;
            }
            return t.kind() == Kind.WORD ? t.text().toUpperCase(Locale.ROOT) : "";
        }
        return "";
    }
}
