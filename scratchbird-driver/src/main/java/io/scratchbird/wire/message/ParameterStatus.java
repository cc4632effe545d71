package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PARAMETER_STATUS (0x4F), P1 sessions only (spec 6.8): a counted list of
 * {@code lpstr name, u16 value_type, u8 flags, u32 length, value}. The decoder also accepts the
 * older single-pair layout ({@code lpstr name, lpstr value}) the upstream drivers tolerate.
 */
public record ParameterStatus(List<Entry> entries) implements ServerMessage {

    /** Each entry costs at least 11 bytes, which bounds the count a payload can justify. */
    private static final int MIN_ENTRY_SIZE = 11;

    public ParameterStatus {
        entries = List.copyOf(entries);
    }

    public static ParameterStatus of(Map<String, String> values) {
        List<Entry> list = new ArrayList<>();
        values.forEach((k, v) -> list.add(Entry.text(k, v)));
        return new ParameterStatus(list);
    }

    /** Name → value, later entries winning. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.name(), e.value());
        }
        return m;
    }

    @Override
    public MessageType type() {
        return MessageType.PARAMETER_STATUS;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.i32(entries.size());
        for (Entry e : entries) {
            out.lpstr(e.name()).u16(e.valueType()).u8(e.flags()).lpstr(e.value());
        }
    }

    public static ParameterStatus decode(PayloadReader r) {
        int start = r.position();
        int length = r.remaining();
        long reportStart = r.offset();
        try {
            int count = r.u32Bounded("entry_count", r.remaining() / MIN_ENTRY_SIZE);
            List<Entry> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = r.lpstr("entry[" + i + "].name");
                list.add(new Entry(name, r.u16("entry[" + i + "].value_type"), r.u8("entry[" + i + "].flags"),
                        r.lpstr("entry[" + i + "].value")));
            }
            r.expectEnd("PARAMETER_STATUS");
            return new ParameterStatus(list);
        } catch (WireFormatException counted) {
            PayloadReader legacy = new PayloadReader(r.array(), start, length, reportStart);
            try {
                Entry e = Entry.text(legacy.lpstr("name"), legacy.lpstr("value"));
                legacy.expectEnd("PARAMETER_STATUS (single pair)");
                return new ParameterStatus(List.of(e));
            } catch (WireFormatException ignored) {
                throw counted;
            }
        }
    }

    /** One entry; the server always sends value type 1 (text) and flags 0. */
    public record Entry(String name, int valueType, int flags, String value) {

        public static final int TEXT = 1;
        public static final int FLAG_DEFAULTED = 1;

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        public static Entry text(String name, String value) {
            return new Entry(name, TEXT, 0, value);
        }
    }
}
