package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.IndexDdl;
import io.scratchbird.embedded.sql.SqlErrors;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One DDL statement's part in the index catalog ({@link IndexCatalog}), holding the catalog lock
 * from {@link #begin} (before storage runs the statement) until {@link #close} (after the refresh
 * that follows it), so no refresh sees a table renamed by storage but not yet in the catalog.
 *
 * <p>CREATE/DROP/ALTER INDEX on an HNSW index are carried out here ({@link #done()}: storage does
 * not run the statement). Names resolve as storage resolves DDL names: a qualified name in its
 * schema, an unqualified one in the session's current schema, a session's temporary table first.
 * What storage must answer itself (a missing schema, table or column; an index on a session's
 * temporary table, which stays an ordinary index with its method recorded) is left to storage, so
 * the errors are storage's, as before. Index names are unique per schema across storage's indexes
 * and the catalog's (42P07).
 *
 * <p>Storage commits the session's open transaction before any DDL statement, also one that then
 * fails; {@link #begin} does the same, so a catalog statement commits like the storage statement it
 * replaces, and the session holds no storage lock while it waits for the catalog lock.
 */
final class IndexDdlRun implements AutoCloseable {

    private final VectorIndexes indexes;
    private final Connection session;
    private final Connection catalog;
    private final IndexDdl ddl;
    private boolean locked;
    private boolean done;
    /** For renames: the renamed schema, or the table whose name or column changes (null: nothing to follow). */
    private String renamedSchema;
    private IndexCatalog.TableRef renamedTable;

    private IndexDdlRun(VectorIndexes indexes, Connection session, IndexDdl ddl) {
        this.indexes = indexes;
        this.session = session;
        this.catalog = indexes.connection();
        this.ddl = ddl;
    }

    static IndexDdlRun begin(VectorIndexes indexes, Connection session, IndexDdl ddl) throws SQLException, EngineException {
        if (!session.getAutoCommit()) {
            session.commit();
        }
        IndexDdlRun run = new IndexDdlRun(indexes, session, ddl);
        indexes.lock();
        run.locked = true;
        try {
            run.done = run.before(session.getSchema());
        } catch (SQLException | EngineException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** Whether the statement was carried out in the catalog (storage must not run it, nor its follow-ups). */
    boolean done() {
        return done;
    }

    private boolean before(String currentSchema) throws SQLException, EngineException {
        if (ddl instanceof IndexDdl.CreateVectorIndex c) {
            return createVectorIndex(schema(c.schema(), currentSchema), c);
        }
        if (ddl instanceof IndexDdl.CreateIndex c) {
            return createIndex(schema(c.schema(), currentSchema), c);
        }
        if (ddl instanceof IndexDdl.DropIndex d) {
            return dropIndex(schema(d.schema(), currentSchema), d);
        }
        if (ddl instanceof IndexDdl.RenameIndex r) {
            return renameIndex(schema(r.schema(), currentSchema), r);
        }
        if (ddl instanceof IndexDdl.RenameTable r) {
            renamedTable = followedTable(schema(r.schema(), currentSchema), r.table());
        } else if (ddl instanceof IndexDdl.RenameColumn r) {
            renamedTable = followedTable(schema(r.schema(), currentSchema), r.table());
        } else if (ddl instanceof IndexDdl.RenameSchema r) {
            renamedSchema = IndexCatalog.schema(catalog, r.schema());
        }
        return false;
    }

    /** Storage's schema for a written path (null: the current schema), or null when it does not exist. */
    private String schema(String path, String currentSchema) throws SQLException {
        return path == null ? currentSchema : IndexCatalog.schema(catalog, path);
    }

    private boolean createVectorIndex(String schema, IndexDdl.CreateVectorIndex c) throws SQLException, EngineException {
        IndexCatalog.TableRef table = schema == null ? null : IndexCatalog.table(session, schema, c.table());
        if (table == null) {
            return false;
        }
        if (nameTaken(table.schema(), c.name())) {
            if (c.ifNotExists()) {
                return true;
            }
            throw alreadyExists(c.name());
        }
        String column = table.indexable() ? IndexCatalog.column(session, table, c.column()) : null;
        if (column == null) {
            return false;
        }
        String type = IndexCatalog.declaredType(session, table, column);
        if (!type.startsWith("vector")) {
            // an index that could never hold an entry would be silently useless (PostgreSQL's wording and code)
            throw new EngineException("42704", SqlErrors.REJECTED, "data type " + type
                    + " has no default operator class for access method \"" + c.method().toLowerCase(java.util.Locale.ROOT)
                    + "\": an HNSW index needs a vector(n) column");
        }
        IndexCatalog.Entry entry = new IndexCatalog.Entry(table.schema(), c.name(), table.name(), column, c.method());
        IndexCatalog.insert(catalog, entry);
        try {
            indexes.loadNew(entry);
        } catch (SQLException | RuntimeException e) {
            IndexCatalog.delete(catalog, entry.schema(), entry.name());
            throw e;
        }
        return true;
    }

    private boolean createIndex(String schema, IndexDdl.CreateIndex c) throws SQLException, EngineException {
        if (schema == null || IndexCatalog.find(catalog, schema, c.name()) == null
                || IndexCatalog.table(session, schema, c.table()) == null) {
            return false;
        }
        if (c.ifNotExists()) {
            return true;
        }
        throw alreadyExists(c.name());
    }

    private boolean dropIndex(String schema, IndexDdl.DropIndex d) throws SQLException {
        IndexCatalog.Entry entry = schema == null ? null : IndexCatalog.find(catalog, schema, d.name());
        if (entry == null) {
            return false;
        }
        IndexCatalog.delete(catalog, entry.schema(), entry.name());
        indexes.unload(entry);
        return true;
    }

    private boolean renameIndex(String schema, IndexDdl.RenameIndex r) throws SQLException, EngineException {
        if (schema == null) {
            return false;
        }
        IndexCatalog.Entry entry = IndexCatalog.find(catalog, schema, r.name());
        if (entry != null) {
            if (!r.newName().equalsIgnoreCase(entry.name()) && nameTaken(entry.schema(), r.newName())) {
                throw alreadyExists(r.newName());
            }
            IndexCatalog.renameIndex(catalog, entry.schema(), entry.name(), r.newName());
            return true; // the refresh after the statement loads it under its new name
        }
        if (IndexCatalog.find(catalog, schema, r.newName()) != null && IndexCatalog.storageIndexExists(session, schema, r.name())) {
            throw alreadyExists(r.newName());
        }
        return false;
    }

    /** The table a rename concerns, when the catalog may have indexes on it (not a session's temporary table). */
    private IndexCatalog.TableRef followedTable(String schema, String table) throws SQLException {
        IndexCatalog.TableRef ref = schema == null ? null : IndexCatalog.table(session, schema, table);
        return ref != null && ref.indexable() ? ref : null;
    }

    private boolean nameTaken(String schema, String name) throws SQLException {
        return IndexCatalog.storageIndexExists(session, schema, name) || IndexCatalog.find(catalog, schema, name) != null;
    }

    private static EngineException alreadyExists(String name) {
        return new EngineException("42P07", SqlErrors.REJECTED, "relation \"" + name + "\" already exists");
    }

    /** After storage ran the statement successfully: the catalog follows its renames. */
    void afterStorage() throws SQLException {
        if (done) {
            return;
        }
        if (ddl instanceof IndexDdl.RenameTable r && renamedTable != null) {
            IndexCatalog.renameTable(catalog, renamedTable.schema(), renamedTable.name(), r.newName());
        } else if (ddl instanceof IndexDdl.RenameColumn r && renamedTable != null) {
            IndexCatalog.renameColumn(catalog, renamedTable.schema(), renamedTable.name(), r.column(), r.newName());
        } else if (ddl instanceof IndexDdl.RenameSchema r && renamedSchema != null) {
            IndexCatalog.renameSchema(catalog, renamedSchema, r.newName());
        }
    }

    @Override
    public void close() {
        if (locked) {
            locked = false;
            indexes.unlock();
        }
    }
}
