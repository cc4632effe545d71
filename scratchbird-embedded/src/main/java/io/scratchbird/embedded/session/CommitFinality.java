package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.TxnCommit;
import io.scratchbird.wire.message.TxnStatusQuery;
import io.scratchbird.wire.message.TxnStatusRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Commit finality and idempotent commit retry (spec 9.2): commits that carry an idempotency key
 * leave a finality record for the life of the connection; a retry with the same key is answered
 * from the record instead of committing again; TXN_STATUS queries look records up.
 */
final class CommitFinality {

    private static final int FLAG_ENGINE_KNOWN = 0x0001;
    private static final int FLAG_SAME_KEY_REPLAYABLE = 0x0010;
    private static final int FLAG_REFUSED = 0x0004;
    private static final int FLAG_SIDE_EFFECT_REFUSED = 0x0008;

    private final Map<UUID, TxnStatusRecord> byKey = new HashMap<>();
    private final Map<UUID, TxnStatusRecord> byToken = new HashMap<>();
    private int sequence;

    void commit(ServerSession s, TxnCommit c) throws IOException {
        TxnCommit.Finality fin = c.finality();
        boolean keyed = fin != null && (fin.contractFlags() & TxnCommit.Finality.HAS_IDEMPOTENCY_KEY) != 0
                && !fin.idempotencyKey().equals(new UUID(0, 0));
        TxnStatusRecord prior = keyed ? byKey.get(fin.idempotencyKey()) : null;
        if (prior != null) {
            replay(s, fin, prior);
            return;
        }
        long original = s.engine().transactionId();
        try {
            s.engine().commit();
        } catch (EngineException e) {
            s.send(s.engineError(e));
            s.sendReady(Ready.REASON_COMMAND_COMPLETE);
            return;
        }
        s.send(CommandComplete.of("COMMIT", 0));
        if (keyed) {
            TxnStatusRecord record = new TxnStatusRecord(1, TxnStatusRecord.STATE_COMMITTED,
                    FLAG_ENGINE_KNOWN | FLAG_SAME_KEY_REPLAYABLE, fin.idempotencyKey(),
                    token(original, fin.idempotencyKey()), fin.requestFingerprint(), original, s.engine().transactionId(),
                    "SBWP.COMMIT.FINALITY_COMMITTED_BY_MGA_INVENTORY",
                    "committed_by_engine_mga_inventory;retry_side_effects_require_caller_acknowledgement");
            byKey.put(record.idempotencyKey(), record);
            byToken.put(record.finalityToken(), record);
            s.send(record);
        }
        s.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    private void replay(ServerSession s, TxnCommit.Finality fin, TxnStatusRecord prior) throws IOException {
        boolean fingerprintConflict = fin.requestFingerprint() != 0 && prior.requestFingerprint() != 0
                && fin.requestFingerprint() != prior.requestFingerprint();
        boolean txnConflict = fin.expectedTxnId() != 0 && prior.originalTxnId() != 0 && fin.expectedTxnId() != prior.originalTxnId();
        if (fingerprintConflict || txnConflict) {
            s.send(refused(prior, FLAG_REFUSED));
            s.send(ErrorResponse.of("40003", "SBWP.RETRY.IDEMPOTENCY_KEY_CONFLICT",
                    "idempotency key is already bound to a different commit request fingerprint"));
            s.sendReady(Ready.REASON_ERROR_RECOVERED);
            return;
        }
        if ((fin.contractFlags() & TxnCommit.Finality.HAS_SIDE_EFFECTS) != 0
                && (fin.contractFlags() & TxnCommit.Finality.CALLER_ACKNOWLEDGED_RETRY) == 0) {
            s.send(refused(prior, FLAG_REFUSED | FLAG_SIDE_EFFECT_REFUSED));
            s.send(ErrorResponse.of("40003", "SBWP.RETRY.CALLER_ACK_REQUIRED",
                    "side-effect commit retry refused without caller acknowledgement of the retry boundary"));
            s.sendReady(Ready.REASON_ERROR_RECOVERED);
            return;
        }
        s.send(prior);
        s.send(CommandComplete.of("COMMIT", 0));
        s.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    private static TxnStatusRecord refused(TxnStatusRecord r, int flags) {
        return new TxnStatusRecord(r.version(), TxnStatusRecord.STATE_REFUSED, flags, r.idempotencyKey(), r.finalityToken(),
                r.requestFingerprint(), r.originalTxnId(), r.replacementTxnId(), r.diagnosticCode(), r.detail());
    }

    void query(ServerSession s, Frame f) throws ProtocolFailure, IOException {
        TxnStatusQuery q;
        try {
            q = TxnStatusQuery.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("08P01", "SBWP.COMMIT.FINALITY_QUERY_INVALID",
                    "TxnStatus query payload is truncated or has an unsupported version", Ready.REASON_ERROR_RECOVERED);
        }
        TxnStatusRecord r = byKey.get(q.idempotencyKey());
        if (r == null) {
            r = byToken.get(q.finalityToken());
        }
        if (r == null) {
            r = new TxnStatusRecord(1, TxnStatusRecord.STATE_NOT_FOUND, 0x0005, q.idempotencyKey(), q.finalityToken(), 0,
                    q.expectedTxnId(), 0, "SBWP.COMMIT.FINALITY_NOT_FOUND",
                    "no commit finality record for requested idempotency key or finality token");
        }
        s.send(r);
        s.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    /** Spec 9.2's deterministic finality token (FNV-1a variant with the server's start value). */
    private UUID token(long originalTxn, UUID key) {
        String hex = key.toString().replace("-", "");
        return fallbackId("sbwp-finality:" + Long.toUnsignedString(originalTxn) + ":" + (sequence++) + ":" + hex);
    }

    static UUID fallbackId(String seed) {
        long h = 1469598103934665603L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 1099511628211L;
        }
        byte[] t = new byte[16];
        for (int i = 0; i < 16; i++) {
            t[i] = (byte) (h >>> (8 * (i % 8)));
        }
        t[6] = (byte) ((t[6] & 0x0F) | 0x70);
        t[8] = (byte) ((t[8] & 0x3F) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (t[i] & 0xFF);
            lsb = lsb << 8 | (t[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }
}
