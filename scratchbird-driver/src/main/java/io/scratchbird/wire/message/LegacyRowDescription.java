package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ROW_DESCRIPTION (0x44) in the legacy layout (spec 7.2): {@code u16} column count, 2 reserved
 * bytes, then per column name, table OID, index, type OID, size, modifier, format (0 = text) and
 * nullability.
 */
public record LegacyRowDescription(List<Column> columns) implements ServerMessage {

    /** Smallest column entry: empty name (4) + 20 fixed bytes. */
    private static final int MIN_COLUMN_SIZE = 24;

    public LegacyRowDescription {
        columns = List.copyOf(columns);
        if (columns.size() > 0xFFFF) {
            throw new IllegalArgumentException("legacy column count is a u16");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.ROW_DESCRIPTION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(columns.size()).u16(0);
        for (Column c : columns) {
            out.lpstr(c.name()).i32(c.tableOid()).u16(c.columnIndex()).i32(c.typeOid()).u16(c.typeSize())
                    .i32(c.typeModifier()).u8(c.format()).u8(c.nullable()).u16(0);
        }
    }

    public static LegacyRowDescription decode(PayloadReader r) {
        int count = r.u16("column_count");
        r.skip(2, "reserved");
        List<Column> cols = new ArrayList<>(Math.min(count, r.remaining() / MIN_COLUMN_SIZE));
        for (int i = 0; i < count; i++) {
            String f = "column[" + i + "]";
            String name = r.lpstr(f + ".name");
            Column c = new Column(name, r.i32(f + ".table_oid"), r.u16(f + ".column_index"), r.i32(f + ".type_oid"),
                    r.i16(f + ".type_size"), r.i32(f + ".type_modifier"), r.u8(f + ".format"), r.u8(f + ".nullable"));
            r.skip(2, f + ".reserved");
            cols.add(c);
        }
        r.expectEnd("ROW_DESCRIPTION (legacy)");
        return new LegacyRowDescription(cols);
    }

    /** One legacy column; {@code format} 0 = text, 1 = binary. */
    public record Column(String name, int tableOid, int columnIndex, int typeOid, short typeSize, int typeModifier,
                         int format, int nullable) {
        public Column {
            Objects.requireNonNull(name, "name");
        }
    }
}
