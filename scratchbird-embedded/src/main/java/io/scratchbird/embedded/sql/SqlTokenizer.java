package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SBsql text into tokens. It never fails: a string, quoted identifier, dollar string or
 * block comment that does not end becomes one {@link Kind#UNTERMINATED} token, so a script can still
 * be split and the statement that holds it reports the error with its position.
 *
 * <p>Rules (SQL-DIALECT.md section 1): {@code '…'} with {@code ''} inside, {@code X'…'}/{@code N'…'}
 * prefixes, {@code "…"} with {@code ""} inside, {@code --} and nestable {@code /* *}{@code /}
 * comments, {@code $$…$$} and {@code $tag$…$tag$}, parameters {@code ?}, {@code $n},
 * {@code :name}, the multi-character operators the native lexer knows (longest match), and
 * numbers including any letters glued to them (so {@code 123U8} stays one token and can be refused
 * instead of being read as {@code 123} with an alias).
 */
public final class SqlTokenizer {

    /** Longest first, so the first match is the longest one. */
    private static final String[] OPERATORS = {
        "<<=", ">>=", "#>>", "->>", "<->", "<=>", "<#>", "<+>", "<~>", "<%>",
        "::", ":=", "=>", "<=", ">=", "<>", "!=", "||", "&&", "->", "@>", "<@", "?|", "?&", "#>", "<<", ">>",
        "**", "!!", "..", "+=", "-=", "*=", "/=", "%=",
    };
    private static final String PUNCTUATION = "(),;.[]";

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    /** All tokens, whitespace and comments included, covering the whole text. */
    public static List<SqlToken> tokenize(String sql) {
        SqlTokenizer t = new SqlTokenizer(sql);
        t.run();
        return t.tokens;
    }

    /** The tokens without whitespace and comments. */
    public static List<SqlToken> significant(String sql) {
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken t : tokenize(sql)) {
            if (!t.isTrivia()) {
                out.add(t);
            }
        }
        return out;
    }

    private void run() {
        while (pos < sql.length()) {
            int start = pos;
            Kind kind = next();
            tokens.add(new SqlToken(kind, sql.substring(start, pos), start));
        }
    }

    private Kind next() {
        char c = sql.charAt(pos);
        char n = peek(1);
        if (Character.isWhitespace(c)) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                pos++;
            }
            return Kind.WHITESPACE;
        }
        if (c == '-' && n == '-') {
            int eol = sql.indexOf('\n', pos);
            pos = eol < 0 ? sql.length() : eol;
            return Kind.COMMENT;
        }
        if (c == '/' && n == '*') {
            return blockComment();
        }
        if (c == '\'') {
            return quoted('\'', Kind.STRING);
        }
        if ((c == 'X' || c == 'x' || c == 'N' || c == 'n') && n == '\'') {
            pos++;
            return quoted('\'', Kind.STRING);
        }
        if (c == '"') {
            return quoted('"', Kind.QUOTED_IDENTIFIER);
        }
        if (c == '$') {
            return dollar();
        }
        if (c == '?' && n != '|' && n != '&') {
            pos++;
            return Kind.PARAMETER;
        }
        if (c == ':' && n != ':' && n != '=' && isIdentifierStart(n) && peek(-1) != ':') {
            pos++;
            while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
            return Kind.PARAMETER;
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(n) && !followsName())) {
            return number();
        }
        if (isIdentifierStart(c)) {
            while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
            return Kind.WORD;
        }
        if (PUNCTUATION.indexOf(c) >= 0) {
            if (c == '.' && n == '.') {
                pos += 2;
                return Kind.OPERATOR;
            }
            pos++;
            return Kind.PUNCTUATION;
        }
        for (String op : OPERATORS) {
            if (sql.startsWith(op, pos)) {
                pos += op.length();
                return Kind.OPERATOR;
            }
        }
        // A single operator character, or a stray one that H2 then rejects with its position.
        pos++;
        return Kind.OPERATOR;
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i >= 0 && i < sql.length() ? sql.charAt(i) : '\0';
    }

    /** Whether a {@code .} here continues a name ({@code t.5} is not a number). */
    private boolean followsName() {
        char p = peek(-1);
        return isIdentifierPart(p) || p == '"' || p == ')';
    }

    private Kind blockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return Kind.COMMENT;
                }
            } else {
                pos++;
            }
        }
        return Kind.UNTERMINATED;
    }

    /** A quoted token whose quote is doubled inside; {@code pos} is at the opening quote. */
    private Kind quoted(char quote, Kind kind) {
        pos++;
        while (pos < sql.length()) {
            if (sql.charAt(pos) == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return kind;
            }
            pos++;
        }
        return Kind.UNTERMINATED;
    }

    private Kind dollar() {
        int i = pos + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                i++;
            }
            pos = i;
            return Kind.PARAMETER;
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String tag = sql.substring(pos, i + 1);
            int close = sql.indexOf(tag, i + 1);
            if (close < 0) {
                pos = sql.length();
                return Kind.UNTERMINATED;
            }
            pos = close + tag.length();
            return Kind.DOLLAR_STRING;
        }
        pos++;
        return Kind.OPERATOR;
    }

    private Kind number() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                pos++;
            } else if ((c == 'e' || c == 'E') && (Character.isDigit(peek(1))
                    || (peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2)))) {
                pos += 2;
            } else if (isIdentifierPart(c)) {
                // Glued letters (123U8, 1I64) belong to the literal.
                pos++;
            } else {
                break;
            }
        }
        return Kind.NUMBER;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
