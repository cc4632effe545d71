package io.scratchbird.hibernate.type;

import io.scratchbird.types.Geometry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code geometry} columns. Values travel as the driver's {@link Geometry} (EWKB, SRID kept);
 * attributes may be that class or, with hibernate-spatial on the class path, JTS or geolatte
 * geometries, which convert through JTS exactly as hibernate-spatial's own types do.
 */
public final class GeometryJdbcType implements JdbcType {

    public static final GeometryJdbcType INSTANCE = new GeometryJdbcType();

    private static final String JTS_GEOMETRY = "org.locationtech.jts.geom.Geometry";

    private GeometryJdbcType() {
    }

    @Override
    public int getJdbcTypeCode() {
        return SqlTypes.OTHER;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.GEOMETRY;
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            Geometry g = toDriverValue(javaType, value, options);
            appender.appendSql("st_geomfromtext('");
            appender.appendSql(g.toWkt());
            appender.appendSql("', ");
            appender.appendSql(g.srid());
            appender.appendSql(')');
        };
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, toDriverValue(getJavaType(), value, options));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setObject(name, toDriverValue(getJavaType(), value, options));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return fromDriverValue(getJavaType(), rs.getObject(paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return fromDriverValue(getJavaType(), statement.getObject(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return fromDriverValue(getJavaType(), statement.getObject(name), options);
            }
        };
    }

    private static boolean isDriverGeometry(JavaType<?> javaType) {
        return javaType.getJavaTypeClass() == Geometry.class;
    }

    static <X> Geometry toDriverValue(JavaType<X> javaType, X value, WrapperOptions options) {
        if (value instanceof Geometry g) {
            return g;
        }
        if (isDriverGeometry(javaType)) {
            return javaType.unwrap(value, Geometry.class, options);
        }
        return Geometry.fromJts(javaType.unwrap(value, jtsGeometryClass(), options));
    }

    static <X> X fromDriverValue(JavaType<X> javaType, Object raw, WrapperOptions options) throws SQLException {
        Geometry g;
        if (raw == null) {
            return null;
        } else if (raw instanceof Geometry geometry) {
            g = geometry;
        } else if (raw instanceof String text) {
            g = Geometry.parse(text);
        } else if (raw instanceof byte[] wkb) {
            g = Geometry.fromWkb(wkb);
        } else {
            throw new SQLException("expected a geometry value, got " + raw.getClass().getName(), "22000");
        }
        return javaType.wrap(isDriverGeometry(javaType) ? g : g.toJts(), options);
    }

    private static Class<Object> jtsGeometryClass() {
        return Jts.GEOMETRY;
    }

    /** JTS's Geometry class, looked up once, when an attribute other than the driver's Geometry first binds. */
    private static final class Jts {
        static final Class<Object> GEOMETRY = load();

        @SuppressWarnings("unchecked")
        private static Class<Object> load() {
            try {
                return (Class<Object>) Class.forName(JTS_GEOMETRY, false, GeometryJdbcType.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("mapping a geometry attribute other than io.scratchbird.types.Geometry"
                        + " needs JTS (org.locationtech.jts:jts-core) on the class path", e);
            }
        }
    }

    @Override
    public String toString() {
        return "GeometryJdbcType";
    }
}
