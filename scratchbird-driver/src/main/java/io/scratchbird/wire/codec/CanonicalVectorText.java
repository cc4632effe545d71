package io.scratchbird.wire.codec;

import io.scratchbird.types.Vector;

/**
 * A fast path for reading canonical vector text {@code [1.5,-2,3e-4]} (no blanks, plain decimal
 * elements), as storage holds it. The JDK's {@code Float.parseFloat} takes a slow big-number path for
 * most 8–9 digit elements, which made a 768-dimension vector cost about a millisecond to read.
 * Here an element with at most 15 significant digits and a decimal exponent within ±22 is computed
 * in double precision, which is then exact up to one rounding; the float is the correctly rounded
 * one unless that double lies exactly halfway between two floats (or in the subnormal range), and
 * such elements, like anything unusual, are left to the full parser: {@link #parse} then answers
 * null and {@link VectorCodec} reads the text itself, which also reports errors.
 */
final class CanonicalVectorText {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private CanonicalVectorText() {
    }

    /** The elements, or null when the text is not in the simple form or an element needs the full parser. */
    static float[] parse(String text) {
        int n = text.length();
        if (n < 3 || text.charAt(0) != '[' || text.charAt(n - 1) != ']') {
            return null;
        }
        int count = 1;
        for (int i = 1; i < n - 1; i++) {
            if (text.charAt(i) == ',') {
                count++;
            }
        }
        if (count > Vector.MAX_DIMENSIONS) {
            return null;   // the full parser refuses it without allocating for every comma
        }
        float[] values = new float[count];
        int pos = 1;
        for (int k = 0; k < count; k++) {
            int end = k == count - 1 ? n - 1 : text.indexOf(',', pos);
            if (end <= pos) {
                return null;
            }
            long bits = element(text, pos, end);
            if (bits == FAIL) {
                return null;
            }
            values[k] = Float.intBitsToFloat((int) bits);
            pos = end + 1;
        }
        return values;
    }

    private static final long FAIL = Long.MIN_VALUE;

    /** The float bits of {@code text[from, to)}, or {@link #FAIL}. */
    private static long element(String text, int from, int to) {
        int i = from;
        boolean negative = false;
        if (text.charAt(i) == '-') {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean point = false;
        int fraction = 0;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (point) {
                    fraction++;
                }
                if (mantissa == 0 && c == '0') {
                    if (point) {
                        exponent--;
                    }
                    continue;
                }
                if (++significant > 15) {
                    return FAIL;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    exponent--;
                }
            } else if (c == '.' && !point && digits) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits && (!point || fraction > 0)) {
                i++;
                if (i >= to) {
                    return FAIL;
                }
                boolean minus = false;
                if (text.charAt(i) == '-' || text.charAt(i) == '+') {
                    minus = text.charAt(i) == '-';
                    i++;
                }
                if (i >= to || to - i > 4) {
                    return FAIL;
                }
                int e = 0;
                for (; i < to; i++) {
                    char d = text.charAt(i);
                    if (d < '0' || d > '9') {
                        return FAIL;
                    }
                    e = e * 10 + (d - '0');
                }
                exponent += minus ? -e : e;
                break;
            } else {
                return FAIL;
            }
        }
        if (!digits || point && fraction == 0) {
            return FAIL;
        }
        if (mantissa == 0) {
            return Float.floatToRawIntBits(negative ? -0f : 0f);
        }
        if (exponent > 22 || exponent < -22) {
            return FAIL;
        }
        double d = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
        if (d < Float.MIN_NORMAL || d > Float.MAX_VALUE) {
            return FAIL;
        }
        // halfway between two floats: the double's 29 bits below float precision are exactly 1000…0
        long raw = Double.doubleToRawLongBits(d);
        if ((raw & ((1L << 29) - 1)) == (1L << 28)) {
            return FAIL;
        }
        float f = (float) d;
        return Float.floatToRawIntBits(negative ? -f : f);
    }
}
