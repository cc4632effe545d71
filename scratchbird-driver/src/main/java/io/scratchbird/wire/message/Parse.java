package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PARSE (0x04), spec 8.1: statement name, SQL text, {@code u16 param_type_count}, 2 reserved
 * bytes, and that many parameter type OIDs. Like the server, the decoder tolerates a short OID list.
 */
public record Parse(String statementName, String sql, List<Integer> paramTypeOids) implements ClientMessage {

    public Parse {
        Objects.requireNonNull(statementName, "statementName");
        Objects.requireNonNull(sql, "sql");
        paramTypeOids = List.copyOf(paramTypeOids);
        if (paramTypeOids.size() > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 parameters, got " + paramTypeOids.size());
        }
    }

    @Override
    public MessageType type() {
        return MessageType.PARSE;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(statementName).lpstr(sql).u16(paramTypeOids.size()).u16(0);
        for (int oid : paramTypeOids) {
            out.i32(oid);
        }
    }

    public static Parse decode(PayloadReader r) {
        String name = r.lpstr("statement_name");
        String sql = r.lpstr("sql");
        int count = r.u16("param_type_count");
        r.skip(2, "reserved");
        int present = Math.min(count, r.remaining() / 4);
        List<Integer> oids = new ArrayList<>(present);
        for (int i = 0; i < present; i++) {
            oids.add(r.i32("param_type_oid[" + i + "]"));
        }
        return new Parse(name, sql, oids);
    }
}
