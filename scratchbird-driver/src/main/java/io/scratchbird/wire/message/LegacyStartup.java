package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * STARTUP (0x01) in the legacy layout (spec 6.3): a 12-byte prefix the server ignores
 * ({@code u8 1, u8 1, u16 0, u64 features} as the drivers' encoder writes it), then
 * {@code cstr key, cstr value} pairs ended by an empty key or by the end of the payload. It
 * negotiates no features and selects the legacy READY / ROW_DESCRIPTION / PARAMETER_DESCRIPTION
 * layouts. Only payloads shorter than 84 bytes are recognised as legacy.
 */
public record LegacyStartup(int major, int minor, int reserved, long features, List<Param> params)
        implements ClientMessage {

    public LegacyStartup {
        params = List.copyOf(params);
    }

    public static LegacyStartup of(List<Param> params) {
        return new LegacyStartup(1, 1, 0, 0, params);
    }

    public String param(String key) {
        String found = null;
        for (Param p : params) {
            if (p.key().equals(key)) {
                found = p.value();
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
        out.u8(major).u8(minor).u16(reserved).i64(features);
        for (Param p : params) {
            out.cstr(p.key()).cstr(p.value());
        }
        out.u8(0);
    }

    public static LegacyStartup decode(PayloadReader r) {
        int major = r.u8("legacy.major");
        int minor = r.u8("legacy.minor");
        int reserved = r.u16("legacy.reserved");
        long features = r.i64("legacy.features");
        List<Param> params = new ArrayList<>();
        while (r.hasRemaining()) {
            String key = r.cstr("param[" + params.size() + "].key");
            if (key.isEmpty()) {
                break;
            }
            params.add(new Param(key, r.cstr("param[" + params.size() + "].value")));
        }
        return new LegacyStartup(major, minor, reserved, features, params);
    }

    public record Param(String key, String value) {
        public Param {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
