package io.scratchbird.wire.codec;

import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Vector;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The parameter values of golden vector 07 (a BIND of int8, text, jsonb and vector, all binary):
 * the codecs must produce exactly the documented value bytes, and read them back.
 */
class GoldenBindValuesTest {

    private static final String VECTOR_FILE = "/sbwp-vectors/07_bind_int8_text_jsonb_vector3.json";

    @Test
    void codecsProduceTheDocumentedParameterBytes() throws IOException {
        Map<String, String> hex = parameterBytes();
        assertEquals(4, hex.size(), () -> "documented parameters: " + hex.keySet());

        check(Codecs.INT8, 9_007_199_254_740_993L, hex.get("param[0].bytes"));
        check(Codecs.TEXT, "hello", hex.get("param[1].bytes"));
        check(Codecs.JSONB, Jsonb.of("{\"k\":[1,2]}"), hex.get("param[2].bytes"));
        check(Codecs.VECTOR, Vector.of(1.0f, 2.5f, -3.25f), hex.get("param[3].bytes"));
    }

    private static <T> void check(ValueCodec<T> codec, T value, String documentedHex) {
        assertNotNull(documentedHex);
        assertEquals(documentedHex, CodecAssertions.hex(codec.encodeBinary(value)), codec.typeName());
        assertEquals(value, codec.decodeBinary(CodecAssertions.hex(documentedHex)), codec.typeName());
    }

    /** Every documented {@code param[i].bytes} field of the BIND frame: field name to hex. */
    private static Map<String, String> parameterBytes() throws IOException {
        try (InputStream in = GoldenBindValuesTest.class.getResourceAsStream(VECTOR_FILE)) {
            assertNotNull(in, "missing test resource " + VECTOR_FILE);
            Map<String, String> out = new HashMap<>();
            collect(JsonMapper.builder().build().readTree(in), out);
            return out;
        }
    }

    private static void collect(JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.has("field") && node.has("hex")) {
            String field = node.get("field").asString();
            if (field.matches("param\\[\\d+]\\.bytes")) {
                out.put(field, node.get("hex").asString());
            }
        }
        for (JsonNode child : node) {
            collect(child, out);
        }
    }
}
