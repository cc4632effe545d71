package io.scratchbird.embedded.storage;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The float kernels of the HNSW index: squared L2 distance and dot product over equal-length
 * arrays. With the JDK's Vector API present ({@code --add-modules jdk.incubator.vector}, available
 * from Java 17 on) they run on SIMD lanes ({@link SimdVectorMath}), several times faster for
 * 768-dimension embeddings; without it, on an unrolled scalar loop. The choice is made once, at
 * class initialisation. Results may differ from a sequential sum in the last bits (the lanes add in
 * a different order): they rank graph candidates; the exact order of a result always comes from
 * storage's own distance functions.
 */
final class VectorMath {

    private static final Logger LOG = Logger.getLogger(VectorMath.class.getName());

    /** The two kernels one implementation provides. */
    interface Kernels {
        float squareDistance(float[] a, float[] b);

        float dot(float[] a, float[] b);

        /** Σ (q[i] − c[i])² for a query in code units ({@link VectorQuantizer#scale}) and 7-bit codes. */
        float squareDistance(float[] q, byte[] c);

        /** Σ q[i]·c[i] over a query and 7-bit codes. */
        float dot(float[] q, byte[] c);
    }

    static final Kernels KERNELS = load();

    private VectorMath() {
    }

    static float squareDistance(float[] a, float[] b) {
        return KERNELS.squareDistance(a, b);
    }

    static float dot(float[] a, float[] b) {
        return KERNELS.dot(a, b);
    }

    static float squareDistance(float[] q, byte[] c) {
        return KERNELS.squareDistance(q, c);
    }

    static float dot(float[] q, byte[] c) {
        return KERNELS.dot(q, c);
    }

    /** Whether the SIMD kernels are in use (logged once, shown by the benchmark). */
    static boolean simd() {
        return !(KERNELS instanceof Scalar);
    }

    private static Kernels load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("scratchbird.vector.scalar")) {
            try {
                Kernels simd = (Kernels) Class.forName(VectorMath.class.getPackageName() + ".SimdVectorMath")
                        .getDeclaredConstructor().newInstance();
                LOG.fine("vector kernels: SIMD (jdk.incubator.vector)");
                return simd;
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.log(Level.FINE, "vector kernels: SIMD unavailable, using scalar", e);
            }
        }
        return new Scalar();
    }

    /** Four independent accumulators, so the loop is not one long dependency chain. */
    static final class Scalar implements Kernels {

        @Override
        public float squareDistance(float[] a, float[] b) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            int bound = a.length & ~3;
            for (; i < bound; i += 4) {
                float d0 = a[i] - b[i];
                float d1 = a[i + 1] - b[i + 1];
                float d2 = a[i + 2] - b[i + 2];
                float d3 = a[i + 3] - b[i + 3];
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            for (; i < a.length; i++) {
                float d = a[i] - b[i];
                s0 += d * d;
            }
            return (s0 + s1) + (s2 + s3);
        }

        @Override
        public float dot(float[] a, float[] b) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            int bound = a.length & ~3;
            for (; i < bound; i += 4) {
                s0 += a[i] * b[i];
                s1 += a[i + 1] * b[i + 1];
                s2 += a[i + 2] * b[i + 2];
                s3 += a[i + 3] * b[i + 3];
            }
            for (; i < a.length; i++) {
                s0 += a[i] * b[i];
            }
            return (s0 + s1) + (s2 + s3);
        }

        @Override
        public float squareDistance(float[] q, byte[] c) {
            float s0 = 0;
            float s1 = 0;
            int i = 0;
            int bound = q.length & ~1;
            for (; i < bound; i += 2) {
                float d0 = q[i] - c[i];
                float d1 = q[i + 1] - c[i + 1];
                s0 += d0 * d0;
                s1 += d1 * d1;
            }
            if (i < q.length) {
                float d = q[i] - c[i];
                s0 += d * d;
            }
            return s0 + s1;
        }

        @Override
        public float dot(float[] q, byte[] c) {
            float s0 = 0;
            float s1 = 0;
            int i = 0;
            int bound = q.length & ~1;
            for (; i < bound; i += 2) {
                s0 += q[i] * c[i];
                s1 += q[i + 1] * c[i + 1];
            }
            if (i < q.length) {
                s0 += q[i] * c[i];
            }
            return s0 + s1;
        }
    }
}
