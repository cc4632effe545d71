package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SbTypes;
import io.scratchbird.embedded.sql.SchemaDirectory;
import io.scratchbird.embedded.sql.SqlType;
import io.scratchbird.embedded.sql.StorageDomain;
import io.scratchbird.embedded.sql.SystemSchemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the engine knows about the catalog and keeps between statements: which schemas exist (for
 * resolving qualified names), which type domains exist (created on first use, e.g. {@code vector(7)}),
 * and the declared SBsql types of table columns (for result metadata). Caches are invalidated by
 * generation counters that every DDL statement advances. Thread-safe.
 */
final class EngineCatalog implements SchemaDirectory {

    private final Connection system;
    private final AtomicLong schemaGeneration = new AtomicLong();
    private final AtomicLong ddlGeneration = new AtomicLong();
    private volatile Set<String> schemas = Set.of();
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final Map<String, ColumnTypes> columnTypes = new ConcurrentHashMap<>();

    /** Declared types of one table's columns, valid for one DDL generation. */
    private record ColumnTypes(long generation, Map<String, SqlType> byColumn) {
    }

    /** @param system a connection reserved for the engine's own catalog work */
    EngineCatalog(Connection system) throws SQLException {
        this.system = system;
        refreshSchemas();
        try (Statement s = system.createStatement();
             ResultSet rs = s.executeQuery("SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = '"
                     + SystemSchemas.TYPES + "'")) {
            while (rs.next()) {
                domains.add(rs.getString(1));
            }
        }
    }

    @Override
    public boolean exists(String schemaPath) {
        return schemas.contains(schemaPath.toLowerCase(Locale.ROOT));
    }

    @Override
    public long generation() {
        return schemaGeneration.get();
    }

    /** Called after any DDL; {@code schemasChanged} when schemas were created, renamed or dropped. */
    void changed(boolean schemasChanged) throws SQLException {
        ddlGeneration.incrementAndGet();
        if (schemasChanged) {
            refreshSchemas();
        }
    }

    private void refreshSchemas() throws SQLException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        synchronized (system) {
            try (Statement s = system.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        schemas = names;
        schemaGeneration.incrementAndGet();
    }

    /** Creates the domains a statement needs that do not exist yet. */
    void ensureDomains(List<StorageDomain> needed) throws SQLException {
        for (StorageDomain d : needed) {
            if (domains.contains(d.name())) {
                continue;
            }
            synchronized (system) {
                try (Statement s = system.createStatement()) {
                    s.execute(d.createSql());
                }
            }
            domains.add(d.name());
        }
    }

    /**
     * The declared type of a table column, looked up through {@code connection} (which sees the
     * session's own temporary tables); null when the table or column is unknown.
     */
    SqlType declaredType(Connection connection, String schema, String table, String column) throws SQLException {
        if (schema == null || table == null || column == null || schema.isEmpty() || table.isEmpty()) {
            return null;
        }
        String key = schema.toLowerCase(Locale.ROOT) + '\u0000' + table.toLowerCase(Locale.ROOT);
        long generation = ddlGeneration.get();
        ColumnTypes cached = columnTypes.get(key);
        if (cached == null || cached.generation() != generation) {
            cached = new ColumnTypes(generation, load(connection, schema, table));
            columnTypes.put(key, cached);
        }
        return cached.byColumn().get(column.toLowerCase(Locale.ROOT));
    }

    private static Map<String, SqlType> load(Connection connection, String schema, String table) throws SQLException {
        Map<String, SqlType> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, DOMAIN_SCHEMA, DOMAIN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1).toLowerCase(Locale.ROOT), SbTypes.fromCatalog(rs.getString(2),
                            rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return types;
    }
}
