package io.scratchbird.hibernate.type;

import io.scratchbird.types.Vector;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code float[]} as a {@code vector(n)} column, the way hibernate-vector maps it on PostgreSQL
 * ({@code @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = n)}): bound as the driver's
 * {@link Vector} (wire OID 16386), read back from a {@link Vector} or its {@code [1,2,3]} text.
 */
public final class VectorJdbcType extends ArrayJdbcType {

    private final int sqlType;

    public VectorJdbcType(JdbcType elementJdbcType, int sqlType) {
        super(elementJdbcType);
        this.sqlType = sqlType;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return sqlType;
    }

    @Override
    public JavaType<?> getRecommendedJavaType(Integer precision, Integer scale, TypeConfiguration typeConfiguration) {
        return typeConfiguration.getJavaTypeRegistry().resolveDescriptor(float[].class);
    }

    @Override
    public void appendWriteExpression(String writeExpression, Size size, SqlAppender appender, Dialect dialect) {
        appender.append("cast(");
        appender.append(writeExpression);
        appender.append(" as vector)");
    }

    @Override
    public boolean isWriteExpressionTyped(Dialect dialect) {
        return true;
    }

    @Override
    public String castFromPattern(JdbcMapping sourceMapping, Size size) {
        return sourceMapping.getJdbcType().isStringLike() ? "cast(?1 as vector)" : null;
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            appender.appendSql("vector '");
            appender.appendSql(Vector.of(javaType.unwrap(value, float[].class, options)).toString());
            appender.appendSql('\'');
        };
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setObject(index, Vector.of(getJavaType().unwrap(value, float[].class, options)));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setObject(name, Vector.of(getJavaType().unwrap(value, float[].class, options)));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toFloats(rs.getObject(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toFloats(statement.getObject(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toFloats(statement.getObject(name)), options);
            }
        };
    }

    static float[] toFloats(Object value) throws SQLException {
        if (value == null) {
            return null;
        } else if (value instanceof Vector v) {
            return v.toArray();
        } else if (value instanceof float[] f) {
            return f;
        } else if (value instanceof String text) {
            return ((Vector) Codecs.byOid(TypeOids.VECTOR).decodeText(text)).toArray();
        }
        throw new SQLException("expected a vector value, got " + value.getClass().getName(), "22000");
    }

    @Override
    public boolean equals(Object that) {
        return super.equals(that) && that instanceof VectorJdbcType v && v.sqlType == sqlType;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + sqlType;
    }
}
