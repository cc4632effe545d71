package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsBinary;
import static io.scratchbird.wire.codec.CodecAssertions.assertRejectsText;
import static io.scratchbird.wire.codec.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Corrupted and hostile input for every codec: truncated and extended encodings, random byte and
 * character mutations of valid values, pure noise. A decoder may accept what happens to be valid,
 * but must otherwise throw {@link ValueFormatException} naming its type and an offset inside the
 * input: never an index, null-pointer, number-format or date-time exception, never running out of
 * memory.
 */
class HostileInputTest {

    private static final int MUTATIONS = 150;

    @TestFactory
    Stream<DynamicTest> truncatedAndExtendedBinaryIsRejected() {
        return Samples.all().stream().map(kind -> DynamicTest.dynamicTest(kind.codec().typeName(), () -> {
            Random random = new Random(kind.codec().typeName().hashCode() + 1);
            for (int i = 0; i < 20; i++) {
                checkTruncations(kind, random);
            }
        }));
    }

    private static <T> void checkTruncations(Samples.Kind<T> kind, Random random) {
        ValueCodec<T> codec = kind.codec();
        byte[] valid = codec.encodeBinary(kind.next(random));
        for (int cut = 0; cut < valid.length; cut++) {
            // Every cut of small values; for large ones the first and last bytes and a sample between.
            if (cut > 16 && cut < valid.length - 16 && random.nextInt(valid.length / 32 + 1) != 0) {
                continue;
            }
            byte[] prefix = Arrays.copyOf(valid, cut);
            boolean timetzTimeOnly = codec == Codecs.TIMETZ && cut == 8; // the 8-byte form is valid (spec 10.4)
            if (!timetzTimeOnly) {
                assertRejectsBinary(codec, prefix);
            }
        }
        assertRejectsBinary(codec, Arrays.copyOf(valid, valid.length + 1));
    }

    @TestFactory
    Stream<DynamicTest> mutatedBinaryIsAcceptedOrRejectedCleanly() {
        return Samples.all().stream().map(kind -> DynamicTest.dynamicTest(kind.codec().typeName(), () -> {
            Random random = new Random(kind.codec().typeName().hashCode() + 2);
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = kind.nextBinary(random);
                mutateBytes(bytes, random);
                decodeOrReject(kind.codec(), bytes, () -> kind.codec().decodeBinary(bytes), hex(bytes));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> mutatedTextIsAcceptedOrRejectedCleanly() {
        return Samples.all().stream().map(kind -> DynamicTest.dynamicTest(kind.codec().typeName(), () -> {
            Random random = new Random(kind.codec().typeName().hashCode() + 3);
            for (int i = 0; i < MUTATIONS; i++) {
                String text = mutateText(kind.nextText(random), random);
                decodeOrReject(kind.codec(), text.length(), () -> kind.codec().decodeText(text), text);
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                if (utf8.length > 0) {
                    utf8[random.nextInt(utf8.length)] ^= (byte) (1 << random.nextInt(8)); // may break the UTF-8
                }
                decodeOrReject(kind.codec(), utf8.length, () -> kind.codec().decodeText(utf8, 0, utf8.length), hex(utf8));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> noiseIsAcceptedOrRejectedCleanly() {
        return Samples.all().stream().map(kind -> DynamicTest.dynamicTest(kind.codec().typeName(), () -> {
            Random random = new Random(kind.codec().typeName().hashCode() + 4);
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                decodeOrReject(kind.codec(), bytes, () -> kind.codec().decodeBinary(bytes), hex(bytes));
                String text = noiseText(random);
                decodeOrReject(kind.codec(), text.length(), () -> kind.codec().decodeText(text), text);
            }
        }));
    }

    @Test
    void hugeDeclaredLengthsAreRejectedBeforeAllocating() {
        for (Samples.Kind<?> kind : Samples.all()) {
            ValueCodec<?> codec = kind.codec();
            if (codec instanceof TextBackedCodec || codec == Codecs.BYTEA) {
                for (String prefix : new String[] {"ffffffff", "ffffff7f", "00000080"}) {
                    assertRejectsBinary(codec, hex(prefix + "00000000"));
                }
            }
        }
        assertRejectsBinary(Codecs.INT8RANGE, hex("10000000 ffffff7f 00"));
        assertRejectsBinary(Codecs.NUMRANGE, hex("00000000 08000000 ffffff7f 31 08000000 01000000 32"));
    }

    @Test
    void hostileLiteralsAreCheapToReject() {
        long start = System.nanoTime();
        assertRejectsText(Codecs.NUMERIC, "1e-2147483648");
        assertRejectsText(Codecs.NUMERIC, "1e2147483647");
        assertRejectsText(Codecs.NUMERIC, "1" + "0".repeat(NumericCodec.MAX_TEXT_LENGTH));
        assertRejectsText(Codecs.JSONB, "[".repeat(5_000_000));
        assertRejectsText(Codecs.JSON, "{\"a\":[".repeat(600));
        assertRejectsText(Codecs.TEXT_ARRAY, "{".repeat(5_000_000));
        assertRejectsText(Codecs.VECTOR, "[" + "0,".repeat(1_000_000) + "0]");
        assertRejectsText(Codecs.INT4, "9".repeat(1_000_000));
        assertRejectsText(Codecs.INTERVAL, "9".repeat(1_000_000) + " days");
        assertRejectsText(Codecs.INTERVAL, "PT1." + "9".repeat(1_000_000) + "S");
        assertRejectsText(Codecs.DATE, "9".repeat(1_000_000) + "-01-01");
        assertRejectsText(Codecs.INT4RANGE, "[" + "\"".repeat(1_000_001));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 5_000) {
            fail("rejecting hostile literals took " + millis + " ms");
        }
    }

    /** Runs the decoder; a rejection must be a well-formed {@link ValueFormatException}, anything else fails. */
    private static void decodeOrReject(ValueCodec<?> codec, long inputLength, Runnable decode, String input) {
        try {
            decode.run();
        } catch (ValueFormatException e) {
            CodecAssertions.assertWellFormed(codec, e, inputLength);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(codec.typeName() + " leaked " + e + " for input " + input, e);
        }
    }

    private static void decodeOrReject(ValueCodec<?> codec, byte[] bytes, Runnable decode, String input) {
        decodeOrReject(codec, bytes.length, decode, input);
    }

    private static void mutateBytes(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return;
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(bytes.length);
            bytes[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                case 2 -> (byte) 0xFF;
                default -> 0;
            };
        }
    }

    private static final String INTERESTING = "{}[](),\"\\ -+.:eE0129TZPtnf\u0000é😀";

    private static String mutateText(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, INTERESTING.charAt(random.nextInt(INTERESTING.length())));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String noiseText(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            sb.append(INTERESTING.charAt(random.nextInt(INTERESTING.length())));
        }
        return sb.toString();
    }

    @Test
    void wrongJavaTypesAndNullsAreRejectedNotCast() {
        @SuppressWarnings("unchecked")
        ValueCodec<Object> int4 = (ValueCodec<Object>) (ValueCodec<?>) Codecs.INT4;
        assertEquals("int4", CodecAssertions.assertRejectsEncoding(int4, "7").typeName());
        CodecAssertions.assertRejectsEncoding(Codecs.INT4, null);
        assertEquals(0, assertThrows(ValueFormatException.class, () -> Codecs.INT4.decodeText((String) null)).offset());
    }
}
