package io.scratchbird.wire.codec;

import java.util.function.DoubleFunction;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * {@code float4} (OID 700) and {@code float8} (OID 701): binary IEEE-754 little-endian of 4 or 8
 * bytes, raw bits kept (so NaN payloads survive); text {@link Float#toString} /
 * {@link Double#toString}, which round-trip exactly and spell {@code NaN}, {@code Infinity},
 * {@code -Infinity}. Text decoding also takes exponent forms and {@code inf}/{@code infinity} in
 * any case (see {@link FloatText}).
 */
final class FloatCodec<T extends Number> extends FixedWidthCodec<T> {

    /** Parses finite text, reporting errors under the codec's type name. */
    private interface FiniteParser<T> {
        T parse(String typeName, String text);
    }

    private final ToLongFunction<T> rawBits;
    private final LongFunction<T> fromRawBits;
    private final FiniteParser<T> finite;
    private final DoubleFunction<T> special;

    private FloatCodec(int oid, String typeName, Class<T> javaType, int width, ToLongFunction<T> rawBits,
                       LongFunction<T> fromRawBits, FiniteParser<T> finite, DoubleFunction<T> special) {
        super(oid, typeName, javaType, width);
        this.rawBits = rawBits;
        this.fromRawBits = fromRawBits;
        this.finite = finite;
        this.special = special;
    }

    static FloatCodec<Float> float4() {
        return new FloatCodec<>(TypeOids.FLOAT4, "float4", Float.class, 4, Float::floatToRawIntBits,
                bits -> Float.intBitsToFloat((int) bits), (name, text) -> FloatText.parseFloat(name, text, 0, text.length()),
                d -> (float) d);
    }

    static FloatCodec<Double> float8() {
        return new FloatCodec<>(TypeOids.FLOAT8, "float8", Double.class, 8, Double::doubleToRawLongBits,
                Double::longBitsToDouble, (name, text) -> FloatText.parseDouble(name, text, 0, text.length()), d -> d);
    }

    @Override
    long toBits(T value) {
        return rawBits.applyAsLong(value);
    }

    @Override
    T fromBits(long bits) {
        return fromRawBits.apply(bits);
    }

    /** {@code Float.toString} / {@code Double.toString}. */
    @Override
    String encodeTextValue(T value) {
        return value.toString();
    }

    @Override
    T decodeTextValue(String text) {
        Double specialValue = FloatText.special(text);
        return specialValue != null ? special.apply(specialValue) : finite.parse(typeName(), text);
    }
}
