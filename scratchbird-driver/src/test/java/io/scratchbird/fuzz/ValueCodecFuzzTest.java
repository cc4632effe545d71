package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.wire.ValueFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.ValueCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * Every value codec's decoders (text and binary) on arbitrary bytes: what a DATA_ROW cell from a
 * hostile server, or a BIND value from a hostile client, can contain. The only allowed failure is
 * {@link ValueFormatException}; a value that decodes must re-encode without failing.
 */
class ValueCodecFuzzTest {

    private static final List<ValueCodec<?>> CODECS = new ArrayList<>(Codecs.all());

    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) {
        ValueCodec<?> codec = CODECS.get(data.consumeInt(0, CODECS.size() - 1));
        int format = data.consumeBoolean() ? ValueCodec.FORMAT_BINARY : ValueCodec.FORMAT_TEXT;
        byte[] value = data.consumeRemainingAsBytes();
        roundTrip(codec, format, value);
    }

    private static <T> void roundTrip(ValueCodec<T> codec, int format, byte[] value) {
        T decoded;
        try {
            decoded = codec.decode(format, value, 0, value.length);
        } catch (ValueFormatException expected) {
            return;
        }
        if (decoded == null) {
            throw new AssertionError(codec.typeName() + " decoded to null");
        }
        try {
            codec.encode(format, decoded);
        } catch (ValueFormatException | IllegalArgumentException e) {
            // Some decoded values are legal to read but out of range to write (e.g. infinity forms);
            // the encoder must still refuse them with its documented exceptions, not crash.
        }
    }
}
