package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.embedded.sql.SqlScripts;
import io.scratchbird.embedded.sql.StatementResult;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.Cancel;
import io.scratchbird.wire.message.CancelAck;
import io.scratchbird.wire.message.Cancelled;
import io.scratchbird.wire.message.Close;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.Describe;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.LegacyParameterDescription;
import io.scratchbird.wire.message.Notification;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterDescription;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ResetSession;
import io.scratchbird.wire.message.SavepointCommand;
import io.scratchbird.wire.message.SetOption;
import io.scratchbird.wire.message.TraceContext;
import io.scratchbird.wire.message.TxnCommit;
import io.scratchbird.wire.message.TypeRefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers the frames of an authenticated session (spec sections 7-9): simple and extended
 * query, transactions and savepoints, cancel, ping and the session services.
 */
final class CommandHandler {

    private final ServerSession session;
    private final BoundedStore<PreparedStatement> statements = new BoundedStore<>(s -> {
    });
    private final BoundedStore<Portal> portals = new BoundedStore<>(Portal::closeCursor);
    private final Map<String, String> options = new HashMap<>();
    private final CommitFinality finality = new CommitFinality();

    CommandHandler(ServerSession session) {
        this.session = session;
    }

    void closeAll() {
        portals.clear();
        statements.clear();
    }

    /** @return false when the session must end */
    boolean handle(Frame f, boolean cancelHit) throws ProtocolFailure, IOException {
        MessageType t = MessageType.byCode(f.type());
        switch (t) {
            case QUERY -> query(f);
            case PARSE -> parse(f);
            case BIND -> bind(f);
            case DESCRIBE -> describe(f);
            case EXECUTE -> execute(f);
            case CLOSE -> close(f);
            case SYNC -> sync();
            case PING -> session.send(OpaqueMessage.pong(f.payload()));
            case CANCEL -> cancel(f, cancelHit);
            case TERMINATE -> {
                return false;
            }
            case TXN_BEGIN -> transaction("BEGIN", EngineSession::begin, false, f);
            case TXN_COMMIT -> commit(f);
            case TXN_ROLLBACK -> transaction("ROLLBACK", EngineSession::rollback, true, f);
            case TXN_SAVEPOINT, TXN_RELEASE, TXN_ROLLBACK_TO -> savepoint(f, t);
            case SET_OPTION -> setOption(f);
            case RESET_SESSION -> reset(f);
            case REAUTH -> reauth(f);
            case TRACE_CONTEXT -> traceContext(f);
            case SUBSCRIBE -> subscribe(true);
            case UNSUBSCRIBE -> subscribe(false);
            case TXN_STATUS -> finalityQuery(f);
            case COPY_DATA, COPY_DONE, COPY_FAIL -> throw new ProtocolFailure("08P01", "ASYNC-011",
                    t.name() + " arrived without a prior accepted COPY initiation", Ready.REASON_ERROR_RECOVERED);
            case SBLR_EXECUTE -> sblr(f);
            case LOB_CLOSE -> throw new ProtocolFailure("0A000", "FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING",
                    "native extension frame is fail-closed before side effects in this route", Ready.REASON_ERROR_RECOVERED);
            case AUTH_RESPONSE, HEARTBEAT -> throw new ProtocolFailure("08P01", "unsupported SBWP frame", null,
                    Ready.REASON_COMMAND_COMPLETE);
            case STARTUP -> throw ProtocolFailure.fatal("08P01", "unsupported SBWP frame",
                    "STARTUP is only valid as the first frame of a connection");
            default -> throw FrameGate.unknownFrame();
        }
        return true;
    }

    // ------------------------------------------------------------------ simple query

    private void query(Frame f) throws ProtocolFailure, IOException {
        checkTransaction(f, "QUERY", Ready.REASON_ERROR_RECOVERED);
        Query q = Query.decode(ServerSession.payloadOf(f));
        session.readySent(false);
        if ((q.flags() & Query.RETURN_SBLR) != 0) {
            throw new ProtocolFailure("0A000", "SBWP.RETURN_SBLR.UNSUPPORTED",
                    "the embedded server executes SBsql text and cannot return SBLR", Ready.REASON_ERROR_RECOVERED);
        }
        List<String> statementsOfScript = SqlScripts.split(q.sql());
        if (statementsOfScript.isEmpty()) {
            session.send(CommandComplete.of("EMPTY", 0));
            session.sendReady(Ready.REASON_COMMAND_COMPLETE);
            return;
        }
        boolean script = statementsOfScript.size() > 1 || q.trailer() != null
                || (q.flags() & (Query.SCRIPT_INGEST | Query.SCRIPT_SIZE_HINT)) != 0 || q.sql().strip().contains(";");
        for (String sql : statementsOfScript) {
            checkParameterCount(PlaceholderScanner.parameterCount(sql), "the statement has",
                    script ? Ready.REASON_ERROR_RECOVERED : Ready.REASON_COMMAND_COMPLETE);
        }
        boolean summary = script && (q.flags() & Query.SCRIPT_SUMMARY_RESULT) != 0;
        long summed = 0;
        for (String sql : statementsOfScript) {
            try {
                summed += run(sql, List.of(), null, 0, summary);
            } catch (EngineException e) {
                session.send(session.engineError(e));
                session.sendReady(script ? Ready.REASON_ERROR_RECOVERED : Ready.REASON_COMMAND_COMPLETE);
                return;
            }
        }
        if (summary) {
            session.send(CommandComplete.of("SCRIPT", summed));
        }
        session.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    /**
     * Executes one statement and writes its result frames (no READY).
     *
     * @param portal   when not null, rows may stop after {@code maxRows} and the cursor stays in it
     * @param silent   run without sending result frames (script summary)
     * @return the affected or returned row count
     */
    private long run(String sql, List<EngineSession.Parameter> params, Portal portal, int maxRows, boolean silent)
            throws EngineException, IOException {
        session.statementRunning(true);
        try {
            StatementResult r = session.engine().execute(sql, params);
            if (r instanceof StatementResult.Count c) {
                if (!silent) {
                    session.send(CommandComplete.of(c.tag(), c.rows()));
                }
                return c.rows();
            }
            StatementResult.Rows rows = (StatementResult.Rows) r;
            if (silent) {
                long n = 0;
                try (var cursor = rows.cursor()) {
                    while (cursor.next() != null) {
                        n++;
                    }
                }
                return n;
            }
            ResultWriter writer = new ResultWriter(session.connection(), session.layout(), session.quirks());
            boolean keepOpen = false;
            try {
                long limit = portal != null && !session.quirks() ? Integer.toUnsignedLong(maxRows) : 0;
                ResultWriter.Outcome out = writer.write(rows.cursor(), i -> portal == null ? 0 : portal.resultFormat(i),
                        true, limit);
                if (out.suspended()) {
                    portal.openCursor = rows.cursor();
                    portal.openTag = rows.tag();
                    portal.rowsSent = out.rows();
                    keepOpen = true;
                    session.send(EmptyMessage.PORTAL_SUSPENDED);
                } else {
                    session.send(CommandComplete.of(tag(rows.tag(), out.rows()), out.rows()));
                }
                return out.rows();
            } finally {
                if (!keepOpen) {
                    rows.cursor().close();
                }
            }
        } finally {
            session.statementRunning(false);
        }
    }

    /** Errata A.4: row-returning queries answer {@code SELECT n}; DML with RETURNING keeps its verb. */
    private static String tag(String statementTag, long rows) {
        return switch (statementTag) {
            case "SELECT", "WITH", "VALUES", "SHOW", "TABLE" -> "SELECT " + rows;
            default -> statementTag;
        };
    }

    // ------------------------------------------------------------------ extended query

    private void parse(Frame f) throws ProtocolFailure, IOException {
        session.readySent(false);
        Parse p;
        try {
            p = Parse.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("08P01", "invalid PARSE payload", null, ProtocolFailure.NO_READY);
        }
        try {
            store(p);
        } catch (ProtocolFailure refused) {
            // A refused PARSE must not leave an older statement of the same name behind: the BIND
            // and EXECUTE pipelined after it would otherwise run that stale statement.
            statements.remove(p.statementName());
            throw refused;
        }
        session.send(EmptyMessage.PARSE_COMPLETE);
    }

    private void store(Parse p) throws ProtocolFailure {
        List<Integer> oids = p.paramTypeOids();
        checkParameterCount(oids.size(), "PARSE declares", ProtocolFailure.NO_READY);
        if (oids.isEmpty()) {
            long count = PlaceholderScanner.parameterCount(p.sql());
            checkParameterCount(count, "the statement has", ProtocolFailure.NO_READY);
            oids = new ArrayList<>((int) count);
            for (int i = 0; i < count; i++) {
                oids.add(0);
            }
        }
        PreparedStatement ps = new PreparedStatement(p.statementName(), p.sql(), List.copyOf(oids));
        if (ps.storedSize() > BoundedStore.MAX_BYTES) {
            throw new ProtocolFailure("54000", "prepared statement cache limit exceeded",
                    "prepared statement exceeds the per-session server cache budget", ProtocolFailure.NO_READY);
        }
        statements.put(ps.name(), ps, ps.storedSize());
    }

    private void describe(Frame f) throws ProtocolFailure, IOException {
        session.readySent(false);
        Describe d;
        try {
            d = Describe.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("08P01", "invalid DESCRIBE payload", null, ProtocolFailure.NO_READY);
        }
        PreparedStatement ps = statements.get(d.name());
        List<Integer> oids = ps == null ? List.of() : ps.paramOids();
        if (session.layout() == Layout.LEGACY) {
            session.send(new LegacyParameterDescription(oids));
            return;
        }
        boolean arrayBind = (session.negotiated() & io.scratchbird.wire.FeatureBits.ARRAY_BIND) != 0;
        List<ParameterDescription.Parameter> params = new ArrayList<>(oids.size());
        for (int i = 0; i < oids.size(); i++) {
            int oid = oids.get(i);
            params.add(ParameterDescription.Parameter.of(i + 1,
                    session.quirks() ? TypeRefs.upstream(oid) : TypeRefs.declared(oid, 0, 0), arrayBind));
        }
        session.send(ParameterDescription.of(params));
    }

    private void bind(Frame f) throws ProtocolFailure, IOException {
        session.readySent(false);
        if (session.layout() == Layout.P1 && Bind.isArrayBind(f.payload())) {
            try {
                ArrayBinding.bind(this, f);
            } catch (ProtocolFailure refused) {
                portals.remove("");
                throw refused;
            }
            return;
        }
        Bind b;
        PreparedStatement ps;
        try {
            b = Bind.decode(ServerSession.payloadOf(f));
            ps = statements.get(b.statementName());
        } catch (WireFormatException e) {
            b = null;
            ps = null;
        }
        try {
            bind(b, ps);
        } catch (ProtocolFailure refused) {
            // A refused BIND must not leave an older portal of the same name behind: the EXECUTE
            // pipelined after it would otherwise run that stale portal with its old values.
            if (b != null) {
                portals.remove(b.portalName());
            }
            throw refused;
        }
        session.send(EmptyMessage.BIND_COMPLETE);
    }

    private void bind(Bind b, PreparedStatement ps) throws ProtocolFailure {
        if (ps == null) {
            throw new ProtocolFailure("08P01", "invalid BIND payload", null, ProtocolFailure.NO_READY);
        }
        checkParameterCount(b.values().length, "BIND supplies", ProtocolFailure.NO_READY);
        Portal portal;
        if (session.quirks()) {
            List<String> literals = new ArrayList<>(b.values().length);
            for (int i = 0; i < b.values().length; i++) {
                literals.add(LiteralSubstitution.literal(b.paramFormat(i), ps.oid(i), b.values()[i]));
            }
            portal = new Portal(b.portalName(), ps, List.of(), LiteralSubstitution.substitute(ps.sql(), literals), List.of());
        } else {
            portal = new Portal(b.portalName(), ps, parameters(b, ps), ps.sql(), b.resultFormats());
        }
        storePortal(portal);
    }

    /**
     * The per-statement parameter limit (issue 11; {@link SessionSettings#maxParameters()},
     * default and wire maximum 65,535): more is refused with {@code 54023} before anything is
     * stored or executed, and the session stays usable.
     */
    void checkParameterCount(long count, String what, int readyReason) throws ProtocolFailure {
        int max = session.context().settings().maxParameters();
        if (count > max) {
            String n = count == Long.MAX_VALUE ? "more than 999999999" : Long.toString(count);
            throw new ProtocolFailure("54023", "too many parameters: " + what + " " + n
                    + " parameters, the server allows at most " + max + " per statement",
                    "SBWP.PARAMETER.LIMIT_EXCEEDED", readyReason);
        }
    }

    void storePortal(Portal portal) throws ProtocolFailure {
        if (portal.storedSize() > BoundedStore.MAX_BYTES) {
            throw new ProtocolFailure("54000", "bound portal cache limit exceeded",
                    "bound portal exceeds the per-session server cache budget", ProtocolFailure.NO_READY);
        }
        portals.put(portal.name, portal, portal.storedSize());
    }

    /** Prepared statements that satisfy {@code filter}. */
    List<PreparedStatement> statementsWhere(java.util.function.Predicate<PreparedStatement> filter) {
        List<PreparedStatement> out = new ArrayList<>();
        for (PreparedStatement ps : statements.values()) {
            if (filter.test(ps)) {
                out.add(ps);
            }
        }
        return out;
    }

    /** Decodes bound values with the codec of each declared type (normal mode: real binding, no substitution). */
    private static List<EngineSession.Parameter> parameters(Bind b, PreparedStatement ps) throws ProtocolFailure {
        List<EngineSession.Parameter> out = new ArrayList<>(b.values().length);
        for (int i = 0; i < b.values().length; i++) {
            byte[] v = b.values()[i];
            int oid = ps.oid(i);
            if (v == null) {
                out.add(new EngineSession.Parameter(oid, null));
                continue;
            }
            int format = b.paramFormat(i);
            ValueCodec<?> codec = oid == TypeOids.UNSPECIFIED ? null : Codecs.byOid(oid);
            try {
                Object value = codec == null ? untypedText(format, v) : codec.decode(format, v, 0, v.length);
                out.add(new EngineSession.Parameter(codec == null ? TypeOids.UNSPECIFIED : oid, value));
            } catch (WireFormatException e) {
                throw new ProtocolFailure("22P02", "invalid value for parameter $" + (i + 1) + ": " + e.detail(),
                        "SBWP.BIND.PARAMETER_INVALID", ProtocolFailure.NO_READY);
            }
        }
        return out;
    }

    /** OID 0: text, or a binary value that is length-prefixed text (spec 8.7 prefix stripping). */
    static String untypedText(int format, byte[] v) {
        if (format == ValueCodec.FORMAT_BINARY && v.length >= 4) {
            long len = io.scratchbird.wire.LittleEndian.getInt(v, 0) & 0xFFFF_FFFFL;
            if (len == v.length - 4) {
                return new String(v, 4, (int) len, StandardCharsets.UTF_8);
            }
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private void execute(Frame f) throws ProtocolFailure, IOException {
        session.readySent(false);
        Execute e;
        try {
            e = Execute.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException ex) {
            throw new ProtocolFailure("08P01", "invalid EXECUTE payload", null, ProtocolFailure.NO_READY);
        }
        Portal portal = portals.get(e.portalName());
        if (portal == null) {
            throw new ProtocolFailure("34000", "bound portal not found", null, ProtocolFailure.NO_READY);
        }
        checkTransaction(f, "EXECUTE", Ready.REASON_ERROR_RECOVERED);
        try {
            if (portal.batch != null) {
                ArrayBinding.execute(this, portal);
            } else if (portal.openCursor != null) {
                resume(portal, e.maxRows());
            } else {
                run(portal.sql, portal.parameters, portal, e.maxRows(), false);
            }
        } catch (EngineException ex) {
            portal.closeCursor();
            session.send(session.engineError(ex));
        }
    }

    private void resume(Portal portal, int maxRows) throws EngineException, IOException {
        session.statementRunning(true);
        try {
            ResultWriter writer = new ResultWriter(session.connection(), session.layout(), session.quirks());
            ResultWriter.Outcome out = writer.write(portal.openCursor, portal::resultFormat, false, Integer.toUnsignedLong(maxRows));
            portal.rowsSent += out.rows();
            if (out.suspended()) {
                session.send(EmptyMessage.PORTAL_SUSPENDED);
            } else {
                portal.closeCursor();
                session.send(CommandComplete.of(tag(portal.openTag, portal.rowsSent), portal.rowsSent));
            }
        } finally {
            session.statementRunning(false);
        }
    }

    long runForBatch(String sql, List<EngineSession.Parameter> params) throws EngineException, IOException {
        session.statementRunning(true);
        try {
            StatementResult r = session.engine().execute(sql, params);
            if (r instanceof StatementResult.Rows rows) {
                long n = 0;
                try (var c = rows.cursor()) {
                    while (c.next() != null) {
                        n++;
                    }
                }
                return n;
            }
            return ((StatementResult.Count) r).rows();
        } finally {
            session.statementRunning(false);
        }
    }

    ServerSession session() {
        return session;
    }

    private void close(Frame f) throws IOException {
        session.readySent(false);
        Close c = Close.decode(ServerSession.payloadOf(f));
        if (c.kind() == Close.STATEMENT) {
            statements.remove(c.name());
        } else if (c.kind() == Close.PORTAL) {
            portals.remove(c.name());
        }
        session.send(EmptyMessage.CLOSE_COMPLETE);
    }

    /** Spec 8.5: READY only when none was sent for the current operation. */
    private void sync() throws IOException {
        if (!session.readySent()) {
            session.sendReady(Ready.REASON_COMMAND_COMPLETE);
        }
        session.readySent(false);
    }

    // ------------------------------------------------------------------ transactions

    /** Spec 3.4: a non-zero frame txn_id must match the current transaction. */
    private void checkTransaction(Frame f, String operation, int readyReason) throws ProtocolFailure {
        long frameTxn = f.header().txnId();
        long current = session.engine().transactionId();
        if (frameTxn != 0 && current != 0 && frameTxn != current) {
            throw new ProtocolFailure("25000", "SBWP.TRANSACTION_ID_MISMATCH",
                    operation + " frame transaction does not match the current engine transaction", readyReason);
        }
    }

    private interface TransactionStep {
        void apply(EngineSession s) throws EngineException;
    }

    private void transaction(String tag, TransactionStep step, boolean checked, Frame f) throws ProtocolFailure, IOException {
        if (checked) {
            checkTransaction(f, "TXN_" + tag, Ready.REASON_ERROR_RECOVERED);
        }
        session.readySent(false);
        try {
            step.apply(session.engine());
            session.send(CommandComplete.of(tag, 0));
        } catch (EngineException e) {
            session.send(session.engineError(e));
        }
        session.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    private void commit(Frame f) throws ProtocolFailure, IOException {
        TxnCommit c;
        try {
            c = TxnCommit.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            throw new ProtocolFailure("08P01", "SBWP.COMMIT.IDEMPOTENCY_PAYLOAD_INVALID",
                    "TxnCommit finality/idempotency payload is truncated or unsupported", Ready.REASON_ERROR_RECOVERED);
        }
        checkTransaction(f, "TXN_COMMIT", Ready.REASON_ERROR_RECOVERED);
        session.readySent(false);
        finality.commit(session, c);
    }

    private void savepoint(Frame f, MessageType t) throws ProtocolFailure, IOException {
        SavepointCommand s;
        try {
            s = SavepointCommand.decode(t, ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            s = null;
        }
        if (s == null || !s.hasSimpleName()) {
            throw new ProtocolFailure("08P01", "SBWP.SAVEPOINT.INVALID_PAYLOAD",
                    "savepoint frames require one simple identifier payload", Ready.REASON_ERROR_RECOVERED);
        }
        checkTransaction(f, t.name(), Ready.REASON_ERROR_RECOVERED);
        String name = s.name();
        switch (t) {
            case TXN_SAVEPOINT -> transaction("SAVEPOINT", e -> e.savepoint(name), false, f);
            case TXN_RELEASE -> transaction("RELEASE", e -> e.releaseSavepoint(name), false, f);
            default -> transaction("ROLLBACK", e -> e.rollbackToSavepoint(name), false, f);
        }
    }

    // ------------------------------------------------------------------ services

    private void cancel(Frame f, boolean hit) throws IOException {
        UUID id = Cancel.decode(ServerSession.payloadOf(f)).requestId();
        session.send(new CancelAck(id, 1));
        session.send(hit ? Cancelled.statementCancelled(id) : Cancelled.targetNotFound(id));
        session.sendReady(Ready.REASON_CANCEL_OUTCOME);
    }

    private void setOption(Frame f) throws ProtocolFailure, IOException {
        SetOption o;
        try {
            o = SetOption.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            o = null;
        }
        int nameBytes = o == null ? 0 : o.name().getBytes(StandardCharsets.UTF_8).length;
        if (o == null || nameBytes < 1 || nameBytes > SetOption.MAX_NAME_BYTES
                || o.value().getBytes(StandardCharsets.UTF_8).length > SetOption.MAX_VALUE_BYTES) {
            throw new ProtocolFailure("08P01", "SBWP.SET_OPTION.INVALID_PAYLOAD",
                    "SetOption requires one non-empty option name and one bounded value", Ready.REASON_ERROR_RECOVERED);
        }
        if (o.value().isEmpty()) {
            options.remove(o.name());
        } else {
            options.put(o.name(), o.value());
        }
        if (session.layout() == Layout.P1) {
            session.send(new ParameterStatus(List.of(ParameterStatus.Entry.text("session.option", "updated"),
                    ParameterStatus.Entry.text(o.name(), o.value()))));
        }
        session.sendReady(Ready.REASON_STATE_CHANGE);
    }

    private void reset(Frame f) throws ProtocolFailure, IOException {
        ResetSession r = ResetSession.decode(ServerSession.payloadOf(f));
        if (!r.rollbackOpenTransaction()) {
            throw new ProtocolFailure("25001", "NATIVE_WIRE.RESET_REFUSED_OPEN_TRANSACTION",
                    "reset_session requires rollback_open_transaction when a transaction is open", Ready.REASON_ERROR_RECOVERED);
        }
        try {
            session.engine().rollback();
        } catch (EngineException e) {
            throw new ProtocolFailure("08006", "SESSION.RESET_TIMEOUT", "reset rollback did not complete",
                    Ready.REASON_ERROR_RECOVERED);
        }
        if (r.discardStatements()) {
            closeAll();
        }
        if (r.discardTraceContext()) {
            options.remove("traceparent");
            options.remove("tracestate");
        }
        session.send(new ParameterStatus(List.of(ParameterStatus.Entry.text("session.reset", "complete"),
                ParameterStatus.Entry.text("protocol.selected_version", session.selectedVersion() == 0x0101 ? "1.1" : "1.0"))));
        session.sendReady(Ready.REASON_RESET_COMPLETE);
    }

    /**
     * REAUTH: the upstream server accepts any non-empty payload unverified (spec 9.9). In normal
     * mode we require the payload to be the session user's password.
     */
    private void reauth(Frame f) throws ProtocolFailure, IOException {
        byte[] p = f.payload();
        boolean ok = p.length > 0 && (session.quirks() || session.context().credentials().checkPassword(session.user(), p));
        if (!ok) {
            throw new ProtocolFailure("28000", p.length == 0 ? "SECURITY.REAUTH_TIMEOUT" : "SECURITY.AUTHENTICATION.FAILED",
                    "reauth requires a non-empty engine-verifiable auth payload", Ready.REASON_ERROR_RECOVERED);
        }
        session.send(new ParameterStatus(List.of(ParameterStatus.Entry.text("security.generation", "refreshed"))));
        session.sendReady(Ready.REASON_REAUTH_COMPLETE);
    }

    private void traceContext(Frame f) throws ProtocolFailure, IOException {
        TraceContext t;
        try {
            t = TraceContext.decode(ServerSession.payloadOf(f));
        } catch (WireFormatException e) {
            t = null;
        }
        if (t == null || !t.hasValidShape()) {
            throw new ProtocolFailure("08P01", "NATIVE_WIRE.TRACE_CONTEXT_INVALID",
                    "trace context failed W3C shape or payload validation", Ready.REASON_ERROR_RECOVERED);
        }
        options.put("traceparent", t.traceparent());
        options.put("tracestate", t.tracestate());
        session.send(new ParameterStatus(List.of(ParameterStatus.Entry.text("traceparent",
                t.traceparent().isEmpty() ? "absent" : "present"))));
        session.sendReady(Ready.REASON_STATE_CHANGE);
    }

    private void subscribe(boolean on) throws IOException {
        session.send(CommandComplete.of(on ? "SUBSCRIBE" : "UNSUBSCRIBE", 0));
        if (on) {
            session.send(new Notification("session", "subscription_active", 0));
        }
        session.sendReady(Ready.REASON_COMMAND_COMPLETE);
    }

    private void finalityQuery(Frame f) throws ProtocolFailure, IOException {
        finality.query(session, f);
    }

    private void sblr(Frame f) throws ProtocolFailure, IOException {
        checkTransaction(f, "SBLR_EXECUTE", Ready.REASON_ERROR_RECOVERED);
        PayloadReader r = ServerSession.payloadOf(f);
        if (r.remaining() < 16) {
            throw new ProtocolFailure("08P01", "SBWP.SBLR_EXECUTE.PAYLOAD_INVALID", "SBLR_EXECUTE payload is truncated",
                    Ready.REASON_ERROR_RECOVERED);
        }
        r.skip(8, "hash");
        long length = r.u32("envelope_length");
        int params = r.u16("parameter_count");
        r.skip(2, "reserved");
        if (length > r.remaining()) {
            throw new ProtocolFailure("08P01", "SBWP.SBLR_EXECUTE.PAYLOAD_INVALID", "SBLR envelope runs past the payload",
                    Ready.REASON_ERROR_RECOVERED);
        }
        if (params != 0) {
            throw new ProtocolFailure("0A000", "SBWP.SBLR_EXECUTE.PARAMETER_BINDING_REQUIRED",
                    "SBLR_EXECUTE does not bind parameters", Ready.REASON_ERROR_RECOVERED);
        }
        if (length == 0) {
            throw new ProtocolFailure("08P01", "SBWP.SBLR_EXECUTE.EMPTY_ENVELOPE", "SBLR envelope is empty",
                    Ready.REASON_ERROR_RECOVERED);
        }
        session.send(ErrorResponse.of("42000", "SBLR envelopes are not executable by the embedded server",
                "SBWP.SBLR_EXECUTE.REJECTED"));
        session.sendReady(Ready.REASON_ERROR_RECOVERED);
    }

}
