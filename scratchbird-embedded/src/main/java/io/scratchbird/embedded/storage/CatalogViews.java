package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.FunctionCatalog;
import io.scratchbird.embedded.sql.SystemSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog views SQL-DIALECT.md section 9 names, defined over H2's own INFORMATION_SCHEMA: they
 * show user objects only (plus the public system branches in schema lists), with SBsql type names
 * and ScratchBird schema paths, so metadata queries (a JDBC DatabaseMetaData filtering on the
 * server, Hibernate's sequence lookup) see what a ScratchBird server would show. Views without an
 * object model here (privileges, triggers, domains, user-defined types) exist and are empty.
 */
final class CatalogViews {

    private static final String CATALOG = "'default'";
    /** Schemas users see in schema lists besides their own. */
    private static final String PUBLIC_SYSTEM_SCHEMAS = "'" + SystemSchemas.SYS + "', '" + SystemSchemas.INFORMATION
            + "', '" + SystemSchemas.INFORMATION_SCHEMA + "', '" + SystemSchemas.CATALOG_READABLE + "'";
    private static final String OWNER = "'sysdba'";

    private CatalogViews() {
    }

    /** {@code column} is not a system schema. */
    private static String userSchema(String column) {
        return "NOT (" + column + " = 'sys' OR " + column + " LIKE 'sys.%' OR " + column
                + " IN ('INFORMATION_SCHEMA', 'PUBLIC'))";
    }

    private static String fn(String name) {
        return FunctionCatalog.lookup(name).qualifiedAlias();
    }

    private static String objectId(String kind, String schema, String name) {
        return fn("catalog_object_id") + "('" + kind + "', " + schema + ", " + name + ")";
    }

    /** The SBsql type name of an INFORMATION_SCHEMA.COLUMNS row {@code c}, with or without modifiers. */
    private static String typeName(String c, boolean full) {
        return fn("catalog_type_name") + "(" + c + ".DATA_TYPE, " + c + ".CHARACTER_MAXIMUM_LENGTH, " + c
                + ".NUMERIC_PRECISION, " + c + ".NUMERIC_SCALE, " + c + ".DOMAIN_SCHEMA, " + c + ".DOMAIN_NAME, " + c
                + ".GEOMETRY_TYPE, " + full + ")";
    }

    private static String typeOid(String c) {
        return fn("catalog_type_oid") + "(" + c + ".DATA_TYPE, " + c + ".CHARACTER_MAXIMUM_LENGTH, " + c
                + ".NUMERIC_PRECISION, " + c + ".NUMERIC_SCALE, " + c + ".DOMAIN_SCHEMA, " + c + ".DOMAIN_NAME)";
    }

    /** Character length only for bounded character types (storage reports its maximum for unbounded text). */
    private static String characterLength(String c) {
        return "CASE WHEN " + c + ".DATA_TYPE IN ('CHARACTER', 'CHARACTER VARYING') AND " + c
                + ".DOMAIN_NAME IS NULL AND " + c + ".CHARACTER_MAXIMUM_LENGTH < 1000000000 THEN "
                + c + ".CHARACTER_MAXIMUM_LENGTH END";
    }

    private static String view(String schema, String name, String body) {
        return "CREATE OR REPLACE VIEW " + SystemSchemas.qualified(schema, name) + " AS " + body;
    }

    /** Every CREATE OR REPLACE VIEW statement, in dependency order. */
    static List<String> definitions() {
        List<String> v = new ArrayList<>();
        sysViews(v);
        String schemata = "SELECT " + CATALOG + " AS catalog_name, SCHEMA_NAME AS schema_name, " + OWNER
                + " AS schema_owner, CAST(NULL AS VARCHAR) AS default_character_set_catalog, CAST(NULL AS VARCHAR)"
                + " AS default_character_set_schema, 'UTF8' AS default_character_set_name, CAST(NULL AS VARCHAR) AS sql_path"
                + " FROM INFORMATION_SCHEMA.SCHEMATA WHERE " + userSchema("SCHEMA_NAME") + " OR SCHEMA_NAME IN ("
                + PUBLIC_SYSTEM_SCHEMAS + ")";
        String tables = "SELECT " + CATALOG + " AS table_catalog, TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name,"
                + " CASE WHEN TABLE_TYPE = 'VIEW' THEN 'VIEW' WHEN TABLE_TYPE LIKE '%TEMPORARY' THEN 'LOCAL TEMPORARY'"
                + " ELSE 'BASE TABLE' END AS table_type, CAST(NULL AS VARCHAR) AS self_referencing_column_name,"
                + " CAST(NULL AS VARCHAR) AS reference_generation, CAST(NULL AS VARCHAR) AS user_defined_type_catalog,"
                + " CAST(NULL AS VARCHAR) AS user_defined_type_schema, CAST(NULL AS VARCHAR) AS user_defined_type_name,"
                + " CASE WHEN TABLE_TYPE = 'VIEW' THEN 'NO' ELSE 'YES' END AS is_insertable_into, 'NO' AS is_typed,"
                + " CAST(NULL AS VARCHAR) AS commit_action, REMARKS AS remarks FROM INFORMATION_SCHEMA.TABLES WHERE "
                + userSchema("TABLE_SCHEMA");
        String columns = "SELECT " + CATALOG + " AS table_catalog, c.TABLE_SCHEMA AS table_schema, c.TABLE_NAME AS table_name,"
                + " c.COLUMN_NAME AS column_name, c.ORDINAL_POSITION AS ordinal_position, c.COLUMN_DEFAULT AS column_default,"
                + " c.IS_NULLABLE AS is_nullable, " + typeName("c", false) + " AS data_type, " + characterLength("c")
                + " AS character_maximum_length, CASE WHEN c.DATA_TYPE IN ('CHARACTER', 'CHARACTER VARYING') AND"
                + " c.DOMAIN_NAME IS NULL AND c.CHARACTER_MAXIMUM_LENGTH < 1000000000 THEN c.CHARACTER_OCTET_LENGTH END"
                + " AS character_octet_length, c.NUMERIC_PRECISION AS numeric_precision, c.NUMERIC_PRECISION_RADIX AS"
                + " numeric_precision_radix, c.NUMERIC_SCALE AS numeric_scale, c.DATETIME_PRECISION AS datetime_precision,"
                + " CAST(NULL AS VARCHAR) AS interval_type, " + typeName("c", true) + " AS udt_name, " + typeOid("c")
                + " AS type_oid, c.IS_IDENTITY AS is_identity, CASE WHEN c.IS_IDENTITY = 'YES' THEN c.IDENTITY_GENERATION"
                + " END AS identity_generation, c.IDENTITY_START AS identity_start, c.IDENTITY_INCREMENT AS"
                + " identity_increment, c.IDENTITY_MAXIMUM AS identity_maximum, c.IDENTITY_MINIMUM AS identity_minimum,"
                + " c.IDENTITY_CYCLE AS identity_cycle, CASE WHEN c.IS_GENERATED = 'ALWAYS' THEN 'ALWAYS' ELSE 'NEVER'"
                + " END AS is_generated, c.GENERATION_EXPRESSION AS generation_expression, 'YES' AS is_updatable,"
                + " c.REMARKS AS remarks FROM INFORMATION_SCHEMA.COLUMNS c WHERE " + userSchema("c.TABLE_SCHEMA");
        String views = "SELECT " + CATALOG + " AS table_catalog, TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name,"
                + " VIEW_DEFINITION AS view_definition, 'NONE' AS check_option, 'NO' AS is_updatable,"
                + " 'NO' AS is_insertable_into FROM INFORMATION_SCHEMA.VIEWS WHERE " + userSchema("TABLE_SCHEMA");
        String sequences = "SELECT " + CATALOG + " AS sequence_catalog, SEQUENCE_SCHEMA AS sequence_schema,"
                + " SEQUENCE_NAME AS sequence_name, CASE DATA_TYPE WHEN 'TINYINT' THEN 'int8' WHEN 'SMALLINT' THEN"
                + " 'smallint' WHEN 'INTEGER' THEN 'integer' ELSE 'bigint' END AS data_type, NUMERIC_PRECISION AS"
                + " numeric_precision, NUMERIC_PRECISION_RADIX AS numeric_precision_radix, NUMERIC_SCALE AS numeric_scale,"
                + " START_VALUE AS start_value, MINIMUM_VALUE AS minimum_value, MAXIMUM_VALUE AS maximum_value,"
                + " INCREMENT AS increment, CYCLE_OPTION AS cycle_option, CACHE AS cache_size"
                + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE " + userSchema("SEQUENCE_SCHEMA");
        String tableConstraints = "SELECT " + CATALOG + " AS constraint_catalog, CONSTRAINT_SCHEMA AS constraint_schema,"
                + " CONSTRAINT_NAME AS constraint_name, " + CATALOG + " AS table_catalog, TABLE_SCHEMA AS table_schema,"
                + " TABLE_NAME AS table_name, CONSTRAINT_TYPE AS constraint_type, 'NO' AS is_deferrable,"
                + " 'NO' AS initially_deferred, 'YES' AS enforced FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE "
                + userSchema("TABLE_SCHEMA");
        String routines = routines();
        String indexes = "SELECT i.INDEX_SCHEMA AS index_schema, COALESCE(tc.CONSTRAINT_NAME, i.INDEX_NAME) AS index_name,"
                + " i.TABLE_SCHEMA AS table_schema, i.TABLE_NAME AS table_name, COALESCE(m.method, 'btree') AS index_type,"
                + " i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') AS is_unique,"
                + " i.INDEX_TYPE_NAME = 'PRIMARY KEY' AS is_primary FROM " + indexSource()
                + " UNION ALL SELECT v.schema_name, v.index_name, v.schema_name, v.table_name, v.method, FALSE, FALSE FROM "
                + IndexCatalog.TABLE + " v";
        for (String schema : List.of(SystemSchemas.INFORMATION, SystemSchemas.INFORMATION_SCHEMA)) {
            v.add(view(schema, "schemata", schemata));
            v.add(view(schema, "tables", tables));
            v.add(view(schema, "columns", columns));
            v.add(view(schema, "views", views));
            v.add(view(schema, "sequences", sequences));
            v.add(view(schema, "routines", routines));
        }
        v.add(view(SystemSchemas.INFORMATION, "constraints", tableConstraints));
        v.add(view(SystemSchemas.INFORMATION, "indexes", indexes));
        v.add(view(SystemSchemas.INFORMATION, "domains", empty("domain_catalog", "domain_schema", "domain_name",
                "data_type")));
        v.add(view(SystemSchemas.INFORMATION, "triggers", empty("trigger_catalog", "trigger_schema", "trigger_name",
                "event_manipulation", "event_object_schema", "event_object_table", "action_timing")));
        v.add(view(SystemSchemas.INFORMATION, "privileges", empty("grantor", "grantee", "object_schema", "object_name",
                "privilege_type", "is_grantable")));
        informationSchemaOnly(v, tableConstraints);
        catalogReadable(v);
        return v;
    }

    private static void informationSchemaOnly(List<String> v, String tableConstraints) {
        String s = SystemSchemas.INFORMATION_SCHEMA;
        v.add(view(s, "table_constraints", tableConstraints));
        v.add(view(s, "key_column_usage", "SELECT " + CATALOG + " AS constraint_catalog, CONSTRAINT_SCHEMA AS"
                + " constraint_schema, CONSTRAINT_NAME AS constraint_name, " + CATALOG + " AS table_catalog,"
                + " TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name,"
                + " ORDINAL_POSITION AS ordinal_position, POSITION_IN_UNIQUE_CONSTRAINT AS position_in_unique_constraint"
                + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE " + userSchema("TABLE_SCHEMA")));
        v.add(view(s, "constraint_column_usage", "SELECT " + CATALOG + " AS table_catalog, TABLE_SCHEMA AS table_schema,"
                + " TABLE_NAME AS table_name, COLUMN_NAME AS column_name, " + CATALOG + " AS constraint_catalog,"
                + " CONSTRAINT_SCHEMA AS constraint_schema, CONSTRAINT_NAME AS constraint_name"
                + " FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE WHERE " + userSchema("TABLE_SCHEMA")));
        v.add(view(s, "referential_constraints", "SELECT " + CATALOG + " AS constraint_catalog, CONSTRAINT_SCHEMA AS"
                + " constraint_schema, CONSTRAINT_NAME AS constraint_name, " + CATALOG + " AS unique_constraint_catalog,"
                + " UNIQUE_CONSTRAINT_SCHEMA AS unique_constraint_schema, UNIQUE_CONSTRAINT_NAME AS"
                + " unique_constraint_name, MATCH_OPTION AS match_option, UPDATE_RULE AS update_rule, DELETE_RULE AS"
                + " delete_rule FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE " + userSchema("CONSTRAINT_SCHEMA")));
        v.add(view(s, "parameters", empty("specific_catalog", "specific_schema", "specific_name", "ordinal_position",
                "parameter_mode", "parameter_name", "data_type")));
        v.add(view(s, "table_privileges", empty("grantor", "grantee", "table_catalog", "table_schema", "table_name",
                "privilege_type", "is_grantable")));
        v.add(view(s, "column_privileges", empty("grantor", "grantee", "table_catalog", "table_schema", "table_name",
                "column_name", "privilege_type", "is_grantable")));
        v.add(view(s, "user_defined_types", empty("user_defined_type_catalog", "user_defined_type_schema",
                "user_defined_type_name", "user_defined_type_category", "data_type")));
    }

    /** sys.schemas, sys.tables, sys.views, sys.columns, sys.indexes, sys.index_columns, sys.sequences. */
    private static void sysViews(List<String> v) {
        String s = SystemSchemas.SYS;
        v.add(view(s, "schemas", "SELECT " + objectId("schema", "''", "SCHEMA_NAME") + " AS schema_id, SCHEMA_NAME AS"
                + " schema_name, 0 AS owner_id, 0 AS default_tablespace_id, TRUE AS is_valid FROM"
                + " INFORMATION_SCHEMA.SCHEMATA WHERE " + userSchema("SCHEMA_NAME") + " OR SCHEMA_NAME IN ("
                + PUBLIC_SYSTEM_SCHEMAS + ")"));
        v.add(view(s, "tables", "SELECT " + objectId("table", "TABLE_SCHEMA", "TABLE_NAME") + " AS table_id, "
                + objectId("schema", "''", "TABLE_SCHEMA") + " AS schema_id, TABLE_SCHEMA AS schema_name, TABLE_NAME AS"
                + " table_name, CASE WHEN TABLE_TYPE LIKE '%TEMPORARY' THEN 2 ELSE 1 END AS table_type, 0 AS owner_id,"
                + " TRUE AS is_valid FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE <> 'VIEW' AND "
                + userSchema("TABLE_SCHEMA")));
        v.add(view(s, "views", "SELECT " + objectId("table", "TABLE_SCHEMA", "TABLE_NAME") + " AS view_id, TABLE_NAME AS"
                + " view_name, FALSE AS is_materialized, " + objectId("schema", "''", "TABLE_SCHEMA") + " AS schema_id,"
                + " TABLE_SCHEMA AS schema_name, VIEW_DEFINITION AS view_definition, TRUE AS is_valid"
                + " FROM INFORMATION_SCHEMA.VIEWS WHERE " + userSchema("TABLE_SCHEMA")));
        v.add(view(s, "columns", "SELECT " + objectId("column", "c.TABLE_SCHEMA || '.' || c.TABLE_NAME", "c.COLUMN_NAME")
                + " AS column_id, " + objectId("table", "c.TABLE_SCHEMA", "c.TABLE_NAME") + " AS table_id, c.TABLE_SCHEMA"
                + " AS schema_name, c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, " + typeOid("c")
                + " AS data_type_id, " + typeName("c", true) + " AS data_type_name, c.ORDINAL_POSITION AS ordinal_position,"
                + " c.IS_NULLABLE = 'YES' AS is_nullable, c.COLUMN_DEFAULT AS default_value, CAST(NULL AS BIGINT) AS"
                + " domain_id, CAST(NULL AS BIGINT) AS collation_id, CAST(NULL AS BIGINT) AS charset_id, c.IS_IDENTITY ="
                + " 'YES' AS is_identity, c.IS_GENERATED = 'ALWAYS' AS is_generated, c.GENERATION_EXPRESSION AS"
                + " generation_expression, TRUE AS is_valid FROM INFORMATION_SCHEMA.COLUMNS c WHERE "
                + userSchema("c.TABLE_SCHEMA")));
        v.add(view(s, "indexes", "SELECT " + objectId("index", "i.INDEX_SCHEMA", "i.INDEX_NAME") + " AS index_id, "
                + objectId("table", "i.TABLE_SCHEMA", "i.TABLE_NAME") + " AS table_id, i.TABLE_SCHEMA AS schema_name,"
                + " i.TABLE_NAME AS table_name, COALESCE(tc.CONSTRAINT_NAME, i.INDEX_NAME) AS index_name,"
                + " COALESCE(m.method, 'btree') AS index_type, i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') AS"
                + " is_unique, CAST(NULL AS BIGINT) AS estimated_cardinality, CAST(NULL AS BIGINT) AS estimated_pages,"
                + " CAST(NULL AS VARCHAR) AS filter_condition, TRUE AS is_valid FROM " + indexSource()
                + " UNION ALL SELECT " + objectId("index", "v.schema_name", "v.index_name") + ", "
                + objectId("table", "v.schema_name", "v.table_name") + ", v.schema_name, v.table_name, v.index_name,"
                + " v.method, FALSE, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), TRUE FROM "
                + IndexCatalog.TABLE + " v"));
        v.add(view(s, "index_columns", "SELECT " + objectId("index", "ic.INDEX_SCHEMA", "ic.INDEX_NAME") + " AS index_id, "
                + objectId("column", "ic.TABLE_SCHEMA || '.' || ic.TABLE_NAME", "ic.COLUMN_NAME") + " AS column_id,"
                + " ic.COLUMN_NAME AS column_name, ic.ORDINAL_POSITION AS ordinal_position, ic.ORDERING_SPECIFICATION ="
                + " 'DESC' AS is_descending, FALSE AS is_included FROM INFORMATION_SCHEMA.INDEX_COLUMNS ic WHERE "
                + userSchema("ic.TABLE_SCHEMA") + " UNION ALL SELECT " + objectId("index", "v.schema_name", "v.index_name")
                + ", " + objectId("column", "v.schema_name || '.' || v.table_name", "v.column_name") + ", v.column_name, 1,"
                + " FALSE, FALSE FROM " + IndexCatalog.TABLE + " v"));
        v.add(view(s, "sequences", "SELECT " + objectId("sequence", "SEQUENCE_SCHEMA", "SEQUENCE_NAME")
                + " AS sequence_id, SEQUENCE_SCHEMA AS schema_name, SEQUENCE_NAME AS sequence_name, START_VALUE AS"
                + " start_value, INCREMENT AS increment, MINIMUM_VALUE AS minimum_value, MAXIMUM_VALUE AS maximum_value,"
                + " CYCLE_OPTION = 'YES' AS is_cycled FROM INFORMATION_SCHEMA.SEQUENCES WHERE "
                + userSchema("SEQUENCE_SCHEMA")));
    }

    /**
     * User indexes in storage: those users created, and those backing primary keys and unique
     * constraints (shown under the constraint's name); indexes storage adds on its own for foreign keys
     * are left out. The index views add the HNSW indexes, which exist in {@link IndexCatalog} only.
     */
    private static String indexSource() {
        return "INFORMATION_SCHEMA.INDEXES i LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.INDEX_SCHEMA ="
                + " i.INDEX_SCHEMA AND tc.INDEX_NAME = i.INDEX_NAME AND tc.TABLE_NAME = i.TABLE_NAME AND"
                + " tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE') LEFT JOIN "
                + SystemSchemas.qualified(SystemSchemas.META, "index_methods") + " m ON m.schema_name = i.INDEX_SCHEMA AND"
                + " UPPER(m.index_name) = UPPER(i.INDEX_NAME) WHERE " + userSchema("i.TABLE_SCHEMA")
                + " AND (i.IS_GENERATED = FALSE OR tc.CONSTRAINT_NAME IS NOT NULL)";
    }

    /** The library's functions as routines of schema {@code sys}. */
    private static String routines() {
        String rows = FunctionCatalog.all().stream()
                .filter(f -> !f.name().startsWith("check_") && !f.name().startsWith("catalog_")
                        && !f.name().startsWith("json_get") && !f.name().equals("range_cast"))
                .map(f -> "('" + f.name() + "', '" + (f.kind() == FunctionCatalog.Kind.JSON_AGGREGATE ? "AGGREGATE"
                        : "FUNCTION") + "')")
                .collect(Collectors.joining(", "));
        return "SELECT " + CATALOG + " AS specific_catalog, 'sys' AS specific_schema, r.name AS specific_name, "
                + CATALOG + " AS routine_catalog, 'sys' AS routine_schema, r.name AS routine_name, r.kind AS routine_type,"
                + " 'EXTERNAL' AS routine_body FROM (VALUES " + rows + ") AS r(name, kind)";
    }

    private static void catalogReadable(List<String> v) {
        String s = SystemSchemas.CATALOG_READABLE;
        String tree = "SELECT SCHEMA_NAME AS object_name, 'SCHEMA' AS object_kind, SCHEMA_NAME AS schema_path,"
                + " SCHEMA_NAME AS object_path FROM INFORMATION_SCHEMA.SCHEMATA WHERE " + userSchema("SCHEMA_NAME")
                + " UNION ALL SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'VIEW' ELSE 'TABLE' END, TABLE_SCHEMA,"
                + " TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE " + userSchema("TABLE_SCHEMA")
                + " UNION ALL SELECT SEQUENCE_NAME, 'SEQUENCE', SEQUENCE_SCHEMA, SEQUENCE_SCHEMA || '.' || SEQUENCE_NAME"
                + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE " + userSchema("SEQUENCE_SCHEMA")
                + " UNION ALL SELECT INDEX_NAME, 'INDEX', INDEX_SCHEMA, INDEX_SCHEMA || '.' || INDEX_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES WHERE IS_GENERATED = FALSE AND " + userSchema("INDEX_SCHEMA")
                + " UNION ALL SELECT index_name, 'INDEX', schema_name, schema_name || '.' || index_name FROM " + IndexCatalog.TABLE;
        v.add(view(s, "object_tree", tree));
        v.add(view(s, "objects", "SELECT object_name, object_kind, schema_path, object_path FROM "
                + SystemSchemas.qualified(s, "object_tree")));
        v.add(view(s, "relations", "SELECT object_name AS relation_name, object_kind AS relation_kind, schema_path,"
                + " object_path FROM " + SystemSchemas.qualified(s, "object_tree") + " WHERE object_kind IN ('TABLE', 'VIEW')"));
        v.add(view(s, "object_names", "SELECT DISTINCT object_name FROM " + SystemSchemas.qualified(s, "object_tree")));
    }

    /** A view with these text columns and no rows. */
    private static String empty(String... columns) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("CAST(NULL AS VARCHAR) AS ").append(columns[i]);
        }
        return sb.append(" FROM (VALUES (0)) AS nothing(x) WHERE FALSE").toString();
    }
}
