package io.scratchbird.embedded.storage;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorMath}'s kernels on the Vector API: the widest lanes the CPU has, fused multiply-add,
 * two accumulators, a scalar tail. Loaded only when {@code jdk.incubator.vector} is in the boot layer.
 */
final class SimdVectorMath implements VectorMath.Kernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** As many bytes as {@link #SPECIES} has lanes: one load widens to one float vector. */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.vectorBitSize() / 4));

    @Override
    public float squareDistance(float[] a, float[] b) {
        int step = SPECIES.length();
        int i = 0;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        int bound2 = a.length - 2 * step;
        for (; i <= bound2; i += 2 * step) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, i));
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, i + step).sub(FloatVector.fromArray(SPECIES, b, i + step));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        for (; i <= a.length - step; i += step) {
            FloatVector d = FloatVector.fromArray(SPECIES, a, i).sub(FloatVector.fromArray(SPECIES, b, i));
            acc0 = d.fma(d, acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            float d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float dot(float[] a, float[] b) {
        int step = SPECIES.length();
        int i = 0;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        int bound2 = a.length - 2 * step;
        for (; i <= bound2; i += 2 * step) {
            acc0 = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), acc0);
            acc1 = FloatVector.fromArray(SPECIES, a, i + step).fma(FloatVector.fromArray(SPECIES, b, i + step), acc1);
        }
        for (; i <= a.length - step; i += step) {
            acc0 = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, i), acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static FloatVector codes(byte[] c, int i) {
        return (FloatVector) ByteVector.fromArray(BYTES, c, i).convertShape(VectorOperators.B2F, SPECIES, 0);
    }

    @Override
    public float squareDistance(float[] q, byte[] c) {
        int step = SPECIES.length();
        int i = 0;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        for (; i <= q.length - 2 * step; i += 2 * step) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, q, i).sub(codes(c, i));
            FloatVector d1 = FloatVector.fromArray(SPECIES, q, i + step).sub(codes(c, i + step));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        for (; i <= q.length - step; i += step) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, i).sub(codes(c, i));
            acc0 = d.fma(d, acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < q.length; i++) {
            float d = q[i] - c[i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float dot(float[] q, byte[] c) {
        int step = SPECIES.length();
        int i = 0;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        for (; i <= q.length - 2 * step; i += 2 * step) {
            acc0 = FloatVector.fromArray(SPECIES, q, i).fma(codes(c, i), acc0);
            acc1 = FloatVector.fromArray(SPECIES, q, i + step).fma(codes(c, i + step), acc1);
        }
        for (; i <= q.length - step; i += step) {
            acc0 = FloatVector.fromArray(SPECIES, q, i).fma(codes(c, i), acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < q.length; i++) {
            sum += q[i] * c[i];
        }
        return sum;
    }
}
