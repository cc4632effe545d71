package io.scratchbird.wire.codec;

import java.util.function.LongFunction;

/**
 * {@code int2}, {@code int4} and {@code int8}: binary little-endian two's complement of exactly
 * 2, 4 or 8 bytes; text decimal with an optional sign. One class for the three widths, which
 * differ only in byte count, range and boxed Java type.
 */
final class IntegerCodec<T extends Number> extends FixedWidthCodec<T> {

    private final long min;
    private final long max;
    private final LongFunction<T> box;

    private IntegerCodec(int oid, String typeName, Class<T> javaType, int width, long min, long max, LongFunction<T> box) {
        super(oid, typeName, javaType, width);
        this.min = min;
        this.max = max;
        this.box = box;
    }

    static IntegerCodec<Short> int2() {
        return new IntegerCodec<>(TypeOids.INT2, "int2", Short.class, 2, Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
    }

    static IntegerCodec<Integer> int4() {
        return new IntegerCodec<>(TypeOids.INT4, "int4", Integer.class, 4, Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
    }

    static IntegerCodec<Long> int8() {
        return new IntegerCodec<>(TypeOids.INT8, "int8", Long.class, 8, Long.MIN_VALUE, Long.MAX_VALUE, v -> v);
    }

    @Override
    long toBits(T value) {
        return value.longValue();
    }

    @Override
    T fromBits(long bits) {
        return box.apply(bits);
    }

    @Override
    String encodeTextValue(T value) {
        return Long.toString(value.longValue());
    }

    @Override
    T decodeTextValue(String text) {
        int i = 0;
        boolean negative = text.startsWith("-");
        if (negative || text.startsWith("+")) {
            i++;
        }
        if (i == text.length()) {
            throw reject(i, "expected a decimal integer but found " + (text.isEmpty() ? "empty text" : "'" + text + "'"));
        }
        // Accumulate negatively: the negative range is one larger, so MIN_VALUE parses without overflow.
        long limit = negative ? min : -max;
        long v = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextCursor.isDigit(c)) {
                throw reject(i, "unexpected '" + c + "' in a decimal integer");
            }
            int digit = c - '0';
            if (v < (limit + digit) / 10) {
                throw reject(0, "'" + text + "' is out of range for " + typeName() + " [" + min + ", " + max + "]");
            }
            v = v * 10 - digit;
        }
        return box.apply(negative ? v : -v);
    }
}
