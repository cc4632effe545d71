package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.jdbc.ParsedSql;

import java.sql.SQLException;

/**
 * The driver's scanner for {@code ?} and {@code :name} markers (quotes, comments, dollar quotes,
 * casts): any text parses or fails with {@link SQLException}; the rewritten text never has more
 * markers than parameters.
 */
class ParsedSqlFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(FuzzedDataProvider data) {
        String sql = data.consumeRemainingAsString();
        ParsedSql parsed;
        try {
            parsed = ParsedSql.parse(sql);
        } catch (SQLException expected) {
            return;
        }
        if (parsed.count() < 0 || parsed.sql() == null) {
            throw new AssertionError("bad parse of " + sql + ": " + parsed);
        }
    }
}
