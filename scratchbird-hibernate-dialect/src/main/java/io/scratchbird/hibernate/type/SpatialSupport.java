package io.scratchbird.hibernate.type;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.spatial.GeolatteGeometryJavaType;
import org.hibernate.spatial.JTSGeometryJavaType;

/**
 * hibernate-spatial's Java types for JTS and geolatte geometries, registered as its own
 * contributors do for PostGIS, so existing spatial entities map unchanged. hibernate-spatial does
 * not know ScratchBird's dialect, so it contributes nothing itself; this class is only loaded
 * when {@link #isAvailable()}.
 */
public final class SpatialSupport {

    private static final boolean AVAILABLE = present("org.hibernate.spatial.JTSGeometryJavaType")
            && present("org.locationtech.jts.geom.Geometry");

    private SpatialSupport() {
    }

    public static boolean isAvailable() {
        return AVAILABLE;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SpatialSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void contributeJavaTypes(TypeContributions contributions) {
        contributions.contributeJavaType(JTSGeometryJavaType.GEOMETRY_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.POINT_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.LINESTRING_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.POLYGON_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.MULTIPOINT_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.MULTILINESTRING_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.MULTIPOLYGON_INSTANCE);
        contributions.contributeJavaType(JTSGeometryJavaType.GEOMETRYCOLL_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.GEOMETRY_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.POINT_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.LINESTRING_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.POLYGON_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.MULTIPOINT_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.MULTILINESTRING_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.MULTIPOLYGON_INSTANCE);
        contributions.contributeJavaType(GeolatteGeometryJavaType.GEOMETRYCOLL_INSTANCE);
    }
}
