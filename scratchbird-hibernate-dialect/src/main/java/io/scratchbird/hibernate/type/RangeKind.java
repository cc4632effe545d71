package io.scratchbird.hibernate.type;

import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.types.Range;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The six SBsql range types (SQL-DIALECT.md §2, §7.2): the Java class of their bounds, the column
 * type, the wire OID and the type code Hibernate knows them by. {@code Range<Integer>} is an
 * {@code int4range}, {@code Range<OffsetDateTime>} a {@code tstzrange}, and so on.
 */
public enum RangeKind {
    INT4(Integer.class, "int4range", TypeOids.INT4RANGE),
    INT8(Long.class, "int8range", TypeOids.INT8RANGE),
    NUMERIC(BigDecimal.class, "numrange", TypeOids.NUMRANGE),
    DATE(LocalDate.class, "daterange", TypeOids.DATERANGE),
    TIMESTAMP(LocalDateTime.class, "tsrange", TypeOids.TSRANGE),
    TIMESTAMPTZ(OffsetDateTime.class, "tstzrange", TypeOids.TSTZRANGE);

    /** Hibernate type codes: the wire OID lifted out of the range of {@link org.hibernate.type.SqlTypes}. */
    private static final int TYPE_CODE_BASE = 50_000;

    private final Class<?> boundClass;
    private final String typeName;
    private final int oid;

    RangeKind(Class<?> boundClass, String typeName, int oid) {
        this.boundClass = boundClass;
        this.typeName = typeName;
        this.oid = oid;
    }

    public Class<?> boundClass() {
        return boundClass;
    }

    public String typeName() {
        return typeName;
    }

    public int oid() {
        return oid;
    }

    /** The Hibernate type code, e.g. {@code 53904} for int4range. */
    public int typeCode() {
        return TYPE_CODE_BASE + oid;
    }

    /** The kind whose bounds are {@code boundClass}, or null when no range type holds them. */
    public static RangeKind ofBound(Class<?> boundClass) {
        for (RangeKind k : values()) {
            if (k.boundClass == boundClass) {
                return k;
            }
        }
        return null;
    }

    public static RangeKind ofTypeName(String name) {
        for (RangeKind k : values()) {
            if (k.typeName.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /** The range's text form ({@code [1,5)}, {@code empty}), as the server reads it. */
    public String format(Range<?> range) {
        return codec().encodeText(range);
    }

    public Range<?> parse(String text) {
        return codec().decodeText(text);
    }

    @SuppressWarnings("unchecked")
    private ValueCodec<Range<?>> codec() {
        return (ValueCodec<Range<?>>) Codecs.byOid(oid);
    }
}
