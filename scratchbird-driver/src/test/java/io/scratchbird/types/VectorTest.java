package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorTest {

    @Test
    void holdsItsElements() {
        Vector v = Vector.of(1f, 2.5f, -3.25f);
        assertEquals(3, v.dimensions());
        assertEquals(2.5f, v.get(1));
        assertArrayEquals(new float[] {1f, 2.5f, -3.25f}, v.toArray());
        assertEquals("[1.0,2.5,-3.25]", v.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(3));
    }

    @Test
    void isImmutable() {
        float[] input = {1f, 2f};
        Vector v = Vector.of(input);
        input[0] = 99f;
        v.toArray()[1] = 99f;
        assertEquals(Vector.of(1f, 2f), v);
    }

    @Test
    void equalityIsByContent() {
        assertEquals(Vector.of(1f, 2f), Vector.of(1f, 2f));
        assertEquals(Vector.of(1f, 2f).hashCode(), Vector.of(1f, 2f).hashCode());
        assertNotEquals(Vector.of(1f, 2f), Vector.of(2f, 1f));
        assertNotEquals(Vector.of(0f), Vector.of(-0f));
        assertNotEquals(Vector.of(1f), "[1.0]");
    }

    @Test
    void rejectsInvalidConstruction() {
        assertThrows(IllegalArgumentException.class, Vector::of);
        assertThrows(IllegalArgumentException.class, () -> Vector.of(new float[Vector.MAX_DIMENSIONS + 1]));
        assertThrows(IllegalArgumentException.class, () -> Vector.of(1f, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> Vector.of(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Vector.of(Float.NEGATIVE_INFINITY));
        assertThrows(NullPointerException.class, () -> Vector.of((float[]) null));
        assertEquals(Vector.MAX_DIMENSIONS, Vector.of(new float[Vector.MAX_DIMENSIONS]).dimensions());
    }
}
