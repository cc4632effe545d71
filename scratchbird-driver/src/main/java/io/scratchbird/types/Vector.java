package io.scratchbird.types;

import java.util.Arrays;

/**
 * A ScratchBird {@code vector} value (OID 16386): an immutable dense array of finite 32-bit floats
 * with 1 to {@value #MAX_DIMENSIONS} dimensions. Input and output arrays are copied, so no caller
 * can change a value after the fact.
 *
 * <p>{@link #toString()} is the wire text form: {@code [1.0,2.5,-3.25]}, each element written by
 * {@link Float#toString(float)}, no spaces (spec 10.7).
 */
public final class Vector {

    /** The largest dimension accepted, a bound that also caps what a hostile literal can allocate. */
    public static final int MAX_DIMENSIONS = 16_000;

    private final float[] values;

    private Vector(float[] values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException when there are no elements, more than {@value #MAX_DIMENSIONS},
     *                                  or an element is NaN or infinite
     */
    public static Vector of(float... values) {
        if (values.length == 0 || values.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a vector has 1 to " + MAX_DIMENSIONS + " dimensions, got " + values.length);
        }
        float[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Float.isFinite(copy[i])) {
                throw new IllegalArgumentException("vector element " + i + " is " + copy[i] + "; elements must be finite");
            }
        }
        return new Vector(copy);
    }

    public int dimensions() {
        return values.length;
    }

    /** @throws IndexOutOfBoundsException unless {@code 0 <= index < dimensions()} */
    public float get(int index) {
        return values[index];
    }

    /** A fresh copy of the elements. */
    public float[] toArray() {
        return values.clone();
    }

    /** Element-wise, as {@link Arrays#equals(float[], float[])} (so {@code 0.0} differs from {@code -0.0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The wire text form, e.g. {@code [1.0,2.5,-3.25]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(values.length * 8 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
