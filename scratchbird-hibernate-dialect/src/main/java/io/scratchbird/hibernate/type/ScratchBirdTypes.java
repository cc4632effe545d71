package io.scratchbird.hibernate.type;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.BasicArrayType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * The ScratchBird-specific types in one place: {@code jsonb}, {@code vector(n)}, the six ranges
 * and {@code geometry}, with hibernate-spatial's JTS/geolatte Java types when that module is present.
 */
public final class ScratchBirdTypes {

    private ScratchBirdTypes() {
    }

    public static void registerColumnTypes(DdlTypeRegistry ddl, Dialect dialect) {
        for (int code : new int[] {SqlTypes.VECTOR, SqlTypes.VECTOR_FLOAT32}) {
            ddl.addDescriptor(new VectorDdlType(code, dialect));
        }
        for (RangeKind kind : RangeKind.values()) {
            ddl.addDescriptor(new DdlTypeImpl(kind.typeCode(), kind.typeName(), dialect));
        }
    }

    public static void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry, Dialect dialect) {
        var types = contributions.getTypeConfiguration();
        var jdbcTypes = types.getJdbcTypeRegistry();
        var javaTypes = types.getJavaTypeRegistry();
        var basicTypes = types.getBasicTypeRegistry();

        jdbcTypes.addDescriptor(SqlTypes.JSON, JsonbJdbcType.INSTANCE);

        var floatType = basicTypes.resolve(StandardBasicTypes.FLOAT);
        for (int code : new int[] {SqlTypes.VECTOR, SqlTypes.VECTOR_FLOAT32}) {
            var vector = new VectorJdbcType(jdbcTypes.getDescriptor(SqlTypes.FLOAT), code);
            jdbcTypes.addDescriptor(code, vector);
            basicTypes.register(new BasicArrayType<>(floatType, vector, javaTypes.resolveDescriptor(float[].class)),
                    code == SqlTypes.VECTOR ? StandardBasicTypes.VECTOR.getName() : StandardBasicTypes.VECTOR_FLOAT32.getName());
        }

        contributions.contributeJavaType(RangeJavaType.RAW);
        jdbcTypes.addDescriptor(RangeJdbcType.ANY_RANGE_TYPE_CODE, RangeJdbcType.ANY);
        for (RangeKind kind : RangeKind.values()) {
            jdbcTypes.addDescriptor(kind.typeCode(), RangeJdbcType.of(kind));
        }

        jdbcTypes.addDescriptor(SqlTypes.GEOMETRY, GeometryJdbcType.INSTANCE);
        jdbcTypes.addDescriptor(SqlTypes.POINT, GeometryJdbcType.INSTANCE);
        jdbcTypes.addDescriptor(SqlTypes.GEOGRAPHY, GeometryJdbcType.INSTANCE);
        contributions.contributeJavaType(GeometryJavaType.INSTANCE);
        if (SpatialSupport.isAvailable()) {
            SpatialSupport.contributeJavaTypes(contributions);
        }
    }

    /** {@code vector(n)} from {@code @Array(length = n)}; plain {@code vector} without one. */
    private static final class VectorDdlType extends DdlTypeImpl {
        VectorDdlType(int code, Dialect dialect) {
            super(code, "vector($l)", "vector", dialect);
        }

        @Override
        public String getTypeName(Size size) {
            Integer length = size.getArrayLength();
            return length == null ? "vector" : "vector(" + length + ")";
        }
    }
}
