package io.scratchbird.embedded.sql;

/**
 * An H2 domain in {@link SystemSchemas#TYPES} named after an SBsql type ({@code jsonb},
 * {@code vector(3)}, {@code array<integer>}), so the declared type of a column can be read back from
 * the catalog even though its storage type (text, an array) is not specific to it.
 *
 * @param name  the SBsql type spelling, also the domain name
 * @param base  the H2 storage type
 * @param check a CHECK condition over {@code VALUE}, or null
 */
public record StorageDomain(String name, String base, String check) {

    /** How a column or cast refers to the domain. */
    public String reference() {
        return SystemSchemas.qualified(SystemSchemas.TYPES, name);
    }

    public String createSql() {
        return "CREATE DOMAIN IF NOT EXISTS " + reference() + " AS " + base + (check == null ? "" : " CHECK (" + check + ")");
    }
}
