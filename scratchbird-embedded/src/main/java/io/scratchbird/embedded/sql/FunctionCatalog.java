package io.scratchbird.embedded.sql;

import io.scratchbird.embedded.sql.functions.CatalogFunctions;
import io.scratchbird.embedded.sql.functions.JsonAggregate;
import io.scratchbird.embedded.sql.functions.JsonFunctions;
import io.scratchbird.embedded.sql.functions.JsonObjectAggregate;
import io.scratchbird.embedded.sql.functions.RangeFunctions;
import io.scratchbird.embedded.sql.functions.SessionFunctions;
import io.scratchbird.embedded.sql.functions.SpatialFunctions;
import io.scratchbird.embedded.sql.functions.VectorFunctions;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SBsql functions implemented in Java: for each, the SBsql name, the Java code behind it, how the
 * translator calls it and what it returns. Storage registers every entry as an H2 alias (or
 * aggregate) named {@code "sys.functions"."sb_<name>"} — prefixed because H2 reserves some of the
 * names (json_object) — and the translator rewrites calls to that qualified name, so they work
 * whatever the search path.
 */
public final class FunctionCatalog {

    /** How a call is emitted. */
    public enum Kind {
        /** A plain function call. */
        SCALAR,
        /** Returns JSON text; the call is wrapped in {@code FORMAT JSON} so it nests as a document. */
        JSON,
        /** An aggregate returning JSON text (also wrapped in {@code FORMAT JSON}). */
        JSON_AGGREGATE
    }

    /**
     * One function.
     *
     * @param name         SBsql name (lower case)
     * @param owner        the class holding the static method, or the aggregate class
     * @param method       the static method (null for aggregates)
     * @param kind         how calls are emitted
     * @param returns      the declared SBsql result type when storage cannot tell it (text-stored types), else null
     * @param deterministic whether the result depends on the arguments only
     */
    public record Entry(String name, Class<?> owner, String method, Kind kind, SqlType returns, boolean deterministic) {

        /** The H2 name calls are rewritten to. */
        public String qualifiedAlias() {
            return SystemSchemas.qualified(SystemSchemas.FUNCTIONS, aliasName(name));
        }

        /** The statement that registers it. */
        public String createSql() {
            if (kind == Kind.JSON_AGGREGATE) {
                return "CREATE AGGREGATE IF NOT EXISTS " + qualifiedAlias() + " FOR '" + owner.getName() + "'";
            }
            return "CREATE ALIAS IF NOT EXISTS " + qualifiedAlias() + (deterministic ? " DETERMINISTIC" : "")
                    + " FOR '" + owner.getName() + "." + method + "'";
        }
    }

    private static final String PREFIX = "sb_";
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        json();
        ranges();
        vectors();
        spatial();
        add("current_database", SessionFunctions.class, "currentDatabase", null);
        add("current_user", SessionFunctions.class, "currentUser", null, Kind.SCALAR, false);
        add("pg_sleep", SessionFunctions.class, "sleep", null, Kind.SCALAR, false);
        add("catalog_type_name", CatalogFunctions.class, "typeName", null);
        add("catalog_type_oid", CatalogFunctions.class, "typeOid", null);
        add("catalog_object_id", CatalogFunctions.class, "objectId", null);
    }

    private static void json() {
        addJson("json", "parse", SbTypes.JSON);
        addJson("to_json", "toJson", SbTypes.JSON);
        addJson("to_jsonb", "toJson", SbTypes.JSONB);
        addJson("json_build_object", "buildObject", SbTypes.JSON);
        addJson("jsonb_build_object", "buildObject", SbTypes.JSONB);
        addJson("json_object", "buildObject", SbTypes.JSON);
        addJson("json_build_array", "buildArray", SbTypes.JSON);
        addJson("jsonb_build_array", "buildArray", SbTypes.JSONB);
        addJson("json_query", "query", SbTypes.JSON);
        addJson("json_extract", "extract", SbTypes.JSON);
        addJson("json_strip_nulls", "stripNulls", SbTypes.JSON);
        addJson("jsonb_strip_nulls", "stripNulls", SbTypes.JSONB);
        addJson("jsonb_set", "jsonbSet", SbTypes.JSONB);
        addJson("json_set", "set", SbTypes.JSON);
        addJson("json_insert", "insert", SbTypes.JSON);
        addJson("json_replace", "replace", SbTypes.JSON);
        addJson("json_remove", "remove", SbTypes.JSON);
        addJson("jsonb_path_query_first", "pathQueryFirst", SbTypes.JSONB);
        addJson("jsonb_path_query_array", "pathQueryArray", SbTypes.JSONB);
        addJson("json_get", "get", SbTypes.JSONB);
        add("json_get_text", JsonFunctions.class, "getText", SbTypes.TEXT);
        add("json_value", JsonFunctions.class, "value", SbTypes.TEXT);
        add("json_exists", JsonFunctions.class, "exists", null);
        add("jsonb_path_exists", JsonFunctions.class, "exists", null);
        add("json_array_length", JsonFunctions.class, "arrayLength", null);
        add("jsonb_array_length", JsonFunctions.class, "arrayLength", null);
        add("json_typeof", JsonFunctions.class, "typeOf", SbTypes.TEXT);
        add("jsonb_typeof", JsonFunctions.class, "typeOf", SbTypes.TEXT);
        add("jsonb_pretty", JsonFunctions.class, "pretty", SbTypes.TEXT);
        add("check_json", JsonFunctions.class, "check", null);
        ENTRIES.put("json_agg", new Entry("json_agg", JsonAggregate.class, null, Kind.JSON_AGGREGATE, SbTypes.JSON, false));
        ENTRIES.put("jsonb_agg", new Entry("jsonb_agg", JsonAggregate.class, null, Kind.JSON_AGGREGATE, SbTypes.JSONB, false));
        ENTRIES.put("json_object_agg", new Entry("json_object_agg", JsonObjectAggregate.class, null, Kind.JSON_AGGREGATE,
                SbTypes.JSON, false));
        ENTRIES.put("jsonb_object_agg", new Entry("jsonb_object_agg", JsonObjectAggregate.class, null,
                Kind.JSON_AGGREGATE, SbTypes.JSONB, false));
    }

    private static void ranges() {
        add("int4range", RangeFunctions.class, "int4range", SbTypes.INT4RANGE);
        add("int8range", RangeFunctions.class, "int8range", SbTypes.INT8RANGE);
        add("numrange", RangeFunctions.class, "numrange", SbTypes.NUMRANGE);
        add("daterange", RangeFunctions.class, "daterange", SbTypes.DATERANGE);
        add("tsrange", RangeFunctions.class, "tsrange", SbTypes.TSRANGE);
        add("tstzrange", RangeFunctions.class, "tstzrange", SbTypes.TSTZRANGE);
        add("range_contains", RangeFunctions.class, "contains", null);
        add("range_contains_element", RangeFunctions.class, "containsElement", null);
        add("range_overlaps", RangeFunctions.class, "overlaps", null);
        add("range_strictly_left", RangeFunctions.class, "strictlyLeft", null);
        add("range_strictly_right", RangeFunctions.class, "strictlyRight", null);
        add("range_lower", RangeFunctions.class, "lower", SbTypes.TEXT);
        add("range_upper", RangeFunctions.class, "upper", SbTypes.TEXT);
        add("range_lower_inc", RangeFunctions.class, "lowerInclusive", null);
        add("range_upper_inc", RangeFunctions.class, "upperInclusive", null);
        add("range_cast", RangeFunctions.class, "cast", null);
        add("check_range", RangeFunctions.class, "check", null);
    }

    private static void vectors() {
        add("vector", VectorFunctions.class, "vector", SbTypes.VECTOR);
        add("l2_distance", VectorFunctions.class, "l2Distance", null);
        add("cosine_distance", VectorFunctions.class, "cosineDistance", null);
        add("inner_product", VectorFunctions.class, "innerProduct", null);
        add("negative_inner_product", VectorFunctions.class, "negativeInnerProduct", null);
        add("vector_dims", VectorFunctions.class, "dims", null);
        add("vector_norm", VectorFunctions.class, "norm", null);
        add("vector_l2_normalize", VectorFunctions.class, "l2Normalize", SbTypes.VECTOR);
        add("subvector", VectorFunctions.class, "subvector", SbTypes.VECTOR);
        add("check_vector", VectorFunctions.class, "check", null);
    }

    private static void spatial() {
        String[][] names = {
            {"st_makepoint", "makePoint"}, {"st_makeline", "makeLine"}, {"st_geomfromtext", "geomFromText"},
            {"st_geomfromwkb", "geomFromWkb"}, {"st_astext", "asText"}, {"st_asewkt", "asEwkt"},
            {"st_asbinary", "asBinary"}, {"st_asgeojson", "asGeoJson"}, {"st_srid", "srid"}, {"st_setsrid", "setSrid"},
            {"st_distance", "distance"}, {"st_dwithin", "dWithin"}, {"st_contains", "contains"},
            {"st_within", "within"}, {"st_intersects", "intersects"}, {"st_disjoint", "disjoint"},
            {"st_touches", "touches"}, {"st_crosses", "crosses"}, {"st_overlaps", "overlaps"},
            {"st_equals", "topologicallyEquals"}, {"st_covers", "covers"}, {"st_area", "area"},
            {"st_length", "length"}, {"st_perimeter", "perimeter"}, {"st_buffer", "buffer"},
            {"st_centroid", "centroid"}, {"st_envelope", "envelope"}, {"st_convexhull", "convexHull"},
            {"st_simplify", "simplify"}, {"st_intersection", "intersection"}, {"st_union", "union"},
            {"st_difference", "difference"}, {"st_symdifference", "symDifference"}, {"st_x", "x"}, {"st_y", "y"},
            {"st_npoints", "nPoints"}, {"st_numpoints", "nPoints"}, {"st_isempty", "isEmpty"},
            {"st_isvalid", "isValid"}, {"st_geometrytype", "geometryType"}, {"st_transform", "transform"},
        };
        for (String[] n : names) {
            add(n[0], SpatialFunctions.class, n[1], null);
        }
    }

    private static void addJson(String name, String method, SqlType returns) {
        add(name, JsonFunctions.class, method, returns, Kind.JSON, true);
    }

    private static void add(String name, Class<?> owner, String method, SqlType returns) {
        add(name, owner, method, returns, Kind.SCALAR, true);
    }

    private static void add(String name, Class<?> owner, String method, SqlType returns, Kind kind, boolean deterministic) {
        ENTRIES.put(name, new Entry(name, owner, method, kind, returns, deterministic));
    }

    private FunctionCatalog() {
    }

    /** The function an SBsql call names, or null. */
    public static Entry lookup(String name) {
        return ENTRIES.get(name.toLowerCase(Locale.ROOT));
    }

    public static Collection<Entry> all() {
        return Collections.unmodifiableCollection(ENTRIES.values());
    }

    /** The H2 alias name of an SBsql function name. */
    public static String aliasName(String name) {
        return PREFIX + name;
    }

    /** The SBsql name behind an alias name found in a storage message ({@code sb_l2_distance} → {@code l2_distance}). */
    public static String sbsqlName(String aliasName) {
        return aliasName.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? aliasName.substring(PREFIX.length()) : aliasName;
    }

    /** A call of an internal function, e.g. {@code internal("check_json", "VALUE")}. */
    static String internal(String name, String arguments) {
        return lookup(name).qualifiedAlias() + "(" + arguments + ")";
    }
}
