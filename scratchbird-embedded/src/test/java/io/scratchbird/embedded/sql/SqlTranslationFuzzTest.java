package io.scratchbird.embedded.sql;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Locale;
import java.util.Set;

/**
 * The SQL translation layer (SBsql to storage SQL): the tokenizer, the type parser and the whole
 * translator accept any text and either translate it or refuse it with an {@link EngineException}
 * carrying a SQLSTATE, never another exception, a hang or a stack overflow.
 */
class SqlTranslationFuzzTest {

    private static final SchemaDirectory SCHEMAS = new SchemaDirectory() {
        private final Set<String> names = Set.of("users", "users.public", "sys", "app");

        @Override
        public boolean exists(String schemaPath) {
            return names.contains(schemaPath.toLowerCase(Locale.ROOT));
        }

        @Override
        public long generation() {
            return 0;
        }
    };

    @FuzzTest(maxDuration = "10s")
    void translate(FuzzedDataProvider data) {
        String type = data.consumeString(40);
        String sql = data.consumeRemainingAsString();
        SqlTokenizer.tokenize(sql);
        try {
            SbTypeParser.parseWhole(type);
        } catch (EngineException e) {
            requireState(e);
        }
        try {
            TranslatedStatement t = new SqlTranslator(SCHEMAS).translate(sql);
            if (t.sql() == null && t.kind() != StatementKind.SESSION && t.kind() != StatementKind.EMPTY) {
                throw new AssertionError("null translation of " + sql + " (" + t.kind() + ")");
            }
        } catch (EngineException e) {
            requireState(e);
        }
    }

    private static void requireState(EngineException e) {
        if (e.sqlState() == null || e.sqlState().length() != 5) {
            throw new AssertionError("refusal without a SQLSTATE: " + e, e);
        }
    }
}
