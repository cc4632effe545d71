package io.scratchbird.wire.codec;

import io.scratchbird.types.Geometry;
import io.scratchbird.wire.ValueFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OID 600 geometry codec: length-prefixed EWKB binary form, EWKT text form. */
class GeometryCodecTest {

    private static final GeometryCodec CODEC = GeometryCodec.INSTANCE;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String POINT_4326 = "0101000020E6100000000000000000F03F0000000000000040";

    private static final List<String> SAMPLES = List.of(
            "SRID=4326;POINT(1 2)",
            "POINT ZM (1 2 3 4)",
            "SRID=3857;MULTIPOLYGON(((0 0,1 0,1 1,0 0)),EMPTY)",
            "GEOMETRYCOLLECTION M (POINT M (1 2 3),LINESTRING M EMPTY)",
            "SRID=4326;POINT EMPTY");

    @Test
    void identity() {
        assertEquals(TypeOids.POINT, CODEC.oid());
        assertEquals("geometry", CODEC.typeName());
        assertEquals(Geometry.class, CODEC.javaType());
    }

    @Test
    void isRegisteredUnderOid600AndItsName() {
        assertSame(CODEC, Codecs.byOid(TypeOids.POINT));
        assertSame(CODEC, Codecs.byName("geometry"));
    }

    @Test
    void binaryFormIsLengthPrefixedEwkb() {
        byte[] encoded = CODEC.encodeBinary(Geometry.point(1, 2, 4326));
        assertEquals("19000000" + POINT_4326, HEX.formatHex(encoded));
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeBinary(encoded));
    }

    @Test
    void binaryDecodeAcceptsPlainAndBigEndianWkb() {
        assertEquals(Geometry.point(1, 2), CODEC.decodeBinary(HEX.parseHex("15000000" + "0101000000000000000000F03F0000000000000040")));
        assertEquals(Geometry.point(1, 2), CODEC.decodeBinary(HEX.parseHex("15000000" + "00000000013FF00000000000004000000000000000")));
    }

    @Test
    void binaryDecodeReadsASlice() {
        byte[] framed = HEX.parseHex("AAAA" + "19000000" + POINT_4326 + "BBBB");
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeBinary(framed, 2, framed.length - 4));
    }

    @Test
    void textFormIsEwkt() {
        assertEquals("SRID=4326;POINT(1 2)", CODEC.encodeText(Geometry.point(1, 2, 4326)));
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeText("SRID=4326;POINT(1 2)"));
        assertEquals(Geometry.point(1, 2), CODEC.decodeText("POINT(1 2)"));
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeText(POINT_4326));
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeText(POINT_4326.toLowerCase()));
        byte[] utf8 = "SRID=4326;POINT(1 2)".getBytes(StandardCharsets.UTF_8);
        assertEquals(Geometry.point(1, 2, 4326), CODEC.decodeText(utf8, 0, utf8.length));
    }

    @Test
    void bothFormsRoundTrip() {
        for (String ewkt : SAMPLES) {
            Geometry geometry = Geometry.fromWkt(ewkt);
            for (int format : new int[] {ValueCodec.FORMAT_TEXT, ValueCodec.FORMAT_BINARY}) {
                byte[] encoded = CODEC.encode(format, geometry);
                assertEquals(geometry, CODEC.decode(format, encoded, 0, encoded.length), ewkt);
            }
            assertEquals(ewkt, CODEC.encodeText(geometry));
        }
    }

    @Test
    void lengthPrefixMustMatch() {
        byte[] good = CODEC.encodeBinary(Geometry.point(1, 2, 4326));
        byte[] longer = HEX.parseHex(HEX.formatHex(good) + "00");
        ValueFormatException trailing = assertThrows(ValueFormatException.class, () -> CODEC.decodeBinary(longer));
        assertEquals(0, trailing.offset());
        assertTrue(trailing.getMessage().contains("25 byte(s) but 26 follow"), trailing.getMessage());
        byte[] shorter = HEX.parseHex("1A000000" + POINT_4326);
        assertThrows(ValueFormatException.class, () -> CODEC.decodeBinary(shorter));
        assertThrows(ValueFormatException.class, () -> CODEC.decodeBinary(new byte[] {1, 0}));
    }

    @Test
    void ewkbErrorsAreReportedFromTheStartOfTheValue() {
        byte[] truncatedPoint = HEX.parseHex("0D000000" + "0101000000000000000000F03F");
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> CODEC.decodeBinary(truncatedPoint));
        assertEquals(4 + 5, e.offset());
        assertEquals("geometry", e.typeName());
        assertTrue(e.getMessage().contains("geometry: truncated: a point needs 16 bytes (XY)"), e.getMessage());
    }

    @Test
    void textErrorsNameTheCharacter() {
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> CODEC.decodeText("POINT(1 x)"));
        assertEquals(8, e.offset());
    }
}
