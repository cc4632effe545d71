package io.scratchbird.embedded.storage;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Seven-bit scalar quantization of one graph's vectors: every element maps to a code 0..127 on one
 * scale shared by the whole graph, fitted on the vectors present when the graph starts (the
 * central 99.8% of their elements). A graph search reads thousands of vectors scattered over the
 * heap, and at 768 dimensions the memory traffic, not the arithmetic, bounds it: a code vector is a
 * quarter of the floats. Scores from codes are estimates; candidates are ranked again on the exact
 * floats, and the final order comes from storage. Elements outside the fitted range are clamped and
 * counted, so the index can refit when the data has moved ({@link #clampedShare}).
 */
final class VectorQuantizer {

    static final int LEVELS = 127;

    /** Value of code 0. */
    final float low;
    /** Width of one code step. */
    final float step;
    private long encoded;
    private long clamped;

    private VectorQuantizer(float low, float step) {
        this.low = low;
        this.step = step;
    }

    /** Fitted on up to 2,000 of the vectors {@code 0 .. count-1}, sampled at random. */
    static VectorQuantizer fit(IntFunction<float[]> vectors, int count, int dimension) {
        int sample = Math.min(count, 2000);
        float[] values = new float[sample * dimension];
        Random random = new Random(count);
        for (int s = 0; s < sample; s++) {
            float[] v = vectors.apply(sample == count ? s : random.nextInt(count));
            System.arraycopy(v, 0, values, s * dimension, dimension);
        }
        Arrays.sort(values);
        int tail = (int) (values.length * 0.001);
        float low = values[tail];
        float high = values[values.length - 1 - tail];
        if (!(high > low)) {
            high = low + 1; // all equal: any positive step keeps them distinct from other values
        }
        return new VectorQuantizer(low, (high - low) / LEVELS);
    }

    byte[] encode(float[] v) {
        byte[] codes = new byte[v.length];
        int outside = 0;
        for (int i = 0; i < v.length; i++) {
            float code = Math.round((v[i] - low) / step);
            if (code < 0 || code > LEVELS) {
                outside++;
                code = code < 0 ? 0 : LEVELS;
            }
            codes[i] = (byte) code;
        }
        synchronized (this) {
            encoded += v.length;
            clamped += outside;
        }
        return codes;
    }

    /** Share of encoded elements that lay outside the fitted range. */
    synchronized double clampedShare() {
        return encoded == 0 ? 0 : (double) clamped / encoded;
    }

    /** A query in code units: squared L2 distance in floats is step² · Σ (scaled − code)². */
    float[] scale(float[] q) {
        float[] scaled = new float[q.length];
        float inverse = 1 / step;
        for (int i = 0; i < q.length; i++) {
            scaled[i] = (q[i] - low) * inverse;
        }
        return scaled;
    }

    /** Estimated q·v from the codes of v: low·Σq + step·Σ q·code. */
    float dot(float[] q, float sumOfQ, byte[] codes) {
        return low * sumOfQ + step * VectorMath.dot(q, codes);
    }

    /** Estimated squared L2 distance from a {@link #scale scaled} query to the codes of v. */
    float squareDistance(float[] scaledQuery, byte[] codes) {
        return step * step * VectorMath.squareDistance(scaledQuery, codes);
    }

    static float sum(float[] q) {
        float s = 0;
        for (float x : q) {
            s += x;
        }
        return s;
    }
}
