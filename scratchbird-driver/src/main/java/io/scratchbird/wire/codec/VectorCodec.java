package io.scratchbird.wire.codec;

import io.scratchbird.types.Vector;

import java.util.Arrays;

/**
 * ScratchBird's {@code vector} (OID 16386): text {@code [1.0,2.5,-3.25]} ({@link Vector#toString()}),
 * binary the same text length-prefixed (spec 10.7: text, not a float32 array). Reading ignores
 * blanks and accepts any decimal or exponent form ({@code 1e-05}); elements must be finite and
 * the dimension 1 to {@value Vector#MAX_DIMENSIONS}, checked while reading so a hostile literal
 * cannot make it allocate more.
 */
final class VectorCodec extends TextBackedCodec<Vector> {

    VectorCodec() {
        super(TypeOids.VECTOR, "vector", Vector.class);
    }

    @Override
    String encodeTextValue(Vector value) {
        return value.toString();
    }

    @Override
    Vector decodeTextValue(String text) {
        float[] canonical = CanonicalVectorText.parse(text);
        if (canonical != null) {
            return Vector.of(canonical);
        }
        TextCursor c = new TextCursor(typeName(), text);
        c.skipSpaces();
        c.expect('[');
        c.skipSpaces();
        if (c.peek() == ']') {
            throw c.error("a vector needs at least one element");
        }
        float[] values = new float[16];
        int count = 0;
        do {
            c.skipSpaces();
            if (count == Vector.MAX_DIMENSIONS) {
                throw c.error("more than " + Vector.MAX_DIMENSIONS + " dimensions");
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, Math.min(Vector.MAX_DIMENSIONS, count * 2));
            }
            values[count++] = element(c);
            c.skipSpaces();
        } while (c.accept(','));
        c.expect(']');
        c.skipSpaces();
        c.expectEnd();
        return Vector.of(Arrays.copyOf(values, count));
    }

    private float element(TextCursor c) {
        int start = c.position();
        c.skipUntil(",]");
        if (FloatText.special(c.text().substring(start, c.position())) != null) {
            throw c.errorAt(start, "vector elements must be finite");
        }
        return FloatText.parseFloat(typeName(), c.text(), start, c.position());
    }
}
