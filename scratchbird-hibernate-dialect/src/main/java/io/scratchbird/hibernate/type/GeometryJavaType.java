package io.scratchbird.hibernate.type;

import io.scratchbird.types.Geometry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.AbstractClassJavaType;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;

/** The driver's immutable {@link Geometry} as an attribute type: no JTS or hibernate-spatial needed. */
public final class GeometryJavaType extends AbstractClassJavaType<Geometry> {

    public static final GeometryJavaType INSTANCE = new GeometryJavaType();

    private GeometryJavaType() {
        super(Geometry.class, ImmutableMutabilityPlan.instance());
    }

    @Override
    public JdbcType getRecommendedJdbcType(JdbcTypeIndicators indicators) {
        return indicators.getJdbcType(SqlTypes.GEOMETRY);
    }

    @Override
    public String toString(Geometry value) {
        return value.toEwkt();
    }

    @Override
    public Geometry fromString(CharSequence string) {
        return Geometry.parse(string.toString());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> X unwrap(Geometry value, Class<X> type, WrapperOptions options) {
        if (value == null) {
            return null;
        } else if (type.isInstance(value)) {
            return (X) value;
        } else if (type == String.class) {
            return (X) value.toEwkt();
        } else if (type == byte[].class) {
            return (X) value.toEwkb();
        }
        throw unknownUnwrap(type);
    }

    @Override
    public <X> Geometry wrap(X value, WrapperOptions options) {
        if (value == null) {
            return null;
        } else if (value instanceof Geometry g) {
            return g;
        } else if (value instanceof CharSequence text) {
            return Geometry.parse(text.toString());
        } else if (value instanceof byte[] wkb) {
            return Geometry.fromWkb(wkb);
        } else if (Geometry.isJts(value)) {
            return Geometry.fromJts(value);
        }
        throw unknownWrap(value.getClass());
    }
}
