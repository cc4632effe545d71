package io.scratchbird.embedded.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates one SBsql statement for storage: classifies it, applies the structural rewrite of its
 * kind (DDL, DML, query checks and result hints, or a session command), then the expression-level
 * rewrite, and renders H2 text with a map back to the source. Thread-safe; translations are cached
 * by text.
 */
public final class SqlTranslator {

    private static final int CACHE_CAPACITY = 2048;
    private static final Set<String> SESSION_WORDS = Set.of(
            "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE", "SET", "RESET",
            "SHOW");
    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "CALL");
    private static final Set<String> DML_WORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT");
    private static final Set<String> DDL_WORDS = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "RENAME");
    private static final Set<String> UNSUPPORTED_WORDS = Set.of(
            "LISTEN", "UNLISTEN", "NOTIFY", "LOCK", "GRANT", "REVOKE", "SEARCH", "VECTOR", "FULLTEXT", "REINDEX",
            "DECLARE", "FETCH", "CLOSE", "COPY", "VACUUM", "ANALYZE", "EXECUTE", "DEALLOCATE", "DO");

    private final SchemaDirectory schemas;
    private final TranslationCache cache = new TranslationCache(CACHE_CAPACITY);

    public SqlTranslator(SchemaDirectory schemas) {
        this.schemas = schemas;
    }

    /** The translation of {@code sql}, from the cache when the same text was translated before. */
    public TranslatedStatement translate(String sql) throws EngineException {
        long generation = schemas.generation();
        TranslatedStatement cached = cache.get(sql, generation);
        if (cached != null) {
            return cached;
        }
        TranslatedStatement translated = translateUncached(sql);
        cache.put(sql, generation, translated);
        return translated;
    }

    /** How many translations are cached (for tests of the cache bound). */
    int cachedTranslations() {
        return cache.size();
    }

    private TranslatedStatement translateUncached(String sql) throws EngineException {
        TokenList raw = TokenList.of(sql);
        String tag = SqlScripts.firstWord(sql);
        if (raw.size() == 0) {
            return new TranslatedStatement(sql, "", StatementKind.EMPTY, null, null, new int[0], 0, null, null,
                    List.of(), List.of(), false, false, null, null, null);
        }
        ParameterMarkers parameters = ParameterMarkers.of(raw.all());
        TokenList in = raw.with(parameters.tokens());
        SqlToken first = in.get(0);
        String word = first.upper();
        if (SESSION_WORDS.contains(word)) {
            SessionCommand command = SessionStatements.parse(in);
            return new TranslatedStatement(sql, tag, StatementKind.SESSION, null, null, new int[0], 0, null, null,
                    List.of(), List.of(), false, false, command, null, null);
        }
        if (UNSUPPORTED_WORDS.contains(word)) {
            throw SqlErrors.unsupported("the " + word + " statement");
        }
        List<StorageDomain> domains = new ArrayList<>();
        StatementKind kind;
        List<SqlToken> structured;
        List<ColumnHint> columns = null;
        List<String> target = null;
        List<String> followUps = List.of();
        boolean changesSchemas = false;
        IndexDdl indexDdl = null;
        if (QUERY_WORDS.contains(word) || first.is("(")) {
            kind = StatementKind.QUERY;
            QueryShape shape = QueryShape.of(in);
            structured = shape.tokens();
            columns = shape.columns();
        } else if (DML_WORDS.contains(word)) {
            kind = StatementKind.DML;
            DmlTranslator.Result dml = DmlTranslator.translate(in);
            structured = dml.tokens();
            columns = dml.columns();
            target = dml.target();
        } else if (DDL_WORDS.contains(word)) {
            kind = StatementKind.DDL;
            DdlTranslator.Result ddl = DdlTranslator.translate(in, domains);
            structured = ddl.tokens();
            followUps = ddl.followUps();
            changesSchemas = ddl.changesSchemas();
            indexDdl = ddl.indexDdl();
        } else {
            throw SqlErrors.syntaxAt(first);
        }
        QueryChecks.Checked checked = QueryChecks.check(in.with(structured));
        List<SqlToken> rewritten = ExpressionRewriter.rewrite(in.with(checked.tokens()), schemas, domains);
        SqlRenderer.Rendered rendered = SqlRenderer.render(rewritten);
        return new TranslatedStatement(sql, tag, kind, rendered.sql(), rendered.map(), parameters.sources(),
                parameters.count(), columns, target, List.copyOf(domains), followUps, changesSchemas,
                checked.noWait(), null, kind == StatementKind.QUERY ? VectorSearchPlan.of(rendered.sql()) : null, indexDdl);
    }
}
