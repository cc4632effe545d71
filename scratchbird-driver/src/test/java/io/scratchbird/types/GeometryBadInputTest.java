package io.scratchbird.types;

import io.scratchbird.wire.ValueFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every rejection names its offset and problem; no input makes the readers throw anything else. */
class GeometryBadInputTest {

    private static final HexFormat HEX = HexFormat.of();

    private static void assertRejected(Supplier<Geometry> read, long offset, String fragment) {
        ValueFormatException e = assertThrows(ValueFormatException.class, read::get);
        assertEquals("geometry", e.typeName());
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertEquals(offset, e.offset(), e::getMessage);
    }

    /** WKB hex (spaces only for legibility), the byte offset and a piece of the message. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                        | 0  | byte-order marker is missing
            02 01000000 000000000000F03F 0000000000000040             | 0  | byte-order marker is 0x02
            01 0100                                                   | 1  | geometry type needs 4 bytes
            01 01000000 000000000000F03F                              | 5  | truncated: a point needs 16 bytes (XY) but only 8 remain
            01 01000000 000000000000F03F 0000000000000040 00          | 21 | 1 trailing byte(s)
            01 08000000 00000000                                      | 1  | unsupported geometry type code 8
            01 00000000                                               | 1  | unknown or unsupported geometry type code 0
            01 A10F0000 00000000                                      | 1  | type code 4001
            01 01000010 000000000000F03F 0000000000000040             | 1  | type code 268435457
            01 E9030080 000000000000F03F 0000000000000040 0000000000000840 | 1 | mixes EWKB Z/M flags with an ISO dimension code
            01 02000000 FFFFFFFF                                      | 5  | point count 4294967295 needs at least 68719476720 byte(s) but only 0 remain
            01 03000000 FFFFFF7F 00000000                             | 5  | ring count 2147483647
            01 07000000 FFFFFFFF 010100000000                         | 5  | member count 4294967295
            01 02000000 02000000 000000000000F03F                     | 5  | point count 2 needs at least 32 byte(s) but only 8 remain
            01 02000000 01000000 000000000000F03F 0000000000000040    | 5  | a LINESTRING needs at least 2 points, found 1
            01 03000000 01000000 03000000 0000000000000000 0000000000000000 000000000000F03F 0000000000000000 0000000000000000 0000000000000000 | 9 | ring 0: a polygon ring needs at least 4 points, found 3
            01 03000000 01000000 04000000 0000000000000000 0000000000000000 000000000000F03F 0000000000000000 000000000000F03F 000000000000F03F 0000000000000000 000000000000F03F | 9 | ring 0: polygon ring is not closed
            01 07000000 01000000 01 E9030000 000000000000F03F 0000000000000040 0000000000000840 | 10 | mixed dimensions: a POINT member is XYZ but its GEOMETRYCOLLECTION is XY
            01 04000000 01000000 01 02000000 00000000                 | 10 | a MULTIPOINT may hold only POINT members, found LINESTRING
            01 04000020 E6100000 01000000 01 01000020 E7100000 000000000000F03F 0000000000000040 | 18 | member SRID 4327 differs from the geometry's SRID 4326
            01 01000020 FFFFFFFF 000000000000F03F 0000000000000040    | 5  | SRID -1 is negative
            01 01000000 000000000000F87F 0000000000000040             | 5  | ordinate is NaN
            01 01000000 000000000000F03F 000000000000F07F             | 13 | ordinate is Infinity
            01 02000000 02000000 0000000000000000 0000000000000000 000000000000F87F 0000000000000000 | 25 | ordinate is NaN
            00 00000001 3FF0000000000000                              | 5  | point needs 16 bytes
            """)
    void malformedWkbIsRejected(String hex, long offset, String fragment) {
        byte[] wkb = HEX.parseHex(hex.replace(" ", ""));
        assertRejected(() -> Geometry.fromWkb(wkb), offset, fragment);
        assertRejected(() -> Geometry.fromHex(hex.replace(" ", "")), 2 * offset, fragment);
    }

    @Test
    void nestingIsBounded() {
        assertEquals(ShapeRules.MAX_DEPTH, nestedCollections(ShapeRules.MAX_DEPTH).length / 9);
        Geometry deepest = Geometry.fromWkb(nestedCollections(ShapeRules.MAX_DEPTH));
        assertEquals("GEOMETRYCOLLECTION", deepest.geometryType());
        byte[] tooDeep = nestedCollections(ShapeRules.MAX_DEPTH + 1);
        assertRejected(() -> Geometry.fromWkb(tooDeep), 9L * ShapeRules.MAX_DEPTH, "nest deeper than 32 levels");

        String wkt = "GEOMETRYCOLLECTION(".repeat(ShapeRules.MAX_DEPTH) + "POINT(1 2)" + ")".repeat(ShapeRules.MAX_DEPTH);
        int deepestKeyword = "GEOMETRYCOLLECTION(".length() * ShapeRules.MAX_DEPTH;
        assertRejected(() -> Geometry.fromWkt(wkt), deepestKeyword, "nest deeper than 32 levels");
        String fits = "GEOMETRYCOLLECTION(".repeat(ShapeRules.MAX_DEPTH - 1) + "POINT(1 2)" + ")".repeat(ShapeRules.MAX_DEPTH - 1);
        assertEquals(fits, Geometry.fromWkt(fits).toWkt());
    }

    /** {@code levels} GEOMETRYCOLLECTIONs each holding the next; the innermost is empty. */
    private static byte[] nestedCollections(int levels) {
        String one = "01" + "07000000" + "01000000";
        String last = "01" + "07000000" + "00000000";
        return HEX.parseHex(one.repeat(levels - 1) + last);
    }

    @Test
    void hostileCountsFailBeforeAllocating() {
        // LINESTRING ZM (type 3002) claiming 2^32-1 points of 32 bytes, 128 GiB: the count itself fails.
        byte[] wkb = HEX.parseHex("01" + "BA0B0000" + "FFFFFFFF");
        assertRejected(() -> Geometry.fromWkb(wkb), 5, "needs at least 137438953440 byte(s)");
    }

    @Test
    void badHexIsRejected() {
        assertRejected(() -> Geometry.fromHex("0101000000G0"), 10, "'G' is not a hexadecimal digit");
        assertRejected(() -> Geometry.fromHex("010"), 3, "odd number of digits (3)");
        assertRejected(() -> Geometry.fromHex(" 0101"), 0, "' ' is not a hexadecimal digit");
        assertRejected(() -> Geometry.parse("  0101000000"), 2 + 10, "point needs 16 bytes");
        assertRejected(() -> Geometry.parse("  0101000000zz"), 2 + 10, "'z' is not a hexadecimal digit");
    }

    /** WKT, the character offset and a piece of the message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | 0  | expected a geometry type such as POINT but found the end of the text
            '   '                               | 3  | expected a geometry type
            (1 2)                               | 0  | expected a geometry type such as POINT but found '(1 2)'
            POINT                               | 5  | expected '(' or EMPTY after POINT but found the end of the text
            POINT Q (1 2)                       | 6  | expected '(' or EMPTY after POINT but found 'Q (1 2)'
            POINTX(1 2)                         | 0  | unknown geometry type 'POINTX(1 2)'
            CIRCULARSTRING(0 0,1 1,2 0)         | 0  | unknown geometry type 'CIRCULARSTRING(0 0,1 1,2...'
            POINT(1)                            | 7  | a coordinate needs at least 2 ordinates but its first is followed by ')'
            POINT(1,2)                          | 7  | a coordinate needs at least 2 ordinates but its first is followed by ',2)'
            POINT(1 x)                          | 8  | a coordinate needs at least 2 ordinates but its first is followed by 'x)'
            POINT(1 2 3 4 5)                    | 14 | a coordinate has at most 4 ordinates
            POINT(1 2                           | 9  | expected ')' but found the end of the text
            POINT(1 2,3 4)                      | 9  | expected ')' but found ',3 4)'
            POINT(1 2) x                        | 11 | unexpected 'x' after the geometry
            POINT(1 2)POINT(3 4)                | 10 | unexpected 'POINT(3 4)' after the geometry
            POINT EMPTY EMPTY                   | 12 | unexpected 'EMPTY' after the geometry
            POINT()                             | 6  | expected a coordinate but found ')'
            POINT(NaN 1)                        | 6  | expected a coordinate but found 'NaN 1)'
            POINT(Infinity 1)                   | 6  | expected a coordinate but found 'Infinity 1)'
            POINT(1e 2)                         | 6  | the exponent has no digits
            POINT(1.2.3 4)                      | 6  | malformed number '1.2.3 4)'
            POINT(- 2)                          | 6  | malformed number '- 2)'
            POINT(. 2)                          | 6  | malformed number
            POINT(1-2 3)                        | 6  | malformed number
            POINT(0x10 2)                       | 6  | malformed number '0x10 2)'
            POINT(1e999 2)                      | 6  | is outside the range of a double
            POINT(1 2a)                         | 8  | malformed number '2a)'
            LINESTRING()                        | 11 | expected a coordinate but found ')'
            LINESTRING(1 2)                     | 11 | a LINESTRING needs at least 2 points, found 1
            LINESTRING(0 0,1 1 1)               | 15 | mixed dimensions: a coordinate has 3 ordinates but the geometry is XY
            POINT Z (1 2)                       | 9  | mixed dimensions: a coordinate has 2 ordinates but the geometry is XYZ
            POINT M (1 2 3 4)                   | 9  | mixed dimensions: a coordinate has 4 ordinates but the geometry is XYM
            GEOMETRYCOLLECTION(POINT(1 2),POINT Z (1 2 3)) | 36 | mixed dimensions: tag Z but the geometry is XY
            GEOMETRYCOLLECTION(POINT(1 2 3),POINTM(1 2 3)) | 37 | mixed dimensions: tag M but the geometry is XYZ
            GEOMETRYCOLLECTION Z (POINT(1 2))   | 28 | mixed dimensions
            POLYGON((0 0,1 0,1 1,0 1))          | 8  | ring 0: polygon ring is not closed
            POLYGON((0 0,1 0,0 0))              | 8  | ring 0: a polygon ring needs at least 4 points, found 3
            POLYGON((0 0,1 0,1 1,0 0),(0 0,1 1)) | 26 | ring 1: a polygon ring needs at least 4 points, found 2
            POLYGON Z ((0 0 0,1 0 0,1 1 0,0 0 1)) | 11 | polygon ring is not closed
            POLYGON(EMPTY)                      | 8  | expected '(' but found 'EMPTY)'
            MULTIPOINT((1 2)                    | 16 | expected ')' but found the end of the text
            MULTIPOINT(((1 2)))                 | 12 | expected a coordinate but found '(1 2)))'
            MULTILINESTRING(0 0,1 1)            | 16 | expected '(' but found '0 0,1 1)'
            GEOMETRYCOLLECTION(1 2)             | 19 | expected a geometry type
            GEOMETRYCOLLECTION(POINT(1 2),)     | 30 | expected a geometry type
            SRID=abc;POINT(1 2)                 | 5  | expected a non-negative SRID number but found 'abc;POINT(1 2)'
            SRID=-1;POINT(1 2)                  | 5  | expected a non-negative SRID number
            SRID=99999999999;POINT(1 2)         | 5  | SRID is larger than 2147483647
            SRID=4326 POINT(1 2)                | 10 | expected ';' but found 'POINT(1 2)'
            SRID 4326;POINT(1 2)                | 5  | expected '=' but found '4326;POINT(1 2)'
            POINT(1 2);                         | 10 | unexpected ';' after the geometry
            """)
    void malformedWktIsRejected(String wkt, long offset, String fragment) {
        assertRejected(() -> Geometry.fromWkt(wkt), offset, fragment);
        assertRejected(() -> Geometry.parse(wkt), offset, fragment);
    }

    @Test
    void longTokensAreShortenedInMessages() {
        String wkt = "POINT(1 2) " + "x".repeat(10_000);
        ValueFormatException e = assertThrows(ValueFormatException.class, () -> Geometry.fromWkt(wkt));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void invalidArgumentsAreCallerErrors() {
        assertThrows(IllegalArgumentException.class, () -> Geometry.point(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.point(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Geometry.point(1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.point(1, 2).withSrid(-4326));
        assertThrows(IllegalArgumentException.class, () -> Geometry.fromWkt("POINT(1 2)", -1));
        assertThrows(NullPointerException.class, () -> Geometry.fromWkb(null));
        assertThrows(NullPointerException.class, () -> Geometry.parse(null));
    }

    /** Truncations, bit flips and inserted bytes of valid WKB: accepted or rejected, nothing else. */
    @Test
    void mutatedWkbNeverEscapesAsAnotherException() {
        RandomGeometries samples = new RandomGeometries(0xBAD_0001L);
        Random random = new Random(0xBAD_0002L);
        for (int i = 0; i < 3_000; i++) {
            byte[] wkb = samples.next().mixedEwkb();
            byte[] mutated = switch (random.nextInt(3)) {
                case 0 -> Arrays.copyOf(wkb, random.nextInt(wkb.length));
                case 1 -> flipped(wkb, random);
                default -> inserted(wkb, random);
            };
            readsOrRejects(() -> Geometry.fromWkb(mutated));
        }
    }

    /** Random edits of valid WKT from an alphabet of WKT characters. */
    @Test
    void mutatedWktNeverEscapesAsAnotherException() {
        RandomGeometries samples = new RandomGeometries(0xBAD_0003L);
        Random random = new Random(0xBAD_0004L);
        String alphabet = "()., -+eE0123456789ZMPOINTEMPTYSRID=;\t";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder wkt = new StringBuilder(samples.next().messyWkt());
            for (int edits = 1 + random.nextInt(3); edits > 0 && wkt.length() > 0; edits--) {
                int at = random.nextInt(wkt.length());
                switch (random.nextInt(3)) {
                    case 0 -> wkt.deleteCharAt(at);
                    case 1 -> wkt.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> wkt.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            readsOrRejects(() -> Geometry.parse(wkt.toString()));
        }
    }

    private static byte[] flipped(byte[] wkb, Random random) {
        byte[] copy = wkb.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] inserted(byte[] wkb, Random random) {
        int at = random.nextInt(wkb.length + 1);
        byte[] copy = new byte[wkb.length + 1];
        System.arraycopy(wkb, 0, copy, 0, at);
        copy[at] = (byte) random.nextInt(256);
        System.arraycopy(wkb, at, copy, at + 1, wkb.length - at);
        return copy;
    }

    private static void readsOrRejects(Supplier<Geometry> read) {
        try {
            Geometry geometry = read.get();
            assertEquals(geometry, Geometry.fromWkb(geometry.toEwkb()));
        } catch (ValueFormatException expected) {
            assertTrue(expected.offset() >= 0);
        } catch (RuntimeException | Error e) {
            fail("escaped as " + e, e);
        }
    }
}
