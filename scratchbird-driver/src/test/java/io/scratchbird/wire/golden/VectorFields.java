package io.scratchbird.wire.golden;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.NullableText;
import tools.jackson.databind.JsonNode;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Typed access to the documented fields of one vector frame. Numbers and strings come from the
 * documented {@code value}; fields documented without a value (reserved blocks, hashes, raw
 * bytes) come from their {@code hex}.
 */
record VectorFields(VectorFrame frame, Map<String, JsonNode> fields) {

    JsonNode node(String name) {
        JsonNode n = fields.get(name);
        if (n == null) {
            throw new AssertionError(frame + ": the vector documents no field '" + name + "' (has " + fields.keySet() + ")");
        }
        return n;
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    long num(String name) {
        JsonNode v = node(name).get("value");
        if (v == null || !v.isNumber()) {
            throw new AssertionError(frame + ": field '" + name + "' has no numeric value");
        }
        return v.asLong();
    }

    int i(String name) {
        return (int) num(name);
    }

    String str(String name) {
        JsonNode v = node(name).get("value");
        if (v == null || v.isNull()) {
            throw new AssertionError(frame + ": field '" + name + "' has no string value");
        }
        return v.asString();
    }

    UUID uuid(String name) {
        return UUID.fromString(str(name));
    }

    /** UUID fields documented only by hex (all-zero ids) are read from their 16 bytes. */
    UUID uuidOrHex(String name) {
        JsonNode v = node(name).get("value");
        if (v != null && !v.isNull()) {
            return UUID.fromString(v.asString());
        }
        byte[] b = raw(name);
        if (b.length != 16) {
            throw new AssertionError(frame + ": field '" + name + "' is not 16 bytes");
        }
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
    }

    byte[] raw(String name) {
        return HexFormat.of().parseHex(node(name).get("hex").asString());
    }

    Bytes bytes(String name) {
        return Bytes.of(raw(name));
    }

    NullableText nullableText(String name) {
        return new NullableText(i(name + ".state"), str(name));
    }

    /** Number of entries documented as {@code prefix[0].…}, {@code prefix[1].…}, … */
    int count(String prefix) {
        int n = 0;
        while (hasPrefix(prefix + "[" + n + "]")) {
            n++;
        }
        return n;
    }

    private boolean hasPrefix(String p) {
        for (String k : fields.keySet()) {
            if (k.equals(p) || k.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }
}
