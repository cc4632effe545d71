package io.scratchbird.embedded.sql;

/**
 * Names of the storage schemas. A ScratchBird schema path ({@code users.public}, {@code sys.information})
 * is stored as one H2 schema whose name is the whole dotted path, so a qualified name
 * {@code users.public.t} becomes {@code "users.public".t}.
 */
public final class SystemSchemas {

    /** SBsql's default user schema (SQL-DIALECT.md section 1). */
    public static final String DEFAULT_SCHEMA = "users.public";
    /** Domains that carry SBsql type names for columns whose storage type is not self-describing. */
    public static final String TYPES = "sys.types";
    /** The function library (H2 aliases and aggregates). */
    public static final String FUNCTIONS = "sys.functions";
    /** Catalog views: {@code sys.tables}, {@code sys.columns}, … */
    public static final String SYS = "sys";
    public static final String INFORMATION = "sys.information";
    /** Where unqualified {@code information_schema} is redirected (H2's own one holds H2's names). */
    public static final String INFORMATION_SCHEMA = "sys.information_schema";
    public static final String CATALOG_READABLE = "sys.catalog_readable";
    /** Bookkeeping the catalog views need and H2 does not keep (index methods). */
    public static final String META = "sys.meta";

    private SystemSchemas() {
    }

    /** {@code name} as an H2 quoted identifier. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}. */
    public static String qualified(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }

    /** Whether a schema holds the engine's own machinery, which user SQL may not name at all. */
    public static boolean isInternal(String h2Schema) {
        return h2Schema.equalsIgnoreCase(TYPES) || h2Schema.equalsIgnoreCase(FUNCTIONS) || h2Schema.equalsIgnoreCase(META);
    }

    /** Whether an H2 schema holds system objects rather than user data. */
    public static boolean isSystem(String h2Schema) {
        return h2Schema.equalsIgnoreCase(SYS) || h2Schema.regionMatches(true, 0, SYS + ".", 0, SYS.length() + 1)
                || h2Schema.equalsIgnoreCase("INFORMATION_SCHEMA") || h2Schema.equalsIgnoreCase("PUBLIC");
    }
}
