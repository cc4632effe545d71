package io.scratchbird.demo.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Deterministic text embeddings without a model download: each word (and each pair of adjacent
 * letters, so "chair" and "chairs" stay close) is hashed into one of {@link #DIMENSIONS} buckets
 * with a sign, and the vector is normalised to length 1. Crude, but similar texts get similar
 * vectors, which is all the demo's "similar products" needs.
 */
public final class Embeddings {

    public static final int DIMENSIONS = 32;

    private Embeddings() {
    }

    public static float[] of(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            add(v, word, 1.0f);
            for (int i = 0; i + 2 <= word.length(); i++) {
                add(v, "#" + word.substring(i, i + 2), 0.25f);
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void add(float[] v, String token, float weight) {
        CRC32 crc = new CRC32();
        crc.update(token.getBytes(StandardCharsets.UTF_8));
        long h = crc.getValue();
        v[(int) (h % DIMENSIONS)] += ((h >>> 16) & 1) == 0 ? weight : -weight;
    }
}
