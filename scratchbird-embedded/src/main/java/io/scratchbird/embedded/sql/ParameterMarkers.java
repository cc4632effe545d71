package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the three SBsql parameter styles into H2's positional {@code ?}: {@code ?} counts in order,
 * {@code $n} is client parameter n, and {@code :name} is the parameter numbered by the first
 * appearance of that name (the same name is the same parameter). One statement uses one style.
 *
 * @param tokens  the statement with every marker replaced by {@code ?}
 * @param sources for each H2 {@code ?} in order, the 0-based index of the client parameter it takes
 * @param count   how many parameters the client must bind
 */
record ParameterMarkers(List<SqlToken> tokens, int[] sources, int count) {

    static ParameterMarkers of(List<SqlToken> input) throws EngineException {
        List<SqlToken> out = new ArrayList<>(input.size());
        List<Integer> sources = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        char style = 0;
        int positional = 0;
        int highest = 0;
        for (SqlToken t : input) {
            if (t.kind() != Kind.PARAMETER) {
                out.add(t);
                continue;
            }
            char kind = t.text().charAt(0);
            if (style != 0 && style != kind) {
                throw SqlErrors.syntax("parameter markers ?, $n and :name cannot be mixed in one statement", t.start());
            }
            style = kind;
            int index;
            if (kind == '?') {
                index = positional++;
            } else if (kind == '$') {
                index = parseNumber(t) - 1;
            } else {
                index = names.computeIfAbsent(t.text().substring(1).toLowerCase(java.util.Locale.ROOT), n -> names.size());
            }
            highest = Math.max(highest, index + 1);
            sources.add(index);
            out.add(new SqlToken(Kind.PARAMETER, "?", t.start()));
        }
        return new ParameterMarkers(out, sources.stream().mapToInt(Integer::intValue).toArray(), highest);
    }

    private static int parseNumber(SqlToken t) throws EngineException {
        try {
            int n = Integer.parseInt(t.text().substring(1));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlErrors.syntax("invalid parameter marker " + t.text(), t.start());
    }
}
