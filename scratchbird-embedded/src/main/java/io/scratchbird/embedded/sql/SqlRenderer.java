package io.scratchbird.embedded.sql;

import java.util.List;

/** Writes translated tokens as H2 text, recording where each token landed for the {@link SourceMap}. */
final class SqlRenderer {

    private SqlRenderer() {
    }

    /** The text and its source map. */
    record Rendered(String sql, SourceMap map) {
    }

    static Rendered render(List<SqlToken> tokens) {
        StringBuilder sb = new StringBuilder();
        int[] target = new int[tokens.size()];
        int[] source = new int[tokens.size()];
        SqlToken previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken t = tokens.get(i);
            if (previous != null && needsSpace(previous, t)) {
                sb.append(' ');
            }
            target[i] = sb.length();
            source[i] = t.start();
            sb.append(t.text());
            previous = t;
        }
        return new Rendered(sb.toString(), new SourceMap(target, source));
    }

    /** No blank around {@code .}, after {@code (}/{@code [}, or before {@code )}/{@code ]}/{@code ,}. */
    private static boolean needsSpace(SqlToken previous, SqlToken next) {
        return !(previous.is(".") || next.is(".") || previous.is("(") || previous.is("[") || next.is(")")
                || next.is("]") || next.is(","));
    }
}
