package io.scratchbird.types;

import java.lang.reflect.Method;

/**
 * Converts to and from JTS ({@code org.locationtech.jts.geom.Geometry}) when JTS is on the
 * classpath, through its WKB reader and writer found by reflection — so the driver never
 * depends on JTS, and applications with JTS (hibernate-spatial users) get their own objects.
 */
final class JtsBridge {

    private static final String GEOMETRY = "org.locationtech.jts.geom.Geometry";

    private JtsBridge() {
    }

    static boolean available() {
        return jtsClass(GEOMETRY) != null;
    }

    static boolean isJtsGeometry(Object o) {
        Class<?> g = jtsClass(GEOMETRY);
        return g != null && g.isInstance(o);
    }

    /** A JTS geometry equal to {@code g}, with its SRID. */
    static Object toJts(Geometry g) {
        try {
            Class<?> readerClass = Class.forName("org.locationtech.jts.io.WKBReader");
            Object reader = readerClass.getConstructor().newInstance();
            Object jts = readerClass.getMethod("read", byte[].class).invoke(reader, (Object) g.toWkb());
            jts.getClass().getMethod("setSRID", int.class).invoke(jts, g.srid());
            return jts;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("JTS could not read the geometry " + g.geometryType() + ": " + rootMessage(e), e);
        }
    }

    /** Our value for a JTS geometry, keeping its SRID and Z coordinates. */
    static Geometry fromJts(Object jts) {
        try {
            Class<?> geometryClass = Class.forName(GEOMETRY);
            int srid = (int) geometryClass.getMethod("getSRID").invoke(jts);
            int dimension = hasZ(jts, geometryClass) ? 3 : 2;
            Class<?> writerClass = Class.forName("org.locationtech.jts.io.WKBWriter");
            Object writer = writerClass.getConstructor(int.class).newInstance(dimension);
            Method write = writerClass.getMethod("write", geometryClass);
            byte[] wkb = (byte[]) write.invoke(writer, jts);
            return Geometry.fromWkb(wkb, Math.max(srid, 0));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("JTS could not write the geometry: " + rootMessage(e), e);
        }
    }

    private static boolean hasZ(Object jts, Class<?> geometryClass) throws ReflectiveOperationException {
        Object coordinate = geometryClass.getMethod("getCoordinate").invoke(jts);
        if (coordinate == null) {
            return false;
        }
        double z = (double) coordinate.getClass().getMethod("getZ").invoke(coordinate);
        return !Double.isNaN(z);
    }

    private static Class<?> jtsClass(String name) {
        try {
            return Class.forName(name, false, JtsBridge.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
