package io.scratchbird.wire.golden;

import io.scratchbird.wire.Layout;
import tools.jackson.databind.JsonNode;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One frame of a golden vector file: where it sits, who sent it, its exact bytes and its
 * documented header and payload fields.
 */
record VectorFrame(String file, String path, boolean fromClient, String messageName, int messageCode, byte[] bytes,
                   Map<String, JsonNode> header, Map<String, JsonNode> payload) {

    static VectorFrame of(String file, String path, JsonNode frame) {
        String message = frame.get("message").asString();
        int code = Integer.parseInt(message.substring(message.indexOf("(0x") + 3, message.indexOf(')')), 16);
        String name = message.substring(0, message.indexOf(" (")).trim();
        return new VectorFrame(file, path, frame.get("direction").asString().startsWith("client"), name, code,
                HexFormat.of().parseHex(frame.get("hex").asString()), index(frame.get("header")),
                index(frame.get("payload_fields")));
    }

    private static Map<String, JsonNode> index(JsonNode fields) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (fields != null) {
            for (JsonNode f : fields) {
                m.put(f.get("field").asString(), f);
            }
        }
        return m;
    }

    /** Vector 05 documents the legacy layouts under {@code legacy_layout}; everything else is P1. */
    Layout layout() {
        return path.contains("legacy_layout") ? Layout.LEGACY : Layout.P1;
    }

    VectorFields headerFields() {
        return new VectorFields(this, header);
    }

    VectorFields payloadFields() {
        return new VectorFields(this, payload);
    }

    @Override
    public String toString() {
        return file + " " + path + " " + messageName;
    }
}
