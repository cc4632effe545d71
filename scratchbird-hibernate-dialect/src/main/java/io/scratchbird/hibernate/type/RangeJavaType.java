package io.scratchbird.hibernate.type;

import io.scratchbird.types.Range;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.spi.TypeConfiguration;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The driver's immutable {@link Range} as an attribute type. Hibernate resolves
 * {@code Range<Integer>} through {@link #createJavaType(ParameterizedType, TypeConfiguration)},
 * which fixes the range kind from the bound type; a raw {@code Range} (a query parameter, say)
 * binds with the kind of its own bounds.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class RangeJavaType extends AbstractClassJavaType<Range> {

    /** For {@code Range} without known bounds. */
    public static final RangeJavaType RAW = new RangeJavaType(null);

    private final RangeKind kind;

    private RangeJavaType(RangeKind kind) {
        super(Range.class, ImmutableMutabilityPlan.instance());
        this.kind = kind;
    }

    public static RangeJavaType of(RangeKind kind) {
        return new RangeJavaType(kind);
    }

    /** The range type of this attribute, or null for a raw {@code Range}. */
    public RangeKind kind() {
        return kind;
    }

    @Override
    public JavaType<Range> createJavaType(ParameterizedType parameterizedType, TypeConfiguration typeConfiguration) {
        Type[] arguments = parameterizedType.getActualTypeArguments();
        if (arguments.length == 1 && arguments[0] instanceof Class<?> bound) {
            RangeKind k = RangeKind.ofBound(bound);
            if (k == null) {
                throw new IllegalArgumentException("Range<" + bound.getSimpleName() + "> has no ScratchBird range type;"
                        + " bounds may be Integer, Long, BigDecimal, LocalDate, LocalDateTime or OffsetDateTime");
            }
            return of(k);
        }
        return this;
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        return indicators.getJdbcType(kind == null ? RangeJdbcType.ANY_RANGE_TYPE_CODE : kind.typeCode());
    }

    @Override
    public boolean isInstance(Object value) {
        return value instanceof Range;
    }

    @Override
    public String toString(Range value) {
        return kind != null ? kind.format(value) : value.toString();
    }

    @Override
    public Range fromString(CharSequence string) {
        if (kind == null) {
            throw new IllegalArgumentException("cannot read a range from text without knowing its type: " + string);
        }
        return kind.parse(string.toString());
    }

    @Override
    public <X> X unwrap(Range value, Class<X> type, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return (X) value;
        }
        if (type == String.class) {
            return (X) toString(value);
        }
        throw unknownUnwrap(type);
    }

    @Override
    public <X> Range wrap(X value, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        if (value instanceof Range r) {
            return r;
        }
        if (value instanceof CharSequence text) {
            return fromString(text);
        }
        throw unknownWrap(value.getClass());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeJavaType other && other.kind == kind;
    }

    @Override
    public int hashCode() {
        return kind == null ? 0 : kind.hashCode();
    }
}
