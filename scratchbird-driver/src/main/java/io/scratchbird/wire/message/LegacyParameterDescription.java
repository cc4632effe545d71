package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;

/** PARAMETER_DESCRIPTION (0x50), legacy layout: {@code u16 count}, 2 reserved bytes, {@code count × u32} OIDs. */
public record LegacyParameterDescription(List<Integer> typeOids) implements ServerMessage {

    public LegacyParameterDescription {
        typeOids = List.copyOf(typeOids);
    }

    @Override
    public MessageType type() {
        return MessageType.PARAMETER_DESCRIPTION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(typeOids.size()).u16(0);
        for (int oid : typeOids) {
            out.i32(oid);
        }
    }

    public static LegacyParameterDescription decode(PayloadReader r) {
        int count = r.u16("parameter_count");
        r.skip(2, "reserved");
        List<Integer> oids = new ArrayList<>(Math.min(count, r.remaining() / 4));
        for (int i = 0; i < count; i++) {
            oids.add(r.i32("parameter_oid[" + i + "]"));
        }
        r.expectEnd("PARAMETER_DESCRIPTION (legacy)");
        return new LegacyParameterDescription(oids);
    }
}
