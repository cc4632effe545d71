package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.NullableText;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * ROW_DESCRIPTION (0x44) in the P1 layout (spec 7.2): a 72-byte header and one 216-byte column
 * descriptor per column, each followed by its display label and the optional metadata texts its
 * bitmap selects. Note P1 {@code value_format} 1 means text and 0 binary (the legacy layout is the
 * other way round).
 */
public record RowDescription(int layoutVersion, int resultSetKind, int headerFlags, UUID resultEnvelopeId,
                             UUID rowShapeId, Bytes snapshotHash, List<Column> columns) implements ServerMessage {

    public static final int HEADER_SIZE = 72;
    /** Smallest possible column descriptor: 216 fixed bytes + an empty nullable_text. */
    static final int MIN_COLUMN_SIZE = 216 + 5;
    public static final int KIND_ROWSET = 0;
    public static final int KIND_GENERATED_KEYS = 1;

    public RowDescription {
        columns = List.copyOf(columns);
        Objects.requireNonNull(snapshotHash, "snapshotHash");
    }

    /** The header the server writes: layout 1, the given kind, header flags 1, zero ids and hash. */
    public static RowDescription of(int resultSetKind, List<Column> columns) {
        UUID zero = new UUID(0, 0);
        return new RowDescription(1, resultSetKind, 1, zero, zero, Bytes.zeros(32), columns);
    }

    @Override
    public MessageType type() {
        return MessageType.ROW_DESCRIPTION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(layoutVersion).u8(resultSetKind).u8(headerFlags).i32(columns.size())
                .uuid(resultEnvelopeId).uuid(rowShapeId).fixed(snapshotHash, 32, "snapshotHash");
        for (Column c : columns) {
            c.writeTo(out);
        }
    }

    public static RowDescription decode(PayloadReader r) {
        int layout = r.u16("layout_version");
        int kind = r.u8("result_set_kind");
        int flags = r.u8("header_flags");
        int count = r.u32Bounded("column_count", Math.max(0, r.remaining() - 64) / MIN_COLUMN_SIZE);
        UUID envelope = r.uuid("result_envelope_uuid");
        UUID shape = r.uuid("row_shape_uuid");
        Bytes hash = r.fixed(32, "descriptor_snapshot_hash");
        List<Column> cols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cols.add(Column.decode(r, "column[" + i + "]"));
        }
        r.expectEnd("ROW_DESCRIPTION (P1)");
        return new RowDescription(layout, kind, flags, envelope, shape, hash, cols);
    }

    /**
     * One P1 column descriptor.
     *
     * @param valueFormat 1 = UTF-8 text, 0 = canonical binary
     * @param nullability 1 nullable, 0 not nullable, 2 unknown
     */
    public record Column(int ordinal, int columnClass, int valueFormat, int nullability, int updatability,
                         long metadataBitmap, TypeRef type, UUID sourceTableId, UUID sourceColumnId,
                         UUID sourceGeneratedObjectId, int sourceParameterOrdinal, int parameterDirection,
                         int generatedValueKind, int reserved, NullableText label,
                         Map<MetadataText, NullableText> metadata) {

        public static final int FORMAT_TEXT = 1;
        public static final int FORMAT_BINARY = 0;
        /** Bit 0 (display label present) | bit 10 (nullability known): what the server sets. */
        public static final long DEFAULT_METADATA = 0x401;

        public Column {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
            metadata = MetadataTexts.copy(metadata);
            long missing = MetadataTexts.bitsOf(metadata) & ~metadataBitmap;
            if (missing != 0) {
                throw new IllegalArgumentException("metadata texts present without their bitmap bits: 0x" + Long.toHexString(missing));
            }
        }

        /** A column as the server describes it: projected, read-only, labelled, with extra texts. */
        public static Column of(int ordinal, String label, TypeRef type, boolean nullable, int valueFormat,
                                Map<MetadataText, NullableText> metadata) {
            UUID zero = new UUID(0, 0);
            return new Column(ordinal, 0, valueFormat, nullable ? 1 : 0, 0,
                    DEFAULT_METADATA | MetadataTexts.bitsOf(metadata), type, zero, zero, zero, 0, 0, 0, 0,
                    NullableText.of(label), metadata);
        }

        void writeTo(PayloadWriter out) {
            out.i32(ordinal).u8(columnClass).u8(valueFormat).u8(nullability).u8(updatability).i64(metadataBitmap);
            type.writeTo(out);
            out.uuid(sourceTableId).uuid(sourceColumnId).uuid(sourceGeneratedObjectId).i32(sourceParameterOrdinal)
                    .u8(parameterDirection).u8(generatedValueKind).u16(reserved).nullableText(label);
            MetadataTexts.write(out, metadataBitmap, metadata, MetadataText.COLUMN_ORDER);
        }

        static Column decode(PayloadReader r, String f) {
            int ordinal = r.i32(f + ".ordinal");
            int columnClass = r.u8(f + ".column_class");
            int format = r.u8(f + ".value_format");
            int nullability = r.u8(f + ".nullability");
            int updatability = r.u8(f + ".updatability");
            long bitmap = r.i64(f + ".metadata_bitmap");
            TypeRef type = TypeRef.decode(r, f + ".type_ref");
            UUID table = r.uuid(f + ".source_table_uuid");
            UUID column = r.uuid(f + ".source_column_uuid");
            UUID generated = r.uuid(f + ".source_generated_object_uuid");
            int paramOrdinal = r.i32(f + ".source_parameter_ordinal");
            int direction = r.u8(f + ".parameter_direction");
            int generatedKind = r.u8(f + ".generated_value_kind");
            int reserved = r.u16(f + ".reserved");
            NullableText label = r.nullableText(f + ".display_label");
            Map<MetadataText, NullableText> texts = MetadataTexts.read(r, bitmap, MetadataText.COLUMN_ORDER, f);
            return new Column(ordinal, columnClass, format, nullability, updatability, bitmap, type, table, column,
                    generated, paramOrdinal, direction, generatedKind, reserved, label, texts);
        }
    }
}
