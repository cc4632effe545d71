package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SystemSchemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The engine's catalog of HNSW indexes (docs/embedded-sql.md, "Vector indexes"): table
 * {@code sys.meta.vector_indexes}, one row per index (schema, name, table, column, method as
 * written). These indexes have no storage index: the catalog views list them beside storage's
 * indexes, {@link VectorIndexes} loads them, and DDL keeps the rows in line ({@link IndexDdlRun}
 * for CREATE/DROP/ALTER INDEX and renames, {@link #reconcile} after every DDL statement for
 * dropped tables, columns and schemas). Names are compared ignoring case, as storage compares
 * identifiers; schema, table and column are kept in storage's spelling.
 */
final class IndexCatalog {

    private static final Logger LOG = Logger.getLogger(IndexCatalog.class.getName());

    static final String TABLE = SystemSchemas.qualified(SystemSchemas.META, "vector_indexes");

    /** Storage's kinds of table an HNSW index may be on (a session's temporary tables are not shared). */
    static final String INDEXABLE_TYPES = "('BASE TABLE', 'GLOBAL TEMPORARY')";

    /** One catalog index. */
    record Entry(String schema, String name, String table, String column, String method) {
    }

    /** A table as a session's connection resolves it. */
    record TableRef(String schema, String name, String type) {

        boolean indexable() {
            return type.equals("BASE TABLE") || type.equals("GLOBAL TEMPORARY");
        }
    }

    private IndexCatalog() {
    }

    /** Creates the catalog table, and turns the storage indexes that older versions built for HNSW into entries. */
    static void install(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (schema_name VARCHAR NOT NULL, index_name VARCHAR NOT NULL,"
                    + " table_name VARCHAR NOT NULL, column_name VARCHAR NOT NULL, method VARCHAR NOT NULL,"
                    + " PRIMARY KEY (schema_name, index_name))");
        }
        migrate(c);
    }

    /**
     * Before this catalog, {@code USING HNSW} built a storage index on the vector column and recorded
     * the method in {@code sys.meta.index_methods}. Such an index (non-unique, one column, on a table of
     * the database) becomes a catalog entry and its storage index is dropped; unique and multi-column
     * ones stay ordinary indexes, as they are still built today.
     */
    private static void migrate(Connection c) throws SQLException {
        List<Entry> old = new ArrayList<>();
        String methods = SystemSchemas.qualified(SystemSchemas.META, "index_methods");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.INDEX_SCHEMA, i.INDEX_NAME,"
                + " i.TABLE_NAME, MIN(ic.COLUMN_NAME), MIN(m.method) FROM INFORMATION_SCHEMA.INDEXES i JOIN " + methods
                + " m ON m.schema_name = i.INDEX_SCHEMA AND UPPER(m.index_name) = UPPER(i.INDEX_NAME)"
                + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND"
                + " ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME JOIN INFORMATION_SCHEMA.TABLES t ON"
                + " t.TABLE_SCHEMA = i.TABLE_SCHEMA AND t.TABLE_NAME = i.TABLE_NAME WHERE m.method IN ('hnsw', 'vector_hnsw')"
                + " AND i.INDEX_TYPE_NAME = 'INDEX' AND t.TABLE_TYPE IN " + INDEXABLE_TYPES
                + " GROUP BY i.INDEX_SCHEMA, i.INDEX_NAME, i.TABLE_NAME HAVING COUNT(*) = 1")) {
            while (rs.next()) {
                old.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        for (Entry e : old) {
            if (find(c, e.schema(), e.name()) == null) {
                insert(c, e);
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX " + SystemSchemas.qualified(e.schema(), e.name()));
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + methods
                    + " WHERE schema_name = ? AND UPPER(index_name) = UPPER(?)")) {
                ps.setString(1, e.schema());
                ps.setString(2, e.name());
                ps.executeUpdate();
            }
            LOG.info(() -> "HNSW index " + e.schema() + "." + e.name() + ": its storage index is replaced by a catalog entry");
        }
    }

    static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + TABLE + " LIMIT 1")) {
            return !rs.next();
        }
    }

    /** The entry named {@code name} in {@code schema}, or null. */
    static Entry find(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT schema_name, index_name, table_name, column_name, method"
                + " FROM " + TABLE + " WHERE UPPER(schema_name) = UPPER(?) AND UPPER(index_name) = UPPER(?)")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)) : null;
            }
        }
    }

    static void insert(Connection c, Entry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (schema_name, index_name, table_name, column_name, method) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, e.schema());
            ps.setString(2, e.name());
            ps.setString(3, e.table());
            ps.setString(4, e.column());
            ps.setString(5, e.method());
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, String schema, String name) throws SQLException {
        update(c, "DELETE FROM " + TABLE + " WHERE UPPER(schema_name) = UPPER(?) AND UPPER(index_name) = UPPER(?)",
                schema, name);
    }

    static void renameIndex(Connection c, String schema, String name, String newName) throws SQLException {
        update(c, "UPDATE " + TABLE + " SET index_name = ? WHERE UPPER(schema_name) = UPPER(?) AND"
                + " UPPER(index_name) = UPPER(?)", newName, schema, name);
    }

    static void renameTable(Connection c, String schema, String table, String newName) throws SQLException {
        update(c, "UPDATE " + TABLE + " SET table_name = ? WHERE UPPER(schema_name) = UPPER(?) AND"
                + " UPPER(table_name) = UPPER(?)", newName, schema, table);
    }

    static void renameColumn(Connection c, String schema, String table, String column, String newName) throws SQLException {
        update(c, "UPDATE " + TABLE + " SET column_name = ? WHERE UPPER(schema_name) = UPPER(?) AND"
                + " UPPER(table_name) = UPPER(?) AND UPPER(column_name) = UPPER(?)", newName, schema, table, column);
    }

    static void renameSchema(Connection c, String schema, String newName) throws SQLException {
        update(c, "UPDATE " + TABLE + " SET schema_name = ? WHERE UPPER(schema_name) = UPPER(?)", newName, schema);
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Removes the entries whose column is gone: the table or the schema was dropped, or the column
     * (as a storage index on it would be). Renames are applied before, by the statement that renames.
     */
    static int reconcile(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + TABLE + " v WHERE NOT EXISTS (SELECT 1 FROM"
                    + " INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND"
                    + " t.TABLE_NAME = c.TABLE_NAME WHERE UPPER(c.TABLE_SCHEMA) = UPPER(v.schema_name) AND"
                    + " UPPER(c.TABLE_NAME) = UPPER(v.table_name) AND UPPER(c.COLUMN_NAME) = UPPER(v.column_name) AND"
                    + " t.TABLE_TYPE IN " + INDEXABLE_TYPES + ")");
        }
    }

    // ---------------------------------------------------------------- storage's names

    /** Storage's spelling of a schema, or null when there is none. */
    static String schema(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) = UPPER(?)")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The table {@code name} of {@code schema} as {@code c} sees it (a session's connection also sees
     * its temporary tables, which storage takes first), or null.
     */
    static TableRef table(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_SCHEMA) = UPPER(?) AND UPPER(TABLE_NAME) = UPPER(?)"
                + " ORDER BY CASE WHEN TABLE_TYPE = 'LOCAL TEMPORARY' THEN 0 ELSE 1 END")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new TableRef(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    /** Storage's spelling of a column of a table, or null. */
    static String column(Connection c, TableRef table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                + " TABLE_SCHEMA = ? AND TABLE_NAME = ? AND UPPER(COLUMN_NAME) = UPPER(?)")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The column's SBsql type as declared ({@code vector(3)}: the domain it was declared with), else
     * storage's type name in lower case ({@code integer}, {@code character varying}).
     */
    static String declaredType(Connection c, TableRef table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DOMAIN_SCHEMA, DOMAIN_NAME, DATA_TYPE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "unknown";
                }
                if (SystemSchemas.TYPES.equals(rs.getString(1)) && rs.getString(2) != null) {
                    return rs.getString(2);
                }
                return rs.getString(3).toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    /** Whether storage has an index named {@code name} in {@code schema}. */
    static boolean storageIndexExists(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE"
                + " UPPER(INDEX_SCHEMA) = UPPER(?) AND UPPER(INDEX_NAME) = UPPER(?)")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
