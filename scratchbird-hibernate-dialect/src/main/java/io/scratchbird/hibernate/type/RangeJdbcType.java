package io.scratchbird.hibernate.type;

import io.scratchbird.types.Range;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.sql.ast.spi.SqlAppender;
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
 * Binds and reads one range type. Values travel as their text ({@code [1,5)}, {@code empty},
 * {@code (,)}) with a cast to the column's range type in the SQL, so empty and unbounded ranges,
 * which carry no bound to type them, bind as exactly as bounded ones. Reads accept the driver's
 * {@link Range} or, where the server reports a range as text (through a subquery), its text.
 */
public final class RangeJdbcType implements JdbcType {

    /** A range whose type comes from its bounds (a raw {@code Range} query parameter). */
    public static final int ANY_RANGE_TYPE_CODE = 50_000;

    public static final RangeJdbcType ANY = new RangeJdbcType(null);

    private final RangeKind kind;

    private RangeJdbcType(RangeKind kind) {
        this.kind = kind;
    }

    public static RangeJdbcType of(RangeKind kind) {
        return new RangeJdbcType(kind);
    }

    @Override
    public int getJdbcTypeCode() {
        return SqlTypes.OTHER;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return kind == null ? ANY_RANGE_TYPE_CODE : kind.typeCode();
    }

    @Override
    public void appendWriteExpression(String writeExpression, Size size, SqlAppender appender, Dialect dialect) {
        if (kind == null) {
            appender.append(writeExpression);
            return;
        }
        appender.append("cast(");
        appender.append(writeExpression);
        appender.append(" as ");
        appender.append(kind.typeName());
        appender.append(')');
    }

    @Override
    public boolean isWriteExpressionTyped(Dialect dialect) {
        return kind != null;
    }

    /** A range literal ({@code cb.literal(range)}): its text cast to the range type, never bare text. */
    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        return (appender, value, dialect, options) -> {
            Range<?> range = javaType.unwrap(value, Range.class, options);
            RangeKind k = kind != null ? kind : kindOfBounds(range);
            appender.appendSql("cast('");
            appender.appendSql(k.format(range).replace("'", "''"));
            appender.appendSql("' as ");
            appender.appendSql(k.typeName());
            appender.appendSql(')');
        };
    }

    private static RangeKind kindOfBounds(Range<?> range) {
        Object bound = range.lower() != null ? range.lower() : range.upper();
        RangeKind k = bound == null ? null : RangeKind.ofBound(bound.getClass());
        if (k == null) {
            throw new IllegalArgumentException("the range type of " + range + " cannot be told from its bounds;"
                    + " bind it as a parameter of a Range<…> attribute instead");
        }
        return k;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                Range<?> range = getJavaType().unwrap(value, Range.class, options);
                if (kind == null) {
                    st.setObject(index, range);
                } else {
                    st.setString(index, kind.format(range));
                }
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                Range<?> range = getJavaType().unwrap(value, Range.class, options);
                st.setString(name, kind == null ? range.toString() : kind.format(range));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toRange(rs.getObject(paramIndex)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toRange(statement.getObject(index)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return getJavaType().wrap(toRange(statement.getObject(name)), options);
            }
        };
    }

    private Range<?> toRange(Object value) throws SQLException {
        if (value == null || value instanceof Range<?>) {
            return (Range<?>) value;
        }
        if (value instanceof String text && kind != null) {
            return kind.parse(text);
        }
        throw new SQLException("expected a " + (kind == null ? "range" : kind.typeName()) + " value, got "
                + value.getClass().getName(), "22000");
    }

    @Override
    public String toString() {
        return "RangeJdbcType(" + (kind == null ? "any" : kind.typeName()) + ")";
    }
}
