package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * Text parsing shared by float4, float8 and the vector elements: the special spellings and the
 * finite decimal forms, where a finite text that overflows to infinity or underflows to zero is
 * out of range (as in PostgreSQL) rather than silently changed.
 */
final class FloatText {

    private FloatText() {
    }

    /** {@code NaN}, {@code inf}, {@code infinity}, {@code +inf...}, {@code -inf...} in any case; else null. */
    static Double special(String s) {
        if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** A finite float4 from {@code s[start, end)}. */
    static float parseFloat(String typeName, String s, int start, int end) {
        DecimalText.Shape shape = DecimalText.scan(typeName, s, start, end);
        float value = Float.parseFloat(slice(s, start, end));
        checkRange(typeName, start, shape, Float.isInfinite(value), value == 0f, "float4", Float.MIN_VALUE + " and " + Float.MAX_VALUE);
        return value;
    }

    /** A finite float8 from {@code s[start, end)}. */
    static double parseDouble(String typeName, String s, int start, int end) {
        DecimalText.Shape shape = DecimalText.scan(typeName, s, start, end);
        double value = Double.parseDouble(slice(s, start, end));
        checkRange(typeName, start, shape, Double.isInfinite(value), value == 0d, "float8", Double.MIN_VALUE + " and " + Double.MAX_VALUE);
        return value;
    }

    private static String slice(String s, int start, int end) {
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static void checkRange(String typeName, int at, DecimalText.Shape shape, boolean overflow, boolean zero,
                                   String precision, String limits) {
        if (overflow || (zero && shape.nonZero())) {
            throw new ValueFormatException(typeName, at, (overflow ? "overflow" : "underflow") + ": the magnitude of a "
                    + precision + " must be 0 or between " + limits);
        }
    }
}
