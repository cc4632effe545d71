package io.scratchbird.wire.golden;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads every frame of every golden vector file copied from {@code shared/spec/vectors}. */
final class GoldenVectors {

    static final List<String> FILES = List.of(
            "01_startup_alice_demo.json", "02_handshake_password_p1.json", "03_scram_sha256_exchange.json",
            "04_query_select_1.json", "05_result_int4_text_null.json", "06_error_unique_violation.json",
            "07_bind_int8_text_jsonb_vector3.json", "08_fail_closed_rejections.json", "09_ping_pong.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoldenVectors() {
    }

    static JsonNode read(String file) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream("/sbwp-vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource sbwp-vectors/" + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<VectorFrame> frames() {
        List<VectorFrame> out = new ArrayList<>();
        for (String f : FILES) {
            walk(f, "", read(f), out);
        }
        return out;
    }

    /** A frame is any object carrying {@code hex}, {@code message} and {@code direction}. */
    private static void walk(String file, String path, JsonNode node, List<VectorFrame> out) {
        if (node.isObject()) {
            if (node.has("hex") && node.has("message") && node.has("direction")) {
                out.add(VectorFrame.of(file, path, node));
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(file, path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, path + "[" + i + "]", node.get(i), out);
            }
        }
    }
}
