package io.scratchbird.embedded.storage;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The HNSW index's float kernels: SIMD against scalar, and the 7-bit quantizer's estimates. */
class VectorMathTest {

    private final Random random = new Random(11);

    private float[] floats(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    private byte[] codes(int n) {
        byte[] c = new byte[n];
        for (int i = 0; i < n; i++) {
            c[i] = (byte) random.nextInt(VectorQuantizer.LEVELS + 1);
        }
        return c;
    }

    /** Equal up to float rounding of a sum whose terms have magnitude {@code scale} in all. */
    private static void close(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, 1e-5 * scale + 1e-6, what);
    }

    private static double magnitude(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m += Math.abs((double) a[i] * b[i]) + (double) a[i] * a[i] + (double) b[i] * b[i];
        }
        return m;
    }

    private static float[] widen(byte[] c) {
        float[] f = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            f[i] = c[i];
        }
        return f;
    }

    @Test
    void simdKernelsAgreeWithTheScalarOnesForEveryLengthAndTail() {
        // this module's tests run with the Vector API (surefire adds the module): the SIMD path is the one under test
        assertTrue(VectorMath.simd(), "SIMD kernels in use");
        VectorMath.Kernels scalar = new VectorMath.Scalar();
        for (int n = 1; n <= 130; n++) {
            checkLength(scalar, n);
        }
        checkLength(scalar, 768);
        checkLength(scalar, 1536);
    }

    private void checkLength(VectorMath.Kernels scalar, int n) {
        float[] a = floats(n, 3);
        float[] b = floats(n, 3);
        byte[] c = codes(n);
        float[] q = floats(n, 40);
        double ab = magnitude(a, b);
        double qc = magnitude(q, widen(c));
        close(scalar.squareDistance(a, b), VectorMath.squareDistance(a, b), ab, "l2 " + n);
        close(scalar.dot(a, b), VectorMath.dot(a, b), ab, "dot " + n);
        close(scalar.squareDistance(q, c), VectorMath.squareDistance(q, c), qc, "l2 codes " + n);
        close(scalar.dot(q, c), VectorMath.dot(q, c), qc, "dot codes " + n);
        double exact = 0;
        for (int i = 0; i < n; i++) {
            exact += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        close(exact, VectorMath.squareDistance(a, b), ab, "l2 against double " + n);
    }

    @Test
    void quantizedEstimatesStayCloseToTheFloatsAndOutliersAreCounted() {
        int dim = 768;
        float[][] data = new float[500][];
        for (int i = 0; i < data.length; i++) {
            data[i] = floats(dim, 1);
        }
        VectorQuantizer quantizer = VectorQuantizer.fit(i -> data[i], data.length, dim);
        float[] q = floats(dim, 1);
        float[] scaled = quantizer.scale(q);
        float sumOfQ = VectorQuantizer.sum(q);
        double dotErrors = 0;
        for (int i = 0; i < 50; i++) {
            byte[] codes = quantizer.encode(data[i]);
            double l2 = VectorMath.squareDistance(q, data[i]);
            double dot = VectorMath.dot(q, data[i]);
            // one code step is (high-low)/127 ≈ 0.05 here: an element is off by at most half of it
            // (more where clamped), so a 768-term dot product by about 0.4 (its sd), against a spread of √768
            assertEquals(l2, quantizer.squareDistance(scaled, codes), 0.03 * l2, "l2 estimate");
            double estimate = quantizer.dot(q, sumOfQ, codes);
            assertEquals(dot, estimate, 0.15 * Math.sqrt(dim), "dot estimate");
            dotErrors += Math.abs(dot - estimate);
        }
        assertTrue(dotErrors / 50 < 1.0, "mean dot error " + dotErrors / 50);
        assertTrue(quantizer.clampedShare() < 0.005, "the fitted range holds the data: " + quantizer.clampedShare());
        float[] far = new float[dim];
        java.util.Arrays.fill(far, 100f);
        byte[] clamped = quantizer.encode(far);
        assertEquals(VectorQuantizer.LEVELS, clamped[0]);
        assertTrue(quantizer.clampedShare() > 0.01, "outliers counted");
        // all-equal data still gets a usable step
        VectorQuantizer flat = VectorQuantizer.fit(i -> new float[] {2, 2, 2}, 10, 3);
        assertTrue(flat.step > 0);
    }
}
