package io.scratchbird.wire.codec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class CanonicalVectorTextTest {

    @Test
    void agreesBitForBitWithTheJdkParser() {
        Random r = new Random(1);
        for (int i = 0; i < 40_000; i++) {
            float f = switch (i % 4) {
                case 0 -> r.nextFloat();
                case 1 -> (float) r.nextGaussian() * 1000;
                case 2 -> Float.intBitsToFloat(r.nextInt()) ;
                default -> (float) (r.nextDouble() * Math.pow(10, r.nextInt(30) - 15));
            };
            if (!Float.isFinite(f)) {
                continue;
            }
            String text = Float.toString(f);
            float[] got = CanonicalVectorText.parse("[" + text + "]");
            if (got != null) {
                assertEquals(Float.floatToIntBits(Float.parseFloat(text)), Float.floatToIntBits(got[0]), text);
            }
            String decimal = new java.math.BigDecimal(f).round(new java.math.MathContext(1 + r.nextInt(15))).toPlainString();
            got = CanonicalVectorText.parse("[" + decimal + "," + decimal + "]");
            if (got != null) {
                assertEquals(Float.floatToIntBits(Float.parseFloat(decimal)), Float.floatToIntBits(got[1]), decimal);
            }
        }
    }

    @Test
    void leavesUnusualTextToTheFullParser() {
        assertArrayEquals(new float[] {1.5f, -2f, 3e-4f}, CanonicalVectorText.parse("[1.5,-2,3e-4]"));
        for (String s : new String[] {"[1, 2]", "[.5]", "[5.]", "[+1]", "[NaN]", "[1e40]", "[]", "[1,]", "1,2", "[1e]",
            "[0.1234567890123456789]", "[1-2]"}) {
            assertNull(CanonicalVectorText.parse(s), s);
        }
    }
}
