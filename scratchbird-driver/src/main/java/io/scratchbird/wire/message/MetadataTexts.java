package io.scratchbird.wire.message;

import io.scratchbird.wire.NullableText;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Reads and writes the optional metadata texts selected by a descriptor's metadata bitmap. */
final class MetadataTexts {

    private MetadataTexts() {
    }

    static Map<MetadataText, NullableText> read(PayloadReader r, long bitmap, MetadataText[] order, String field) {
        Map<MetadataText, NullableText> out = new EnumMap<>(MetadataText.class);
        for (MetadataText t : order) {
            if ((bitmap & t.mask()) != 0) {
                out.put(t, r.nullableText(field + "." + t.name().toLowerCase()));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static void write(PayloadWriter w, long bitmap, Map<MetadataText, NullableText> texts, MetadataText[] order) {
        for (MetadataText t : order) {
            if ((bitmap & t.mask()) != 0) {
                w.nullableText(texts.getOrDefault(t, NullableText.absent()));
            }
        }
    }

    /** Bitmap bits implied by the texts that are present, for the given order. */
    static long bitsOf(Map<MetadataText, NullableText> texts) {
        long bits = 0;
        for (MetadataText t : texts.keySet()) {
            bits |= t.mask();
        }
        return bits;
    }

    static Map<MetadataText, NullableText> copy(Map<MetadataText, NullableText> texts) {
        return texts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(texts));
    }
}
