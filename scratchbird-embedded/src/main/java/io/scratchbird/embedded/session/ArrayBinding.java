package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.wire.message.ArrayBind;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.EmptyMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Array bind (spec 8.9): one BIND carries many rows for the single prepared INSERT whose
 * parameter count equals the packet's slot count; it becomes the unnamed portal, and one
 * EXECUTE inserts every row — atomically, in one transaction when none is open.
 */
final class ArrayBinding {

    private static final String DETAIL = "invalid array-bind parameter data packet";

    private ArrayBinding() {
    }

    static void bind(CommandHandler h, Frame f) throws ProtocolFailure, IOException {
        if ((h.session().negotiated() & FeatureBits.ARRAY_BIND) == 0) {
            throw new ProtocolFailure("08P01", "SBWP.FEATURE.NOT_NEGOTIATED",
                    "frame 0x" + f.type() + " requires a feature that was not negotiated for this session",
                    ProtocolFailure.NO_READY);
        }
        ArrayBind packet;
        try {
            packet = ArrayBind.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("08P01", "NATIVE_WIRE.PARAMETER.PACKET_INVALID", DETAIL + ": " + e.detail(),
                    ProtocolFailure.NO_READY);
        }
        int slots = packet.slots().size();
        h.checkParameterCount(slots, "the array-bind packet has", ProtocolFailure.NO_READY);
        List<PreparedStatement> targets = h.statementsWhere(ps -> ps.paramOids().size() == slots
                && ps.sql().strip().toUpperCase(Locale.ROOT).startsWith("INSERT"));
        if (targets.size() != 1) {
            throw new ProtocolFailure("08P01", "SBWP.ARRAY_BIND.STATEMENT_AMBIGUOUS", DETAIL, ProtocolFailure.NO_READY);
        }
        PreparedStatement target = targets.get(0);
        List<List<EngineSession.Parameter>> rows = new ArrayList<>(packet.rows().size());
        for (ArrayBind.Row row : packet.rows()) {
            EngineSession.Parameter[] params = new EngineSession.Parameter[slots];
            for (ArrayBind.Cell cell : row.cells()) {
                int slot = cell.slotOrdinal() - 1;
                if (slot < 0 || slot >= slots || params[slot] != null) {
                    throw new ProtocolFailure("08P01", "SBWP.ARRAY_BIND.PARAMETER_ORDINAL_INVALID", DETAIL, ProtocolFailure.NO_READY);
                }
                params[slot] = parameter(target.oid(slot), cell);
            }
            rows.add(List.of(params));
        }
        Portal portal = new Portal("", target, List.of(), target.sql(), List.of());
        portal.batch = rows;
        h.storePortal(portal);
        h.session().send(EmptyMessage.BIND_COMPLETE);
    }

    private static EngineSession.Parameter parameter(int oid, ArrayBind.Cell cell) throws ProtocolFailure {
        if (cell.valueState() == ArrayBind.Cell.NULL) {
            return new EngineSession.Parameter(oid, null);
        }
        if (cell.valueState() != ArrayBind.Cell.PRESENT) {
            throw new ProtocolFailure("08P01", "SBWP.ARRAY_BIND.VALUE_STATE_UNSUPPORTED", DETAIL, ProtocolFailure.NO_READY);
        }
        byte[] bytes = cell.payload().toArray();
        int format = cell.payloadEncoding() == ArrayBind.Cell.ENCODING_TEXT ? ValueCodec.FORMAT_TEXT : ValueCodec.FORMAT_BINARY;
        ValueCodec<?> codec = oid == 0 ? null : Codecs.byOid(oid);
        try {
            return codec == null
                    ? new EngineSession.Parameter(0, format == ValueCodec.FORMAT_TEXT
                    ? new String(bytes, StandardCharsets.UTF_8) : CommandHandler.untypedText(format, bytes))
                    : new EngineSession.Parameter(oid, codec.decode(format, bytes, 0, bytes.length));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("22P02", "invalid array-bind value: " + e.detail(), "SBWP.BIND.PARAMETER_INVALID",
                    ProtocolFailure.NO_READY);
        }
    }

    /** Inserts every row; all or nothing. */
    static void execute(CommandHandler h, Portal portal) throws EngineException, IOException {
        EngineSession engine = h.session().engine();
        boolean own = !engine.inTransaction();
        if (own) {
            engine.begin();
        }
        long total = 0;
        try {
            for (List<EngineSession.Parameter> row : portal.batch) {
                total += h.runForBatch(portal.sql, row);
            }
            if (own) {
                engine.commit();
            }
        } catch (EngineException | IOException | RuntimeException e) {
            if (own) {
                engine.rollback();
            }
            throw e;
        }
        h.session().send(CommandComplete.of("INSERT", total));
    }
}
