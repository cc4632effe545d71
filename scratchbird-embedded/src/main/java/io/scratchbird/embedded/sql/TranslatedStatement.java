package io.scratchbird.embedded.sql;

import java.util.List;

/**
 * One SBsql statement translated for storage, immutable and shared through the translation cache.
 *
 * @param source           the SBsql text as received
 * @param tag              its first keyword, upper case (the command tag)
 * @param kind             how it is executed
 * @param sql              the storage text (null for session commands and empty statements)
 * @param sourceMap        maps positions in {@code sql} back to {@code source}
 * @param parameterSources for each storage {@code ?}, the 0-based client parameter it takes
 * @param parameterCount   how many parameters the client must bind
 * @param columns          result hints (null when the statement returns no rows or nothing is known)
 * @param target           the DML target's name parts as written (null otherwise)
 * @param domains          type domains that must exist before it runs
 * @param followUps        storage statements to run after it succeeds
 * @param changesSchemas   whether it creates, renames or drops schemas
 * @param noWait           a locking read with NOWAIT
 * @param command          the session command (kind SESSION)
 * @param vectorPlan       for a k-nearest-neighbour query an HNSW index may answer, its shape (else null)
 * @param indexDdl         for DDL, what it means for the engine's index catalog (else null)
 */
public record TranslatedStatement(String source, String tag, StatementKind kind, String sql, SourceMap sourceMap,
                                  int[] parameterSources, int parameterCount, List<ColumnHint> columns,
                                  List<String> target, List<StorageDomain> domains, List<String> followUps,
                                  boolean changesSchemas, boolean noWait, SessionCommand command,
                                  VectorSearchPlan vectorPlan, IndexDdl indexDdl) {

    /** Whether executing it can change data or the catalog (refused in a read-only transaction). */
    public boolean writes() {
        return kind == StatementKind.DML || kind == StatementKind.DDL;
    }

    /** Whether it returns rows: a query, or DML with RETURNING. */
    public boolean returnsRows() {
        return kind == StatementKind.QUERY || kind == StatementKind.DML && columns != null;
    }
}
