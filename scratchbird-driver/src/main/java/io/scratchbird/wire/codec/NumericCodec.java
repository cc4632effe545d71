package io.scratchbird.wire.codec;

import java.math.BigDecimal;

/**
 * {@code numeric} (OID 1700) as {@link BigDecimal}: text {@link BigDecimal#toPlainString()}, binary
 * the same text length-prefixed (spec 10.1; there is no base-10000 digit form on the wire).
 *
 * <p>Decoding accepts plain and exponent forms. Hostile input is bounded before any big-number
 * work: text longer than {@value #MAX_TEXT_LENGTH} characters and scales outside PostgreSQL's
 * numeric limits [{@value #MIN_SCALE}, {@value #MAX_SCALE}] are rejected (a text like
 * {@code 1e-999999999} would otherwise expand to a billion digits in {@code toPlainString}).
 * A negative scale cannot survive the plain text form: {@code 1E+3} encodes as {@code 1000} and
 * decodes with scale 0.
 */
final class NumericCodec extends TextBackedCodec<BigDecimal> {

    static final int MAX_TEXT_LENGTH = 200_000;
    /** PostgreSQL: up to 131072 digits before the decimal point. */
    static final int MIN_SCALE = -131_072;
    /** PostgreSQL: up to 16383 digits after the decimal point. */
    static final int MAX_SCALE = 16_383;

    NumericCodec() {
        super(TypeOids.NUMERIC, "numeric", BigDecimal.class);
    }

    @Override
    String encodeTextValue(BigDecimal value) {
        checkScale(value.scale(), 0);
        String text = value.toPlainString();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw reject(0, "plain text of " + text.length() + " characters exceeds the limit of " + MAX_TEXT_LENGTH);
        }
        return text;
    }

    @Override
    BigDecimal decodeTextValue(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw reject(MAX_TEXT_LENGTH, "text of " + text.length() + " characters exceeds the limit of " + MAX_TEXT_LENGTH);
        }
        if (FloatText.special(text) != null) {
            throw reject(0, "'" + text + "' cannot be represented as a BigDecimal");
        }
        checkScale(DecimalText.scan(typeName(), text, 0, text.length()).scale(), 0);
        return new BigDecimal(text);
    }

    private void checkScale(long scale, long at) {
        if (scale < MIN_SCALE || scale > MAX_SCALE) {
            throw reject(at, "scale " + scale + " is outside [" + MIN_SCALE + ", " + MAX_SCALE + "]");
        }
    }
}
