package io.scratchbird.wire.codec;

import io.scratchbird.types.Vector;
import org.junit.jupiter.api.Test;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact forms and rejections of vector. */
class VectorCodecTest {

    @Test
    void textIsJavaFloatTextWithoutSpaces() {
        assertEquals("[1.0,2.5,-3.25]", Codecs.VECTOR.encodeText(Vector.of(1f, 2.5f, -3.25f)));
        assertEquals("[1.0E-5]", Codecs.VECTOR.encodeText(Vector.of(1e-5f)));
        assertArrayEquals(hex("0f000000 5b312e302c322e352c2d332e32355d"), Codecs.VECTOR.encodeBinary(Vector.of(1f, 2.5f, -3.25f)));
    }

    @Test
    void readingIsLenientAboutBlanksAndNumberSpellings() {
        assertEquals(Vector.of(1f, 2.5f, -3.25f), Codecs.VECTOR.decodeText(" [ 1 , 2.5,\t-3.25e0 ] "));
        assertEquals(Vector.of(1e-5f, 0f), Codecs.VECTOR.decodeText("[1e-05,0]"));
        assertEquals(Vector.of(0.5f), Codecs.VECTOR.decodeText("[.5]"));
    }

    @Test
    void rejectsMalformedLiteralsNonFiniteElementsAndTooManyDimensions() {
        for (String bad : new String[] {"", "[]", "[ ]", "1,2", "[1,2", "1,2]", "[1,,2]", "[1,]", "[,1]", "[1 2]", "[NaN]",
                "[Infinity]", "[-inf]", "[1e39]", "[1e-50]", "[a]", "{1,2}", "[1,2]x", "[[1]]", "[0x1p3]"}) {
            assertRejectsText(Codecs.VECTOR, bad);
        }
        assertEquals(4, assertRejectsText(Codecs.VECTOR, "[1, x]").offset());
        String tooLong = "[" + "1,".repeat(Vector.MAX_DIMENSIONS) + "1]";
        assertEquals(1 + 2 * Vector.MAX_DIMENSIONS, assertRejectsText(Codecs.VECTOR, tooLong).offset());
        assertRejectsBinary(Codecs.VECTOR, hex("04000000 5b315d"));
        assertRejectsBinary(Codecs.VECTOR, hex("03000000 5b315d00"));
        assertEquals(5, assertRejectsBinary(Codecs.VECTOR, hex("03000000 5b785d")).offset());
    }
}
