package io.scratchbird.hibernate.function;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.dialect.function.json.JsonExistsFunction;
import org.hibernate.dialect.function.json.JsonQueryFunction;
import org.hibernate.dialect.function.json.JsonValueFunction;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * SBsql's vector, JSON, range and spatial functions for HQL and Criteria, under the names
 * hibernate-vector and hibernate-spatial use on PostgreSQL so queries port unchanged. Every
 * function renders as the SBsql function of the same name (SQL-DIALECT.md §7): relational k-NN is
 * {@code order by l2_distance(col, ?)}, never the {@code <->} operators, which SBsql admits only
 * inside its SEARCH statement.
 */
public final class ScratchBirdFunctions {

    /** A parameter takes its type from the other argument: a {@code float[]} beside a vector is a vector. */
    private static final FunctionArgumentTypeResolver EACH_OTHER = StandardFunctionArgumentTypeResolvers.argumentsOrImplied(0, 1);

    private final SqmFunctionRegistry registry;
    private final BasicType<Double> doubleType;
    private final BasicType<Integer> integerType;
    private final BasicType<Boolean> booleanType;
    private final BasicType<String> stringType;
    private final BasicType<byte[]> binaryType;

    private ScratchBirdFunctions(FunctionContributions contributions) {
        registry = contributions.getFunctionRegistry();
        var basicTypes = contributions.getTypeConfiguration().getBasicTypeRegistry();
        doubleType = basicTypes.resolve(StandardBasicTypes.DOUBLE);
        integerType = basicTypes.resolve(StandardBasicTypes.INTEGER);
        booleanType = basicTypes.resolve(StandardBasicTypes.BOOLEAN);
        stringType = basicTypes.resolve(StandardBasicTypes.STRING);
        binaryType = basicTypes.resolve(StandardBasicTypes.BINARY);
    }

    public static void register(FunctionContributions contributions) {
        var functions = new ScratchBirdFunctions(contributions);
        functions.vectors();
        functions.json(contributions);
        functions.ranges();
        functions.spatial();
    }

    private void vectors() {
        for (String name : new String[] {"l2_distance", "cosine_distance", "inner_product", "negative_inner_product"}) {
            binary(name, doubleType);
        }
        registry.registerAlternateKey("euclidean_distance", "l2_distance");
        unary("vector_dims", integerType);
        unary("vector_norm", doubleType);
        registry.registerAlternateKey("l2_norm", "vector_norm");
        registry.namedDescriptorBuilder("vector_l2_normalize")
                .setExactArgumentCount(1)
                .setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useArgType(1))
                .register();
        registry.registerAlternateKey("l2_normalize", "vector_l2_normalize");
        registry.namedDescriptorBuilder("subvector")
                .setExactArgumentCount(3)
                .setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useArgType(1))
                .register();
    }

    private void json(FunctionContributions contributions) {
        var types = contributions.getTypeConfiguration();
        // SQL/JSON forms: json_value(doc, '$.path' [returning t]); no PASSING clause in SBsql.
        registry.register("json_value", new JsonValueFunction(types, true, false));
        registry.register("json_query", new JsonQueryFunction(types, true, false));
        registry.register("json_exists", new JsonExistsFunction(types, true, false));
        registry.namedDescriptorBuilder("json_array_length")
                .setExactArgumentCount(1)
                .setInvariantType(integerType)
                .register();
        registry.namedDescriptorBuilder("jsonb_array_length")
                .setExactArgumentCount(1)
                .setInvariantType(integerType)
                .register();
        registry.namedDescriptorBuilder("json_typeof")
                .setExactArgumentCount(1)
                .setInvariantType(stringType)
                .register();
        registry.namedDescriptorBuilder("jsonb_path_exists")
                .setExactArgumentCount(2)
                .setInvariantType(booleanType)
                .register();
        // The portable member operators of §7.1: doc -> 'key' is a document, doc ->> 'key' its text.
        registry.patternDescriptorBuilder("json_get_text", "(?1->>?2)")
                .setExactArgumentCount(2)
                .setInvariantType(stringType)
                .register();
    }

    private void ranges() {
        binary("range_contains", booleanType);
        binary("range_overlaps", booleanType);
        binary("range_strictly_left", booleanType);
        binary("range_strictly_right", booleanType);
        registry.namedDescriptorBuilder("range_contains_element")
                .setExactArgumentCount(2)
                .setInvariantType(booleanType)
                .register();
        // Bounds come back as text (NULL when empty or unbounded); cast them in HQL for their type.
        unary("range_lower", stringType);
        unary("range_upper", stringType);
        unary("range_lower_inc", booleanType);
        unary("range_upper_inc", booleanType);
    }

    private void spatial() {
        for (String name : new String[] {"st_contains", "st_within", "st_intersects", "st_disjoint", "st_touches",
                "st_crosses", "st_overlaps", "st_equals", "st_covers"}) {
            binary(name, booleanType);
            registry.registerAlternateKey(name.substring(3), name);
        }
        binary("st_distance", doubleType);
        registry.registerAlternateKey("distance", "st_distance");
        registry.namedDescriptorBuilder("st_dwithin")
                .setExactArgumentCount(3)
                .setArgumentTypeResolver(EACH_OTHER)
                .setInvariantType(booleanType)
                .register();
        for (String name : new String[] {"st_astext", "st_asewkt", "st_geometrytype", "st_asgeojson"}) {
            registry.namedDescriptorBuilder(name)
                    .setArgumentCountBetween(1, 2)
                    .setInvariantType(stringType)
                    .register();
        }
        registry.registerAlternateKey("astext", "st_astext");
        registry.registerAlternateKey("geometrytype", "st_geometrytype");
        unary("st_srid", integerType);
        registry.registerAlternateKey("srid", "st_srid");
        unary("st_isempty", booleanType);
        registry.registerAlternateKey("isempty", "st_isempty");
        unary("st_isvalid", booleanType);
        unary("st_npoints", integerType);
        unary("st_area", doubleType);
        unary("st_length", doubleType);
        unary("st_perimeter", doubleType);
        unary("st_x", doubleType);
        unary("st_y", doubleType);
        registry.namedDescriptorBuilder("st_asbinary")
                .setExactArgumentCount(1)
                .setInvariantType(binaryType)
                .register();
        // Geometry-valued: the result has the type of the first (geometry) argument.
        for (String name : new String[] {"st_envelope", "st_centroid", "st_convexhull", "st_buffer", "st_simplify",
                "st_intersection", "st_union", "st_difference", "st_symdifference", "st_setsrid", "st_transform"}) {
            registry.namedDescriptorBuilder(name)
                    .setArgumentCountBetween(1, 2)
                    .setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useArgType(1))
                    .register();
        }
        registry.registerAlternateKey("envelope", "st_envelope");
        registry.registerAlternateKey("convexhull", "st_convexhull");
        registry.registerAlternateKey("buffer", "st_buffer");
        registry.registerAlternateKey("intersection", "st_intersection");
        registry.registerAlternateKey("geomunion", "st_union");
        registry.registerAlternateKey("difference", "st_difference");
        registry.registerAlternateKey("symdifference", "st_symdifference");
        // Constructors: their SQL type is geometry; the Java type is what the query expects.
        registry.namedDescriptorBuilder("st_geomfromtext")
                .setArgumentCountBetween(1, 2)
                .setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useFirstNonNull())
                .register();
        registry.namedDescriptorBuilder("st_makepoint")
                .setArgumentCountBetween(2, 4)
                .setReturnTypeResolver(StandardFunctionReturnTypeResolvers.useFirstNonNull())
                .register();
    }

    private void binary(String name, BasicType<?> returnType) {
        registry.namedDescriptorBuilder(name)
                .setArgumentsValidator(StandardArgumentsValidators.exactly(2))
                .setArgumentTypeResolver(EACH_OTHER)
                .setInvariantType(returnType)
                .register();
    }

    private void unary(String name, BasicType<?> returnType) {
        registry.namedDescriptorBuilder(name)
                .setExactArgumentCount(1)
                .setInvariantType(returnType)
                .register();
    }
}
