package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SbTypes;
import io.scratchbird.embedded.sql.SqlType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Helpers the catalog views call: SBsql type names for storage columns and stable object ids. */
public final class CatalogFunctions {

    private CatalogFunctions() {
    }

    /**
     * The SBsql type name of a column as the catalog views show it, e.g. {@code varchar(20)},
     * {@code vector(3)}, {@code geometry(point)}.
     *
     * @param full with modifiers ({@code varchar(20)}) or without ({@code varchar})
     */
    public static String typeName(String dataType, Long length, Integer precision, Integer scale, String domainSchema,
                                  String domainName, String geometryType, Boolean full) {
        if (dataType == null) {
            return null;
        }
        SqlType type = SbTypes.fromCatalog(dataType, length == null ? 0 : length, precision == null ? 0 : precision,
                scale == null ? 0 : scale, domainSchema, domainName);
        if (full == null || !full) {
            return type.name();
        }
        if (geometryType != null && "GEOMETRY".equalsIgnoreCase(dataType) && domainName == null) {
            return "geometry(" + geometryType.toLowerCase(Locale.ROOT) + ")";
        }
        return SbTypes.displayName(type);
    }

    /** The wire OID of a column's type, for catalog views that expose a data type id. */
    public static Integer typeOid(String dataType, Long length, Integer precision, Integer scale, String domainSchema,
                                  String domainName) {
        return dataType == null ? null : SbTypes.fromCatalog(dataType, length == null ? 0 : length,
                precision == null ? 0 : precision, scale == null ? 0 : scale, domainSchema, domainName).oid();
    }

    /** A positive id that stays the same for the same object across queries and restarts. */
    public static Long objectId(String kind, String schema, String name) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest((kind + '\u0000' + schema + '\u0000' + name).toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 7; i++) {
                id = id << 8 | (digest[i] & 0xFF);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
