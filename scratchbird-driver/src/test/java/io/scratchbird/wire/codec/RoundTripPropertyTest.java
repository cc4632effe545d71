package io.scratchbird.wire.codec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * decode(encode(x)) == x in both wire forms for every codec: a few hundred seeded random values
 * plus each codec's edge cases (see {@link Samples}). The seed is derived from the type name so a
 * failure reproduces on its own.
 */
class RoundTripPropertyTest {

    private static final int RANDOM_VALUES = 300;

    @TestFactory
    Stream<DynamicTest> everyCodecRoundTripsEdgeCasesAndRandomValues() {
        return Samples.all().stream().map(kind -> DynamicTest.dynamicTest(kind.codec().typeName(), () -> check(kind)));
    }

    private static <T> void check(Samples.Kind<T> kind) {
        for (T edge : kind.edges()) {
            CodecAssertions.assertRoundTrip(kind.codec(), edge, kind.afterBinary(), Values::same);
        }
        Random random = new Random(kind.codec().typeName().hashCode());
        for (int i = 0; i < RANDOM_VALUES; i++) {
            CodecAssertions.assertRoundTrip(kind.codec(), kind.random().apply(random), kind.afterBinary(), Values::same);
        }
    }

    @Test
    void samplesCoverEveryRegisteredCodecButGeometry() {
        assertEquals(Codecs.all().size() - 1, Samples.all().size());
    }
}
