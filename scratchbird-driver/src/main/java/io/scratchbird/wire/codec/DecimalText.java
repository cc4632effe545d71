package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * Syntax check for decimal number text: {@code [+-] digits [. digits] [(e|E) [+-] digits]} (at least
 * one digit before or after the point). Stricter than {@code Double.parseDouble}, which also takes
 * hex floats, type suffixes and surrounding blanks, and measured before {@code BigDecimal} sees it,
 * so a hostile exponent is caught while it is still cheap.
 */
final class DecimalText {

    /** Exponents beyond this saturate: every consumer rejects them long before. */
    private static final long EXPONENT_CAP = 1_000_000_000_000L;

    /**
     * What the scan learned.
     *
     * @param nonZero        whether any mantissa digit is non-zero (to tell underflow from zero)
     * @param fractionDigits digits after the decimal point
     * @param exponent       the exponent, saturated at +/-10^12
     */
    record Shape(boolean nonZero, int fractionDigits, long exponent) {

        /** The {@code BigDecimal} scale the text denotes. */
        long scale() {
            return fractionDigits - exponent;
        }
    }

    private DecimalText() {
    }

    /** Scans {@code s[start, end)}; errors report indexes into {@code s}. */
    static Shape scan(String typeName, String s, int start, int end) {
        int i = start;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean nonZero = false;
        int digitsStart = i;
        while (i < end && TextCursor.isDigit(s.charAt(i))) {
            nonZero |= s.charAt(i++) != '0';
        }
        int integerDigits = i - digitsStart;
        int fractionDigits = 0;
        if (i < end && s.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < end && TextCursor.isDigit(s.charAt(i))) {
                nonZero |= s.charAt(i++) != '0';
            }
            fractionDigits = i - fractionStart;
        }
        if (integerDigits + fractionDigits == 0) {
            throw new ValueFormatException(typeName, i, "not a number: expected a digit but found " + describe(s, i, end));
        }
        long exponent = 0;
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negative = i < end && s.charAt(i) == '-';
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && TextCursor.isDigit(s.charAt(i))) {
                exponent = Math.min(EXPONENT_CAP, exponent * 10 + (s.charAt(i++) - '0'));
            }
            if (i == exponentStart) {
                throw new ValueFormatException(typeName, i, "exponent needs digits but found " + describe(s, i, end));
            }
            exponent = negative ? -exponent : exponent;
        }
        if (i != end) {
            throw new ValueFormatException(typeName, i, "unexpected " + describe(s, i, end) + " in a number");
        }
        return new Shape(nonZero, fractionDigits, exponent);
    }

    private static String describe(String s, int i, int end) {
        return i < end ? "'" + s.charAt(i) + "'" : "end of text";
    }
}
