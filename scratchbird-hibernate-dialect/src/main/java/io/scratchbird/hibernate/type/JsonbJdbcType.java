package io.scratchbird.hibernate.type;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.EmbeddableMappingType;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.type.descriptor.jdbc.AggregateJdbcType;
import org.hibernate.type.descriptor.jdbc.JsonJdbcType;

/**
 * JSON attributes ({@code @JdbcTypeCode(SqlTypes.JSON)} on maps, lists, records, POJOs, or
 * embeddables) in {@code jsonb} columns: serialised by Hibernate's JSON format mapper (Jackson 3
 * when present), bound as text and cast to {@code jsonb} in the SQL so comparisons and JSON
 * functions see a document, not a string.
 */
public final class JsonbJdbcType extends JsonJdbcType {

    public static final JsonbJdbcType INSTANCE = new JsonbJdbcType(null);

    private JsonbJdbcType(EmbeddableMappingType embeddableMappingType) {
        super(embeddableMappingType);
    }

    @Override
    public AggregateJdbcType resolveAggregateJdbcType(EmbeddableMappingType mappingType, String sqlType,
                                                      RuntimeModelCreationContext creationContext) {
        return new JsonbJdbcType(mappingType);
    }

    @Override
    public void appendWriteExpression(String writeExpression, Size size, SqlAppender appender, Dialect dialect) {
        appender.append("cast(");
        appender.append(writeExpression);
        appender.append(" as jsonb)");
    }

    @Override
    public boolean isWriteExpressionTyped(Dialect dialect) {
        return true;
    }

    @Override
    public String toString() {
        return "JsonbJdbcType";
    }
}
