package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.types.Geometry;
import io.scratchbird.wire.ValueFormatException;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Conversions between JTS geometries (what H2 hands to and takes from functions) and the driver's
 * {@link Geometry} (SRID + canonical WKB), through PostGIS EWKB, which both read and write. Text and
 * WKB input is read by the driver's readers so that every entry point accepts the same spellings.
 * Geometries computed by functions keep X, Y and Z; an M ordinate does not survive JTS.
 */
public final class GeometryValues {

    private GeometryValues() {
    }

    /** The JTS form of a driver geometry, SRID included. */
    public static org.locationtech.jts.geom.Geometry toJts(Geometry g) {
        try {
            org.locationtech.jts.geom.Geometry jts = new WKBReader().read(g.toEwkb());
            jts.setSRID(g.srid());
            return jts;
        } catch (ParseException e) {
            throw invalid("geometry");
        }
    }

    /** The driver form of a JTS geometry, SRID included. */
    public static Geometry fromJts(org.locationtech.jts.geom.Geometry jts) {
        int dimension = !jts.isEmpty() && !Double.isNaN(jts.getCoordinate().getZ()) ? 3 : 2;
        WKBWriter writer = new WKBWriter(dimension, ByteOrderValues.LITTLE_ENDIAN, jts.getSRID() != 0);
        return Geometry.fromWkb(writer.write(jts));
    }

    /** Reads WKT or EWKT. */
    public static org.locationtech.jts.geom.Geometry fromText(String text) {
        try {
            return toJts(Geometry.fromWkt(text));
        } catch (ValueFormatException | IllegalArgumentException e) {
            throw invalid("WKT");
        }
    }

    /** Reads WKB or EWKB. */
    public static org.locationtech.jts.geom.Geometry fromWkb(byte[] wkb) {
        try {
            return toJts(Geometry.fromWkb(wkb));
        } catch (ValueFormatException | IllegalArgumentException e) {
            throw invalid("WKB");
        }
    }

    private static FunctionError invalid(String form) {
        return new FunctionError("22P02", SqlErrors.REJECTED, "invalid " + form + " geometry input");
    }
}
