package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * STARTUP (0x01) in the P1 layout (spec 6.2): version window, connect flags, feature bitmaps,
 * three reserved 16-byte blocks, connect keys and extension offers. This decoder checks the
 * structure only; the server applies the semantic checks of spec 6.4 in their documented order.
 */
public record Startup(int minVersion, int maxVersion, int connectFlags, long clientFeatures, long requiredFeatures,
                      long optionalFeatures, Bytes reservedA, Bytes reservedB, Bytes reservedC,
                      List<ConnectKey> keys, List<ExtensionOffer> extensions) implements ClientMessage {

    public static final int VERSION_1_0 = 0x0100;
    public static final int VERSION_1_1 = 0x0101;
    public static final int MAX_CONNECT_KEYS = 256;
    public static final int MAX_EXTENSION_OFFERS = 64;
    static final int FIXED_SIZE = 84;

    public Startup {
        keys = List.copyOf(keys);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(reservedA, "reservedA");
        Objects.requireNonNull(reservedB, "reservedB");
        Objects.requireNonNull(reservedC, "reservedC");
    }

    /** A version-1.1 STARTUP with zero connect flags, no required features and zeroed reserved blocks. */
    public static Startup of(long clientFeatures, List<ConnectKey> keys) {
        return new Startup(VERSION_1_1, VERSION_1_1, 0, clientFeatures, 0, 0,
                Bytes.zeros(16), Bytes.zeros(16), Bytes.zeros(16), keys, List.of());
    }

    /** The server's structural classification (spec 6.2): P1 when ≥ 84 bytes and bytes 1 and 3 are ≤ 2. */
    public static boolean isP1(byte[] payload) {
        return payload.length >= FIXED_SIZE && (payload[1] & 0xFF) <= 2 && (payload[3] & 0xFF) <= 2;
    }

    /** The value of the last key with this name (later entries win), or {@code null}. */
    public String keyText(String name) {
        String found = null;
        for (ConnectKey k : keys) {
            if (k.name().equals(name)) {
                found = k.textValue();
            }
        }
        return found;
    }

    @Override
    public MessageType type() {
        return MessageType.STARTUP;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(minVersion).u16(maxVersion).i32(connectFlags)
                .i64(clientFeatures).i64(requiredFeatures).i64(optionalFeatures)
                .fixed(reservedA, 16, "reservedA").fixed(reservedB, 16, "reservedB").fixed(reservedC, 16, "reservedC")
                .i32(keys.size());
        for (ConnectKey k : keys) {
            out.lpstr(k.name()).u8(k.valueType()).u8(k.redactionClass()).i32(k.value().length()).bytes(k.value());
        }
        out.i32(extensions.size());
        for (ExtensionOffer e : extensions) {
            out.lpstr(e.name()).u16(e.major()).u16(e.minMinor()).u16(e.maxMinor()).i32(e.flags());
        }
    }

    public static Startup decode(PayloadReader r) {
        int min = r.u16("protocol_min_version");
        int max = r.u16("protocol_max_version");
        int flags = r.i32("connect_flags");
        long client = r.i64("client_feature_bitmap");
        long required = r.i64("required_feature_bitmap");
        long optional = r.i64("optional_feature_bitmap");
        Bytes a = r.fixed(16, "reserved_block_1");
        Bytes b = r.fixed(16, "reserved_block_2");
        Bytes c = r.fixed(16, "reserved_block_3");
        int keyCount = r.u32Bounded("connect_key_count", MAX_CONNECT_KEYS);
        List<ConnectKey> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            String name = r.lpstr("key[" + i + "].name");
            int valueType = r.u8("key[" + i + "].value_type");
            int redaction = r.u8("key[" + i + "].redaction_class");
            Bytes value = Bytes.of(r.lpbytes("key[" + i + "].value"));
            keys.add(new ConnectKey(name, valueType, redaction, value));
        }
        int extCount = r.u32Bounded("extension_offer_count", MAX_EXTENSION_OFFERS);
        List<ExtensionOffer> exts = new ArrayList<>(extCount);
        for (int i = 0; i < extCount; i++) {
            String name = r.lpstr("extension[" + i + "].name");
            exts.add(new ExtensionOffer(name, r.u16("extension[" + i + "].major"), r.u16("extension[" + i + "].min_minor"),
                    r.u16("extension[" + i + "].max_minor"), r.i32("extension[" + i + "].flags")));
        }
        r.expectEnd("STARTUP");
        return new Startup(min, max, flags, client, required, optional, a, b, c, keys, exts);
    }

    /**
     * One connect key. {@link #textValue()} applies the server's conversion of spec 6.2 (text,
     * unsigned integer, boolean, UUID).
     */
    public record ConnectKey(String name, int valueType, int redactionClass, Bytes value) {

        public static final int TYPE_TEXT = 0x01;
        public static final int TYPE_UNSIGNED = 0x02;
        public static final int TYPE_BOOLEAN = 0x03;
        public static final int TYPE_UUID = 0x04;
        /** Classes 0-2 are kept in the session map; 3 and above are validated and discarded. */
        public static final int REDACT_NONE = 0;
        public static final int REDACT_SECRET = 3;

        public ConnectKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        public static ConnectKey text(String name, String value) {
            return new ConnectKey(name, TYPE_TEXT, REDACT_NONE, Bytes.utf8(value));
        }

        public static ConnectKey secret(String name, String value) {
            return new ConnectKey(name, TYPE_TEXT, REDACT_SECRET, Bytes.utf8(value));
        }

        public boolean isSecret() {
            return redactionClass >= REDACT_SECRET;
        }

        public String textValue() {
            byte[] v = value.toArray();
            switch (valueType) {
                case TYPE_TEXT, 0x05, 0x06:
                    return new String(v, StandardCharsets.UTF_8);
                case TYPE_UNSIGNED:
                    if (v.length == 8) {
                        return Long.toUnsignedString(new PayloadReader(v).i64("value"));
                    }
                    return v.length == 4 ? Long.toString(new PayloadReader(v).u32("value")) : "";
                case TYPE_BOOLEAN:
                    return v.length > 0 && v[0] != 0 ? "true" : "false";
                case TYPE_UUID:
                    return v.length == 16 ? new PayloadReader(v).uuid("value").toString() : "";
                default:
                    return "";
            }
        }

        @Override
        public String toString() {
            return "ConnectKey[" + name + "=" + (isSecret() || name.contains("token") || name.contains("password")
                    ? "<redacted>" : textValue()) + "]";
        }
    }

    /** An extension offer; flags bit 0 = required, bit 1 = ignorable. */
    public record ExtensionOffer(String name, int major, int minMinor, int maxMinor, int flags) {
        public static final int REQUIRED = 1;
        public static final int IGNORABLE = 2;
    }

}
