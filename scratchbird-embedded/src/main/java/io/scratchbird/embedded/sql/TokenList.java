package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The significant tokens of one statement with the navigation the translator needs: bounds-safe
 * access (past the end is an empty token at the end of the text), bracket matching and top-level
 * search that skips anything nested in parentheses or brackets.
 */
final class TokenList {

    private final List<SqlToken> tokens;
    private final SqlToken end;

    TokenList(List<SqlToken> tokens, int textLength) {
        this.tokens = tokens;
        this.end = new SqlToken(Kind.PUNCTUATION, "", textLength);
    }

    static TokenList of(String sql) {
        return new TokenList(SqlTokenizer.significant(sql), sql.length());
    }

    /** A list of other tokens with the same end position. */
    TokenList with(List<SqlToken> other) {
        return new TokenList(other, end.start());
    }

    int size() {
        return tokens.size();
    }

    SqlToken get(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : end;
    }

    boolean isEnd(int i) {
        return i >= tokens.size();
    }

    List<SqlToken> slice(int from, int to) {
        return new ArrayList<>(tokens.subList(Math.max(0, from), Math.min(to, tokens.size())));
    }

    List<SqlToken> all() {
        return tokens;
    }

    /** Index of the bracket closing the one at {@code open}; {@code size()} when it is never closed. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return tokens.size();
    }

    /** Index of the bracket opening the one closed at {@code close}, or -1. */
    int matchingBackwards(int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            SqlToken t = tokens.get(i);
            if (t.is(")") || t.is("]")) {
                depth++;
            } else if (t.is("(") || t.is("[")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** First index in [from, to) at nesting depth 0 whose token matches, or -1. */
    int findTopLevel(int from, int to, Predicate<SqlToken> match) {
        int depth = 0;
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            SqlToken t = tokens.get(i);
            if (depth == 0 && match.test(t)) {
                return i;
            }
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            }
        }
        return -1;
    }

    int findTopLevelWord(int from, int to, String... words) {
        return findTopLevel(from, to, t -> t.isWordIn(words));
    }

    /** The [start, end) ranges of the comma-separated items in [from, to), split at depth 0. */
    List<int[]> splitTopLevel(int from, int to) {
        List<int[]> items = new ArrayList<>();
        int start = from;
        while (true) {
            int comma = findTopLevel(start, to, t -> t.is(","));
            if (comma < 0) {
                if (start < to) {
                    items.add(new int[] {start, to});
                }
                return items;
            }
            items.add(new int[] {start, comma});
            start = comma + 1;
        }
    }

    /** Whether the tokens from {@code i} are the given words, in order. */
    boolean wordsAt(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!get(i + k).isWord(words[k])) {
                return false;
            }
        }
        return true;
    }
}
