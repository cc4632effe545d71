package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.ValueFormatException;
import io.scratchbird.wire.codec.Codecs;
import org.h2.value.Value;
import org.h2.value.ValueCollectionBase;

/**
 * Vector functions (SQL-DIALECT.md 7.4). Vectors are stored as their text form {@code [1.0,2.0]};
 * arguments may also be SQL arrays of numbers. Distances are computed in double precision; a
 * dimension mismatch, and a zero vector for cosine distance, are refused (22000), never NaN.
 */
public final class VectorFunctions {

    private VectorFunctions() {
    }

    /** vector(text | array): the canonical text of the vector. */
    public static String vector(Value value) {
        return JsonFunctions.isNull(value) ? null : of(value).toString();
    }

    public static Double l2Distance(Value a, Value b) {
        float[][] v = pair(a, b);
        return v == null ? null : exactL2Distance(v[0], v[1]);
    }

    public static Double cosineDistance(Value a, Value b) {
        float[][] v = pair(a, b);
        if (v == null) {
            return null;
        }
        double d = exactCosineDistance(v[0], v[1]);
        if (Double.isNaN(d)) {
            throw new FunctionError("22000", SqlErrors.NUMERIC_DOMAIN, "cosine distance is not defined for a zero vector");
        }
        return d;
    }

    public static Double innerProduct(Value a, Value b) {
        float[][] v = pair(a, b);
        return v == null ? null : dot(v[0], v[1]);
    }

    // The arithmetic of the distance functions, shared with the HNSW index so that its ranking of
    // candidates is bit for bit the one storage computes (not aliases: their names differ).

    /** l2_distance of equal-length vectors, in double precision. */
    public static double exactL2Distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** cosine_distance of equal-length vectors, NaN when one is a zero vector. */
    public static double exactCosineDistance(float[] a, float[] b) {
        double na = length(a);
        double nb = length(b);
        return na == 0 || nb == 0 ? Double.NaN : 1 - dot(a, b) / (na * nb);
    }

    /** inner_product of equal-length vectors. */
    public static double exactInnerProduct(float[] a, float[] b) {
        return dot(a, b);
    }

    public static Double negativeInnerProduct(Value a, Value b) {
        Double p = innerProduct(a, b);
        return p == null ? null : -p;
    }

    public static Integer dims(Value v) {
        return JsonFunctions.isNull(v) ? null : of(v).dimensions();
    }

    public static Double norm(Value v) {
        return JsonFunctions.isNull(v) ? null : length(of(v).toArray());
    }

    /** The vector scaled to length 1 (a zero vector cannot be). */
    public static String l2Normalize(Value v) {
        if (JsonFunctions.isNull(v)) {
            return null;
        }
        float[] values = of(v).toArray();
        double n = length(values);
        if (n == 0) {
            throw new FunctionError("22000", SqlErrors.NUMERIC_DOMAIN, "a zero vector cannot be normalised");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] / n);
        }
        return Vector.of(values).toString();
    }

    /** subvector(v, start, count), start 1-based. */
    public static String subvector(Value v, Integer start, Integer count) {
        if (JsonFunctions.isNull(v) || start == null || count == null) {
            return null;
        }
        float[] values = of(v).toArray();
        if (start < 1 || count < 1 || start - 1 + (long) count > values.length) {
            throw new FunctionError("2202E", SqlErrors.REJECTED, "subvector(" + start + ", " + count
                    + ") is outside a vector of " + values.length + " dimensions");
        }
        return Vector.of(java.util.Arrays.copyOfRange(values, start - 1, start - 1 + count)).toString();
    }

    /** Domain check of the vector types: the text parses and, when {@code dimension > 0}, has that many elements. */
    public static Boolean check(String text, Integer dimension) {
        if (text == null) {
            return Boolean.TRUE;
        }
        Vector v = parse(text);
        if (dimension != null && dimension > 0 && v.dimensions() != dimension) {
            throw new FunctionError("22000", SqlErrors.REJECTED,
                    "expected " + dimension + " dimensions, not " + v.dimensions());
        }
        return Boolean.TRUE;
    }

    /** Parses vector text. */
    public static Vector parse(String text) {
        try {
            return Codecs.VECTOR.decodeText(text);
        } catch (ValueFormatException | IllegalArgumentException e) {
            throw new FunctionError("22P02", SqlErrors.REJECTED, "invalid input syntax for type vector: \"" + abbreviate(text) + "\"");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static Vector of(Value value) {
        if (value instanceof ValueCollectionBase array) {
            Value[] items = array.getList();
            float[] values = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                if (JsonFunctions.isNull(items[i])) {
                    throw new FunctionError("22004", SqlErrors.REJECTED, "array must not contain nulls");
                }
                values[i] = items[i].getFloat();
            }
            try {
                return Vector.of(values);
            } catch (IllegalArgumentException e) {
                throw new FunctionError("22000", SqlErrors.REJECTED, "a vector has 1 to " + Vector.MAX_DIMENSIONS
                        + " finite elements");
            }
        }
        // A query vector is the same text object on every row of a scan: parse it once per thread.
        String text = value.getString();
        Object[] last = LAST_PARSED.get();
        if (last[0] == text) {
            return (Vector) last[1];
        }
        Vector vector = parse(text);
        last[0] = text;
        last[1] = vector;
        return vector;
    }

    /** The last text {@link #of} parsed on this thread (compared by identity) and its vector. */
    private static final ThreadLocal<Object[]> LAST_PARSED = ThreadLocal.withInitial(() -> new Object[2]);

    private static float[][] pair(Value a, Value b) {
        if (JsonFunctions.isNull(a) || JsonFunctions.isNull(b)) {
            return null;
        }
        float[] x = of(a).toArray();
        float[] y = of(b).toArray();
        if (x.length != y.length) {
            throw new FunctionError("22000", SqlErrors.REJECTED, "different vector dimensions " + x.length + " and " + y.length);
        }
        return new float[][] {x, y};
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** Euclidean length (a private name: H2 maps every public overload of an alias's method). */
    private static double length(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
