package io.scratchbird.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL text with its parameter markers rewritten to {@code $1..$n}: JDBC {@code ?} markers are
 * numbered in order, {@code :name} markers share one number per name (an extension: the same
 * name binds the same value). Quotes ({@code '…'}, {@code "…"}, dollar quotes), comments
 * ({@code --}, nested {@code /* *}{@code /}) and {@code ::} casts are left alone.
 *
 * @param sql        the text to send, with {@code $n} markers
 * @param count      how many distinct parameters it binds
 * @param names      for named markers: name → 1-based parameter number (empty for {@code ?})
 */
public record ParsedSql(String sql, int count, Map<String, Integer> names) {

    /** Parses {@code text}; mixing {@code ?} and {@code :name} in one statement is refused. */
    public static ParsedSql parse(String text) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder(text.length() + 8);
        Map<String, Integer> names = new LinkedHashMap<>();
        int positional = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = skipQuoted(text, i, c);
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                end = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                end = skipBlockComment(text, i);
            } else if (c == '$' && (end = dollarQuoteEnd(text, i)) > 0) {
                // end set by the condition
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                end = i + 2;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                Integer number = names.get(name);
                if (number == null) {
                    number = names.size() + 1;
                    names.put(name, number);
                }
                out.append('$').append(number);
                i = end;
                continue;
            } else if (c == '?') {
                positional++;
                out.append('$').append(positional);
                i++;
                continue;
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(text, i, end);
            i = end;
        }
        if (positional > 0 && !names.isEmpty()) {
            throw new java.sql.SQLSyntaxErrorException(
                    "a statement may use ? markers or :name markers, not both (found " + positional + " ? and " + names.size() + " names)",
                    "42601");
        }
        // in order of first appearance, so that messages list the names as the SQL does
        return new ParsedSql(out.toString(), Math.max(positional, names.size()), Collections.unmodifiableMap(names));
    }

    public boolean named() {
        return !names.isEmpty();
    }

    public List<String> parameterNames() {
        return new ArrayList<>(names.keySet());
    }

    private static int skipQuoted(String s, int start, char q) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int skipBlockComment(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** End of a {@code $tag$ … $tag$} quote starting at {@code start}, or -1 if this is not one. */
    private static int dollarQuoteEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            if (i == start + 1 && Character.isDigit(s.charAt(i))) {
                return -1; // $1 is a parameter, not a quote
            }
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '$') {
            return -1;
        }
        String tag = s.substring(start, i + 1);
        int close = s.indexOf(tag, i + 1);
        return close < 0 ? s.length() : close + tag.length();
    }
}
