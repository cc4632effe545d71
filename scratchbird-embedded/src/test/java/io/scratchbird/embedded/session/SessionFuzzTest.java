package io.scratchbird.embedded.session;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.storage.H2SqlEngine;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.ClientMessage;
import io.scratchbird.wire.message.Close;
import io.scratchbird.wire.message.Describe;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.LegacyStartup;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.SavepointCommand;
import io.scratchbird.wire.message.Startup;
import io.scratchbird.wire.message.TxnBegin;
import io.scratchbird.wire.message.TxnCommit;
import io.scratchbird.wire.message.TxnRollback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The session state machine under arbitrary frame sequences after a real login: every sequence
 * must end the session (no hang: the session thread finishes within a bound once the client's
 * stream ends), every byte the server answers must be a well-formed frame the driver decodes, and
 * the session must leave the server (no session left registered, no open transaction).
 *
 * <p>The input builds up to 12 frames from a mix of valid messages with fuzzed fields (so the
 * fuzzer reaches deep states: portals, transactions, savepoints) and raw frames with any type,
 * flags and payload.
 */
class SessionFuzzTest {

    private static final byte[] PASSWORD = "fuzz".getBytes(StandardCharsets.UTF_8);
    private static final H2SqlEngine ENGINE;
    private static final ServerContext CONTEXT;
    private static final Credentials CREDENTIALS = new Credentials() {
        @Override
        public boolean checkPassword(String user, byte[] password) {
            return Arrays.equals(PASSWORD, password);
        }

        @Override
        public ScramExchange startScram(String user) {
            throw new UnsupportedOperationException("the fuzz server uses PASSWORD");
        }
    };

    static {
        try {
            ENGINE = H2SqlEngine.inMemory(java.time.Duration.ofMillis(200));
        } catch (EngineException e) {
            throw new ExceptionInInitializerError(e);
        }
        CONTEXT = new ServerContext(new SessionSettings(false, 1, 4, "primary", "default"), ENGINE, CREDENTIALS);
    }

    private static final List<MessageType> CLIENT_TYPES = Arrays.stream(MessageType.values())
            .filter(t -> t.direction() != MessageType.Direction.SERVER).toList();

    @FuzzTest(maxDuration = "10s")
    void frameSequences(FuzzedDataProvider data) throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        int seq = 0;
        boolean legacy = data.consumeBoolean();
        long features = data.consumeLong();
        ClientMessage startup = legacy
                ? LegacyStartup.of(List.of(new LegacyStartup.Param("user", "fuzz"), new LegacyStartup.Param("database", "default")))
                : Startup.of(features, List.of(Startup.ConnectKey.text("database", "default"), Startup.ConnectKey.text("user", "fuzz")));
        frame(in, startup, 0, seq++);
        frame(in, OpaqueMessage.authResponse(data.consumeBoolean() ? PASSWORD : data.consumeBytes(8)), 0, seq++);
        int n = data.consumeInt(0, 12);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            int kind = data.consumeInt(0, 11);
            String text = data.consumeString(60).replace('\0', ' '); // the client encoder refuses NUL in a cstr
            switch (kind) {
                case 0 -> frame(in, Query.of(text), 0, seq++);
                case 1 -> frame(in, new Parse(data.consumeBoolean() ? "" : "s", text, List.of()), 0, seq++);
                case 2 -> {
                    int count = data.consumeInt(0, 3);
                    byte[][] values = new byte[count][];
                    for (int v = 0; v < count; v++) {
                        values[v] = data.consumeBoolean() ? null : data.consumeBytes(12);
                    }
                    frame(in, new Bind("", data.consumeBoolean() ? "" : "s", List.of(data.consumeInt(0, 1)), values,
                            List.of(data.consumeInt(0, 1))), 0, seq++);
                }
                case 3 -> frame(in, new Execute("", data.consumeInt(0, 5), null), 0, seq++);
                case 4 -> frame(in, new Describe(data.consumeBoolean() ? Describe.STATEMENT : Describe.PORTAL,
                        data.consumeBoolean() ? "" : "s"), 0, seq++);
                case 5 -> frame(in, EmptyMessage.SYNC, 0, seq++);
                case 6 -> frame(in, data.consumeBoolean() ? TxnBegin.NO_OPTIONS : TxnBegin.withIsolation(data.consumeInt(0, 5)),
                        0, seq++);
                case 7 -> frame(in, data.consumeBoolean() ? TxnCommit.PLAIN : TxnRollback.PLAIN, 0, seq++);
                case 8 -> frame(in, switch (data.consumeInt(0, 2)) {
                    case 0 -> SavepointCommand.savepoint(text);
                    case 1 -> SavepointCommand.release(text);
                    default -> SavepointCommand.rollbackTo(text);
                }, 0, seq++);
                case 9 -> frame(in, new Close(data.consumeBoolean() ? Describe.STATEMENT : Describe.PORTAL, text), 0, seq++);
                case 10 -> frame(in, Query.of(text), data.consumeInt(0, 255), seq++);
                default -> {
                    MessageType t = CLIENT_TYPES.get(data.consumeInt(0, CLIENT_TYPES.size() - 1));
                    int code = data.consumeBoolean() ? t.code() : data.consumeInt(0, 255);
                    byte[] payload = data.consumeBytes(data.consumeInt(0, 64));
                    in.writeBytes(new Frame(new FrameHeader(code, data.consumeInt(0, 255) & data.consumeInt(0, 255),
                            payload.length, seq++, FrameHeader.ZERO_UUID, 0), payload).toBytes());
                }
            }
        }
        if (data.consumeBoolean()) {
            in.writeBytes(data.consumeRemainingAsBytes()); // trailing garbage, possibly a torn frame
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerSession session = ServerSession.over(CONTEXT, new ByteArrayInputStream(in.toByteArray()), out, () -> { }, "fuzz");
        Thread t = new Thread(session, "fuzz-session");
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(20));
        if (t.isAlive()) {
            t.interrupt();
            throw new AssertionError("the session did not end after its client's stream ended (wedged)");
        }
        if (CONTEXT.activeSessions() != 0) {
            throw new AssertionError("the ended session is still registered: " + CONTEXT.activeSessions());
        }
        // Everything the server said must be well-formed frames the driver decodes.
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), FrameHeader.CLIENT_MAX_PAYLOAD);
        Layout layout = Layout.LEGACY;
        for (Frame f; (f = reader.read()) != null; ) {
            if (f.type() == MessageType.SERVER_INFO.code()) {
                layout = Layout.P1;
            }
            if (Messages.decodeServer(f, layout) instanceof ErrorResponse e && "XX000".equals(e.field(ErrorResponse.SQLSTATE))) {
                throw new AssertionError("a client's frames caused an internal server error: " + e);
            }
        }
    }

    private static void frame(ByteArrayOutputStream out, ClientMessage m, int flags, int seq) {
        out.writeBytes(Messages.toFrame(m, flags, seq, FrameHeader.ZERO_UUID, 0).toBytes());
    }
}
