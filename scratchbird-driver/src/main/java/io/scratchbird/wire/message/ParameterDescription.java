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
 * PARAMETER_DESCRIPTION (0x50) in the P1 layout (spec 8.2): a 72-byte header and one 172-byte
 * descriptor per parameter, each followed by a name and the optional texts its bitmap selects.
 */
public record ParameterDescription(int layoutVersion, int describeKind, int headerFlags, UUID statementId,
                                   UUID signatureId, Bytes snapshotHash, List<Parameter> parameters)
        implements ServerMessage {

    static final int MIN_PARAMETER_SIZE = 172 + 5;

    public ParameterDescription {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(snapshotHash, "snapshotHash");
    }

    public static ParameterDescription of(List<Parameter> parameters) {
        UUID zero = new UUID(0, 0);
        return new ParameterDescription(1, 0, 1, zero, zero, Bytes.zeros(32), parameters);
    }

    @Override
    public MessageType type() {
        return MessageType.PARAMETER_DESCRIPTION;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.u16(layoutVersion).u8(describeKind).u8(headerFlags).uuid(statementId).uuid(signatureId)
                .fixed(snapshotHash, 32, "snapshotHash").i32(parameters.size());
        for (Parameter p : parameters) {
            p.writeTo(out);
        }
    }

    public static ParameterDescription decode(PayloadReader r) {
        int layout = r.u16("layout_version");
        int kind = r.u8("describe_kind");
        int flags = r.u8("header_flags");
        UUID statement = r.uuid("statement_uuid");
        UUID signature = r.uuid("signature_uuid");
        Bytes hash = r.fixed(32, "descriptor_snapshot_hash");
        int count = r.u32Bounded("parameter_count", r.remaining() / MIN_PARAMETER_SIZE);
        List<Parameter> params = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            params.add(Parameter.decode(r, "parameter[" + i + "]"));
        }
        r.expectEnd("PARAMETER_DESCRIPTION (P1)");
        return new ParameterDescription(layout, kind, flags, statement, signature, hash, params);
    }

    /** One P1 parameter descriptor. */
    public record Parameter(int ordinal, int direction, int parameterClass, int nullability, int valueFormat,
                            long parameterFlags, long metadataBitmap, TypeRef type, int defaultState,
                            NullableText name, Map<MetadataText, NullableText> metadata) {

        /** Bits 1 and 2 as the server sets them; bit 3 is added when ARRAY_BIND is negotiated. */
        public static final long DEFAULT_FLAGS = 0x6;
        public static final long ARRAY_BIND_FLAG = 0x8;

        public Parameter {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            metadata = MetadataTexts.copy(metadata);
        }

        /** A parameter as the server describes it: in, scalar, nullability unknown, unnamed. */
        public static Parameter of(int ordinal, TypeRef type, boolean arrayBind) {
            return new Parameter(ordinal, 0, 0, 2, 0, DEFAULT_FLAGS | (arrayBind ? ARRAY_BIND_FLAG : 0), 0x400, type, 0,
                    NullableText.absent(), Map.of());
        }

        void writeTo(PayloadWriter out) {
            out.i32(ordinal).u8(direction).u8(parameterClass).u8(nullability).u8(valueFormat)
                    .i64(parameterFlags).i64(metadataBitmap);
            type.writeTo(out);
            out.u8(defaultState).zeros(3).nullableText(name);
            MetadataTexts.write(out, metadataBitmap, metadata, MetadataText.PARAMETER_ORDER);
        }

        static Parameter decode(PayloadReader r, String f) {
            int ordinal = r.i32(f + ".ordinal");
            int direction = r.u8(f + ".direction");
            int cls = r.u8(f + ".parameter_class");
            int nullability = r.u8(f + ".nullability");
            int format = r.u8(f + ".value_format");
            long flags = r.i64(f + ".parameter_flags");
            long bitmap = r.i64(f + ".metadata_bitmap");
            TypeRef type = TypeRef.decode(r, f + ".type_ref");
            int defaultState = r.u8(f + ".default_state");
            r.skip(3, f + ".reserved");
            NullableText name = r.nullableText(f + ".name");
            Map<MetadataText, NullableText> texts = MetadataTexts.read(r, bitmap, MetadataText.PARAMETER_ORDER, f);
            return new Parameter(ordinal, direction, cls, nullability, format, flags, bitmap, type, defaultState, name, texts);
        }
    }
}
