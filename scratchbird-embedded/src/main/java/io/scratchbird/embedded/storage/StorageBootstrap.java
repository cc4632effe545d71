package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.FunctionCatalog;
import io.scratchbird.embedded.sql.SystemSchemas;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates what the SQL layer relies on in a new or existing database: the default user schema
 * {@code users.public}, the system schemas, the function library, the catalog bookkeeping tables
 * (index methods, the HNSW index catalog) and the catalog views. Idempotent; views are replaced so a newer engine updates them.
 */
final class StorageBootstrap {

    private static final List<String> SCHEMAS = List.of(
            "users", SystemSchemas.DEFAULT_SCHEMA, SystemSchemas.SYS, SystemSchemas.TYPES, SystemSchemas.FUNCTIONS,
            SystemSchemas.INFORMATION, SystemSchemas.INFORMATION_SCHEMA, SystemSchemas.CATALOG_READABLE,
            SystemSchemas.META);

    private StorageBootstrap() {
    }

    static void install(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + SystemSchemas.quote(schema));
            }
            for (FunctionCatalog.Entry fn : FunctionCatalog.all()) {
                s.execute(fn.createSql());
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + SystemSchemas.qualified(SystemSchemas.META, "index_methods")
                    + " (schema_name VARCHAR NOT NULL, index_name VARCHAR NOT NULL, method VARCHAR NOT NULL,"
                    + " PRIMARY KEY (schema_name, index_name))");
            IndexCatalog.install(connection);
            for (String view : CatalogViews.definitions()) {
                s.execute(view);
            }
        }
    }
}
