package io.scratchbird.embedded.session;

import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.LegacyStartup;
import io.scratchbird.wire.message.Startup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a STARTUP payload in the exact order and with the exact texts of spec 6.4, and
 * negotiates the protocol version and features (spec 5.2). The fixed 84-byte prefix is checked
 * before the connect keys are parsed, so a bad version window is reported as such even when
 * the keys are also malformed.
 */
final class StartupNegotiation {

    static final String INVALID_PAYLOAD = "NATIVE_WIRE.CONNECT_INVALID_PAYLOAD";

    /** Connect keys the server admits (spec 6.2). */
    static final Set<String> ADMITTED_KEYS = Set.of("application_name", "auth_forbidden_methods", "auth_method_id",
            "auth_method_payload", "auth_payload_b64", "auth_payload_json", "auth_provider_profile", "auth_required_methods",
            "auth_require_channel_binding", "calendar", "charset", "client_flags", "client_encoding", "database",
            "decimal_locale", "default_catalog", "default_schema", "keepalive_interval_ms", "keepalive_timeout_ms",
            "language", "proxy_principal_assertion", "role", "statement_timeout_ms", "timezone", "time_zone",
            "traceparent", "tracestate", "user", "workload_identity_token");

    /** Keys echoed in the startup PARAMETER_STATUS, in this order, when present. */
    static final String[] ECHOED_KEYS = {"client_encoding", "charset", "timezone", "time_zone", "application_name",
            "default_schema", "default_catalog"};

    /** What a successful STARTUP established. */
    record Result(Layout layout, int selectedVersion, long negotiatedFeatures, Map<String, String> parameters) {
        String user() {
            return parameters.getOrDefault("user", "");
        }
    }

    private final long supportedFeatures;

    StartupNegotiation(long supportedFeatures) {
        this.supportedFeatures = supportedFeatures;
    }

    Result negotiate(byte[] payload) throws ProtocolFailure {
        if (!Startup.isP1(payload)) {
            return legacy(payload);
        }
        PayloadReader head = PayloadReader.ofPayload(payload);
        int min = head.u16("protocol_min_version");
        int max = head.u16("protocol_max_version");
        int connectFlags = head.i32("connect_flags");
        long client = head.i64("client_feature_bitmap");
        long required = head.i64("required_feature_bitmap");
        if (min > max) {
            throw refuse("08P01", "SBWP.VERSION.NO_COMMON_VERSION", "startup protocol_min_version is greater than protocol_max_version");
        }
        if (max < Startup.VERSION_1_0 || min > Startup.VERSION_1_1) {
            throw refuse("08P01", "SBWP.VERSION.NO_COMMON_VERSION", "client and server protocol version windows do not overlap");
        }
        if ((connectFlags & ~0x1F) != 0) {
            throw refuse("08P01", INVALID_PAYLOAD, "startup connect_flags contains reserved bits");
        }
        if ((connectFlags & 0x11) == 0x11) {
            throw refuse("08P01", INVALID_PAYLOAD, "dormant reattach and multiplex connect flags are mutually exclusive");
        }
        int selected = Math.min(max, Startup.VERSION_1_1);
        long supported = supportedFeatures;
        if (selected < Startup.VERSION_1_1) {
            if ((required & FeatureBits.P1_ONLY) != 0) {
                throw refuse("0A000", "SBWP.FEATURE.REQUIRED_UNSUPPORTED",
                        "required P1 native-wire feature is unavailable on the selected downgraded version");
            }
            supported &= ~FeatureBits.P1_ONLY;
        }
        if ((required & ~FeatureBits.KNOWN_CORE) != 0) {
            throw refuse("08P01", "SBWP.FEATURE.UNKNOWN_REQUIRED", "startup required an unknown core feature bit");
        }
        if ((required & ~client) != 0) {
            throw refuse("08P01", INVALID_PAYLOAD, "startup required a feature absent from client_feature_bitmap");
        }
        if ((required & ~supported) != 0) {
            throw refuse("0A000", "SBWP.FEATURE.REQUIRED_UNSUPPORTED", "startup required a core feature this parser route does not support");
        }
        Map<String, String> params = connectKeys(payload);
        return new Result(Layout.P1, selected, client & supported, params);
    }

    /** Rows 9-17 of spec 6.4: the connect keys and extension offers after the fixed prefix. */
    private static Map<String, String> connectKeys(byte[] payload) throws ProtocolFailure {
        PayloadReader r = PayloadReader.ofPayload(payload);
        r.skip(80, "fixed prefix");
        long keyCount = r.u32("connect_key_count");
        if (keyCount > Startup.MAX_CONNECT_KEYS) {
            throw refuse("08P01", INVALID_PAYLOAD, "startup connect key count exceeds the protocol limit");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyCount; i++) {
            String name;
            int valueType;
            int redaction;
            long length;
            try {
                name = r.lpstr("key.name");
                valueType = r.u8("key.value_type");
                redaction = r.u8("key.redaction_class");
                length = r.u32("key.value_length");
            } catch (WireFormatException e) {
                throw refuse("08P01", INVALID_PAYLOAD, "startup connect key payload is truncated");
            }
            boolean admitted = ADMITTED_KEYS.contains(name);
            if (length > r.remaining() || !admitted) {
                throw refuse("08P01", admitted ? INVALID_PAYLOAD : "NATIVE_WIRE.CONNECT_UNKNOWN_KEY",
                        "startup connect key is malformed or not in the admitted registry");
            }
            byte[] value = r.bytes((int) length, "key.value");
            if (redaction <= 2) {
                params.put(name, new Startup.ConnectKey(name, valueType, redaction, io.scratchbird.wire.Bytes.of(value)).textValue());
            }
        }
        if (r.remaining() < 4) {
            throw refuse("08P01", INVALID_PAYLOAD, "startup extension offer count is missing");
        }
        long extCount = r.u32("extension_offer_count");
        if (extCount > Startup.MAX_EXTENSION_OFFERS) {
            throw refuse("08P01", "SBWP.EXTENSION.REQUIRED_UNSUPPORTED", "startup extension offer count exceeds the protocol limit");
        }
        for (int i = 0; i < extCount; i++) {
            int flags;
            try {
                r.lpstr("extension.name");
                r.skip(6, "extension.versions");
                flags = r.i32("extension.flags");
            } catch (WireFormatException e) {
                throw refuse("08P01", "SBWP.EXTENSION.REQUIRED_UNSUPPORTED", "startup extension offer is truncated");
            }
            if ((flags & ~3) != 0 || flags == 3) {
                throw refuse("08P01", "SBWP.EXTENSION.REQUIRED_UNSUPPORTED", "startup extension flags are invalid");
            }
            if ((flags & Startup.ExtensionOffer.REQUIRED) != 0) {
                throw refuse("08P01", "SBWP.EXTENSION.UNKNOWN_REQUIRED", "startup required an extension with no selected registry row");
            }
        }
        if (r.hasRemaining()) {
            throw refuse("08P01", INVALID_PAYLOAD, "startup payload contains trailing bytes");
        }
        return params;
    }

    private static Result legacy(byte[] payload) throws ProtocolFailure {
        LegacyStartup s;
        try {
            s = LegacyStartup.decode(PayloadReader.ofPayload(payload));
        } catch (WireFormatException e) {
            throw refuse("08P01", INVALID_PAYLOAD, "legacy startup payload is malformed: " + e.detail());
        }
        Map<String, String> params = new LinkedHashMap<>();
        s.params().forEach(p -> params.put(p.key(), p.value()));
        return new Result(Layout.LEGACY, Startup.VERSION_1_1, 0, params);
    }

    private static ProtocolFailure refuse(String state, String message, String detail) {
        return ProtocolFailure.fatal(state, message, detail);
    }
}
