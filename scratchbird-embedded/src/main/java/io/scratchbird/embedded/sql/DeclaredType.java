package io.scratchbird.embedded.sql;

/**
 * An SBsql type as written in DDL or a cast, resolved: what the wire reports, the H2 type text that
 * stores it, and the domain that must exist for that text (null when the storage is a plain H2 type).
 */
public record DeclaredType(SqlType reported, String storage, StorageDomain domain) {

    static DeclaredType plain(SqlType reported, String storage) {
        return new DeclaredType(reported, storage, null);
    }

    static DeclaredType ofDomain(SqlType reported, StorageDomain domain) {
        return new DeclaredType(reported, domain.reference(), domain);
    }
}
