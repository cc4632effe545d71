package io.scratchbird.embedded.sql;

import java.util.Objects;

/**
 * A value type as the server reports it on the wire: the SBWP type OID (see
 * {@code io.scratchbird.wire.codec.TypeOids}), the SBsql type name as declared (e.g. {@code int4},
 * {@code varchar}, {@code vector}, {@code tstzrange}), and its modifiers when known.
 *
 * @param precision numeric precision, or character length for char/varchar, or 0 when unknown
 * @param scale     numeric scale, or 0
 * @param dimension vector dimension, or 0
 */
public record SqlType(int oid, String name, int precision, int scale, int dimension) {

    public SqlType {
        Objects.requireNonNull(name, "name");
    }

    public static SqlType of(int oid, String name) {
        return new SqlType(oid, name, 0, 0, 0);
    }
}
