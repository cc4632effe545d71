package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.NullableText;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An array-bind BIND packet (P1 only, feature bit 16; spec 8.9): slot descriptors for the
 * parameters, then rows of cells, so one BIND carries a whole batch. It is sent with message
 * type BIND and recognised by its first four bytes {@code 01 00 00 01}. The decoder enforces the
 * structural rules (zero flags and reserved fields, exact cell counts, empty payloads for
 * NULL/default/unbound cells, no trailing bytes).
 */
public record ArrayBind(int packetKind, UUID statementId, UUID portalId, Bytes snapshotHash, UUID redactionMapId,
                        List<Slot> slots, List<Row> rows) implements ClientMessage {

    public static final int LAYOUT_VERSION = 1;
    public static final int SHAPE_ARRAY_ROWS = 1;
    private static final int MIN_SLOT_SIZE = 4 + 4 + TypeRef.SIZE + 8 + 5;
    private static final int MIN_ROW_SIZE = 8;
    private static final int MIN_CELL_SIZE = 16;

    public ArrayBind {
        Objects.requireNonNull(snapshotHash, "snapshotHash");
        slots = List.copyOf(slots);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != slots.size()) {
                throw new IllegalArgumentException("row " + row.ordinal() + " has " + row.cells().size()
                        + " cells for " + slots.size() + " slots");
            }
        }
    }

    /** A bind request with zero ids and hash. */
    public static ArrayBind of(List<Slot> slots, List<Row> rows) {
        UUID zero = new UUID(0, 0);
        return new ArrayBind(0, zero, zero, Bytes.zeros(32), zero, slots, rows);
    }

    @Override
    public MessageType type() {
        return MessageType.BIND;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        PayloadWriter slotArea = new PayloadWriter();
        for (Slot s : slots) {
            s.writeTo(slotArea);
        }
        out.u16(LAYOUT_VERSION).u8(packetKind).u8(SHAPE_ARRAY_ROWS).i32(0).uuid(statementId).uuid(portalId)
                .i32(slots.size()).i32(rows.size()).i32(slotArea.size()).i32(0).fixed(snapshotHash, 32, "snapshotHash")
                .uuid(redactionMapId).bytes(slotArea.toByteArray());
        for (Row row : rows) {
            out.i32(row.ordinal()).i32(row.cells().size());
            for (Cell c : row.cells()) {
                out.i32(c.slotOrdinal()).u8(c.valueState()).u8(c.payloadEncoding()).u16(0)
                        .i64(c.payload().length()).bytes(c.payload());
            }
        }
    }

    public static ArrayBind decode(PayloadReader r) {
        expect(r, r.u16("layout_version"), LAYOUT_VERSION, "layout_version", 2);
        int kind = r.u8("packet_kind");
        expect(r, r.u8("bind_shape"), SHAPE_ARRAY_ROWS, "bind_shape", 1);
        expect(r, r.i32("flags"), 0, "flags", 4);
        UUID statement = r.uuid("statement_uuid");
        UUID portal = r.uuid("portal_uuid");
        int slotCount = r.u32Bounded("parameter_count", r.remaining() / MIN_SLOT_SIZE);
        int rowCount = r.u32Bounded("row_count", r.remaining() / MIN_ROW_SIZE);
        int slotAreaSize = r.u32Bounded("slot_area_size", r.remaining());
        expect(r, r.i32("reserved"), 0, "reserved", 4);
        Bytes hash = r.fixed(32, "descriptor_snapshot_hash");
        UUID redaction = r.uuid("redaction_map_uuid");
        int slotStart = r.position();
        List<Slot> slots = new ArrayList<>(slotCount);
        for (int i = 0; i < slotCount; i++) {
            slots.add(Slot.decode(r, "slot[" + i + "]"));
        }
        if (r.position() - slotStart != slotAreaSize) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, r.offset(),
                    "slot descriptors take " + (r.position() - slotStart) + " bytes but slot_area_size says " + slotAreaSize);
        }
        List<Row> rows = new ArrayList<>(Math.min(rowCount, r.remaining() / MIN_ROW_SIZE));
        for (int i = 0; i < rowCount; i++) {
            String f = "row[" + i + "]";
            int ordinal = r.i32(f + ".row_ordinal");
            long at = r.offset();
            int cellCount = r.u32Bounded(f + ".value_count", r.remaining() / MIN_CELL_SIZE);
            if (cellCount != slotCount) {
                throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                        f + " has " + cellCount + " cells but the packet declares " + slotCount + " slots");
            }
            List<Cell> cells = new ArrayList<>(cellCount);
            for (int c = 0; c < cellCount; c++) {
                cells.add(Cell.decode(r, f + ".cell[" + c + "]"));
            }
            rows.add(new Row(ordinal, cells));
        }
        r.expectEnd("array-bind packet");
        return new ArrayBind(kind, statement, portal, hash, redaction, slots, rows);
    }

    private static void expect(PayloadReader r, int actual, int expected, String field, int width) {
        if (actual != expected) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, r.offset() - width,
                    "array-bind " + field + " must be " + expected + ", got " + actual);
        }
    }

    /** A parameter slot: ordinal, direction, bind flags, name binding, value format, type, requested size, name. */
    public record Slot(int ordinal, int direction, int bindFlags, int nameBindingState, int valueFormat, TypeRef type,
                       long requestedSizeBytes, NullableText name) {

        public static Slot positional(int ordinal, TypeRef type) {
            return new Slot(ordinal, 0, 0, 0, 0, type, 0, NullableText.absent());
        }

        void writeTo(PayloadWriter out) {
            out.i32(ordinal).u8(direction).u8(bindFlags).u8(nameBindingState).u8(valueFormat);
            type.writeTo(out);
            out.i64(requestedSizeBytes).nullableText(name);
        }

        static Slot decode(PayloadReader r, String f) {
            int ordinal = r.i32(f + ".ordinal");
            int direction = r.u8(f + ".direction");
            long at = r.offset();
            int bindFlags = r.u8(f + ".bind_flags");
            if ((bindFlags & ~0x0F) != 0) {
                throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                        f + ".bind_flags 0x" + Integer.toHexString(bindFlags) + " has bits outside 0x0F");
            }
            return new Slot(ordinal, direction, bindFlags, r.u8(f + ".name_binding_state"), r.u8(f + ".value_format"),
                    TypeRef.decode(r, f + ".type_ref"), r.i64(f + ".requested_size_bytes"), r.nullableText(f + ".name"));
        }
    }

    public record Row(int ordinal, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cell.
     *
     * @param valueState      0 present, 1 SQL NULL, 2 default requested, 3 OUT unbound, 4 LOB handle,
     *                        5 structured, 6 protected, 7 error
     * @param payloadEncoding 0 canonical binary, 1 UTF-8 text, 2 chunk ref, 3 structured envelope, 4 handle ref
     */
    public record Cell(int slotOrdinal, int valueState, int payloadEncoding, Bytes payload) {

        public static final int PRESENT = 0;
        public static final int NULL = 1;
        public static final int DEFAULT = 2;
        public static final int UNBOUND = 3;
        public static final int ENCODING_BINARY = 0;
        public static final int ENCODING_TEXT = 1;

        public Cell {
            Objects.requireNonNull(payload, "payload");
            if ((valueState == NULL || valueState == DEFAULT || valueState == UNBOUND) && payload.length() != 0) {
                throw new IllegalArgumentException("NULL, default and unbound cells carry no payload");
            }
        }

        public static Cell text(int slot, String value) {
            return value == null ? new Cell(slot, NULL, ENCODING_TEXT, Bytes.EMPTY)
                    : new Cell(slot, PRESENT, ENCODING_TEXT, Bytes.utf8(value));
        }

        static Cell decode(PayloadReader r, String f) {
            int slot = r.i32(f + ".slot_ordinal");
            int state = r.u8(f + ".value_state");
            int encoding = r.u8(f + ".payload_encoding");
            long at = r.offset();
            int flags = r.u16(f + ".payload_flags");
            if (flags != 0) {
                throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at, f + ".payload_flags must be 0");
            }
            at = r.offset();
            long size = r.i64(f + ".payload_size");
            if (size < 0 || size > r.remaining()) {
                throw new WireFormatException(WireFormatException.Problem.PAYLOAD_TOO_SHORT, at,
                        f + " declares " + Long.toUnsignedString(size) + " payload byte(s) but only " + r.remaining() + " remain");
            }
            if ((state == NULL || state == DEFAULT || state == UNBOUND) && size != 0) {
                throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                        f + " is NULL/default/unbound but carries " + size + " payload byte(s)");
            }
            return new Cell(slot, state, encoding, r.fixed((int) size, f + ".payload"));
        }
    }
}
