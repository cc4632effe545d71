package io.scratchbird.embedded.session;

/**
 * Walks SQL text the way the upstream server's substitution does (spec 8.7): skipping
 * {@code '…'} and {@code "…"} literals (doubled-quote escapes), {@code --} line comments and
 * {@code /* *}{@code /} comments, and reporting each {@code ?} and {@code $n} marker.
 */
final class PlaceholderScanner {

    /** Receives the text between markers and each marker. */
    interface Visitor {
        void text(String sql, int from, int to);

        /** {@code position} is 0 for {@code ?}, else n of {@code $n}; {@code from}/{@code to} span the marker. */
        void marker(String sql, int from, int to, long position);
    }

    private PlaceholderScanner() {
    }

    static void scan(String sql, Visitor v) {
        int i = 0;
        int n = sql.length();
        int textStart = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '?') {
                v.text(sql, textStart, i);
                v.marker(sql, i, i + 1, 0);
                i++;
                textStart = i;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                long k = end - i - 1 > 9 ? Long.MAX_VALUE : Long.parseLong(sql.substring(i + 1, end));
                v.text(sql, textStart, i);
                v.marker(sql, i, end, k);
                i = end;
                textStart = i;
            } else {
                i++;
            }
        }
        v.text(sql, textStart, n);
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        int n = sql.length();
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /**
     * Spec 8.1: the larger of the number of {@code ?} markers and the highest {@code $n}, not
     * capped (a {@code $n} with more than nine digits counts as {@link Long#MAX_VALUE}); callers
     * compare it with the session's parameter limit.
     */
    static long parameterCount(String sql) {
        long[] counts = new long[2];
        scan(sql, new Visitor() {
            @Override
            public void text(String s, int from, int to) {
            }

            @Override
            public void marker(String s, int from, int to, long position) {
                if (position == 0) {
                    counts[0]++;
                } else {
                    counts[1] = Math.max(counts[1], position);
                }
            }
        });
        return Math.max(counts[0], counts[1]);
    }
}
