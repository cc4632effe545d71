package io.scratchbird.wire.codec;

/**
 * The types counted from SBWP's epoch 2000-01-01 ({@code date} in {@code i32} days,
 * {@code timestamp}/{@code timestamptz} in {@code i64} microseconds), whose extreme counts mean
 * {@code infinity} and {@code -infinity} as in PostgreSQL. Those map to the Java type's MAX and
 * MIN in both forms; subclasses handle only finite values, and reject finite values that would
 * collide with a sentinel.
 */
abstract class EpochCodec<T> extends FixedWidthCodec<T> {

    private final long maxCount;
    private final long minCount;
    private final T infinity;
    private final T minusInfinity;

    EpochCodec(int oid, String typeName, Class<T> javaType, int width, T infinity, T minusInfinity) {
        super(oid, typeName, javaType, width);
        this.maxCount = width == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        this.minCount = width == 4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        this.infinity = infinity;
        this.minusInfinity = minusInfinity;
    }

    /** The count of a finite value; must reject counts outside the field or equal to a sentinel. */
    abstract long countOf(T value);

    /** The finite value of a count strictly between the sentinels. */
    abstract T valueOf(long count);

    abstract String formatFinite(T value);

    abstract T parseFinite(String text);

    @Override
    final long toBits(T value) {
        return value.equals(infinity) ? maxCount : value.equals(minusInfinity) ? minCount : countOf(value);
    }

    @Override
    final T fromBits(long count) {
        return count == maxCount ? infinity : count == minCount ? minusInfinity : valueOf(count);
    }

    @Override
    final String encodeTextValue(T value) {
        return value.equals(infinity) ? "infinity" : value.equals(minusInfinity) ? "-infinity" : formatFinite(value);
    }

    /** Also accepts {@code +infinity}, in any case. */
    @Override
    final T decodeTextValue(String text) {
        if (text.equalsIgnoreCase("infinity") || text.equalsIgnoreCase("+infinity")) {
            return infinity;
        }
        return text.equalsIgnoreCase("-infinity") ? minusInfinity : parseFinite(text);
    }
}
