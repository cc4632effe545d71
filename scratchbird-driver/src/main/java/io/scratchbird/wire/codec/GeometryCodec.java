package io.scratchbird.wire.codec;

import io.scratchbird.types.Geometry;
import io.scratchbird.wire.ValueFormatException;

import java.util.Arrays;

/**
 * Geometry values under OID 600, which the drivers use for every geometry kind (spec 10.7).
 *
 * <p>Binary form: {@code u32} length, then that many bytes of little-endian PostGIS EWKB, so the
 * SRID travels with the value; the length must equal the bytes that follow. Decoding also accepts
 * plain WKB and big-endian input. Text form: EWKT on encode ({@code SRID=4326;POINT(1 2)});
 * decode accepts EWKT, WKT and hex (E)WKB. What the engine itself expects is still open (U-22).
 */
public final class GeometryCodec extends BaseCodec<Geometry> {

    /** The shared instance (codecs are stateless). */
    public static final GeometryCodec INSTANCE = new GeometryCodec();

    private GeometryCodec() {
        super(TypeOids.POINT, "geometry", Geometry.class);
    }

    @Override
    byte[] encodeBinaryValue(Geometry value) {
        return LengthPrefix.wrap(value.toEwkb());
    }

    @Override
    Geometry decodeBinaryValue(byte[] buf, int offset, int length) {
        int bodyLength = LengthPrefix.bodyLength(typeName(), buf, offset, length);
        int bodyStart = offset + LengthPrefix.SIZE;
        try {
            return Geometry.fromWkb(Arrays.copyOfRange(buf, bodyStart, bodyStart + bodyLength));
        } catch (ValueFormatException e) {
            // The reader counts from the first EWKB byte; the value starts with the prefix.
            throw Rejections.moved(e, LengthPrefix.SIZE + e.offset());
        }
    }

    @Override
    String encodeTextValue(Geometry value) {
        return value.toEwkt();
    }

    @Override
    Geometry decodeTextValue(String text) {
        return Geometry.parse(text);
    }
}
