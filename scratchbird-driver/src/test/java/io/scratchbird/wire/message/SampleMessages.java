package io.scratchbird.wire.message;

import io.scratchbird.wire.Bytes;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.NullableText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random but reproducible instances of every message the codec encodes, including edge values:
 * empty and non-BMP strings, all-ones integers, NULL cells, optional fields present and absent.
 */
final class SampleMessages {

    /** A message with what is needed to decode it again. */
    record Sample(Message message, boolean fromClient, Layout layout) {
        @Override
        public String toString() {
            return message.type() + (layout == Layout.LEGACY ? " (legacy)" : "") + " " + message;
        }
    }

    private static final String[] STRINGS = {"", "a", "select 1", "ünïcødé", "𝄞 emoji 😀", "x\u0001y", "quote ' and \" and \\"};

    private final Random rnd;

    SampleMessages(long seed) {
        this.rnd = new Random(seed);
    }

    static List<Sample> many(int rounds) {
        List<Sample> all = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            all.addAll(new SampleMessages(1000L + i).one());
        }
        return all;
    }

    List<Sample> one() {
        List<Sample> s = new ArrayList<>();
        client(s, Startup.of(rnd.nextLong(), List.of(Startup.ConnectKey.text("user", str()), Startup.ConnectKey.secret("auth_token", str()),
                new Startup.ConnectKey("database", 2, 0, Bytes.of(bytes(rnd.nextBoolean() ? 8 : 4))))));
        client(s, new Startup(0x0100, 0x0101, 0x11, rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), Bytes.of(bytes(16)),
                Bytes.zeros(16), Bytes.of(bytes(16)), List.of(), List.of(new Startup.ExtensionOffer(str(), 1, 0, 65535, 2))));
        client(s, LegacyStartup.of(List.of(new LegacyStartup.Param("user", "u" + rnd.nextInt(9)))));
        client(s, OpaqueMessage.authResponse(bytes(rnd.nextInt(40))));
        client(s, new Query(rnd.nextInt(), rnd.nextInt(), rnd.nextInt(), str(), null));
        client(s, new Query(Query.SCRIPT_INGEST, 0, 0, "a;b;c", new Query.ScriptTrailer(rnd.nextInt(0x10000), rnd.nextLong(), rnd.nextInt(), rnd.nextInt())));
        client(s, new Parse(str(), str(), List.of(0, 23, 16386, -1)));
        client(s, new Bind(str(), str(), List.of(0, 1), new byte[][]{bytes(8), null, new byte[0], bytes(rnd.nextInt(300))}, List.of(1)));
        client(s, new Bind("", "s", List.of(), new byte[0][], List.of()));
        client(s, new Describe(rnd.nextBoolean() ? Describe.STATEMENT : Describe.PORTAL, str()));
        client(s, new Execute(str(), rnd.nextInt(), null));
        client(s, new Execute(str(), 0, rnd.nextInt()));
        client(s, new Close(Close.PORTAL, str()));
        client(s, EmptyMessage.SYNC);
        client(s, EmptyMessage.TERMINATE);
        client(s, EmptyMessage.COPY_DONE);
        client(s, Cancel.of(UUID.randomUUID(), rnd.nextBoolean() ? null : new UUID(rnd.nextLong(), rnd.nextLong())));
        client(s, Cancel.parity(rnd.nextInt()));
        client(s, OpaqueMessage.copyData(bytes(rnd.nextInt(100))));
        client(s, new CopyFail(str()));
        client(s, new SblrExecute(rnd.nextLong(), 0, Bytes.of(bytes(rnd.nextInt(50)))));
        client(s, new Subscribe(rnd.nextInt(4), str(), str()));
        client(s, new Unsubscribe(str()));
        client(s, TxnBegin.withIsolation(rnd.nextInt(4)));
        client(s, new TxnBegin(TxnBegin.HAS_READ_COMMITTED_MODE | TxnBegin.HAS_TIMEOUT, 1, 0, 1, 0, true, true, rnd.nextInt(), 2));
        client(s, TxnCommit.PLAIN);
        client(s, new TxnCommit(0, new TxnCommit.Finality(3, new UUID(rnd.nextLong(), rnd.nextLong()), rnd.nextLong(), rnd.nextLong())));
        client(s, TxnRollback.PLAIN);
        client(s, SavepointCommand.savepoint("sp_" + rnd.nextInt(100)));
        client(s, SavepointCommand.release("a"));
        client(s, SavepointCommand.rollbackTo("B_1"));
        client(s, OpaqueMessage.ping(bytes(rnd.nextInt(10))));
        client(s, new SetOption(str() + "n", str()));
        client(s, ResetSession.of(rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean()));
        client(s, OpaqueMessage.reauth(bytes(1 + rnd.nextInt(10))));
        client(s, new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", str()));
        client(s, new TxnStatusQuery(rnd.nextInt(0x10000), new UUID(rnd.nextLong(), 1), new UUID(0, 0), rnd.nextLong()));
        client(s, ArrayBind.of(List.of(ArrayBind.Slot.positional(1, TypeRef.of(2, 4)), ArrayBind.Slot.positional(2, TypeRef.of(8, 1))),
                List.of(new ArrayBind.Row(1, List.of(ArrayBind.Cell.text(1, "7"), ArrayBind.Cell.text(2, null))),
                        new ArrayBind.Row(2, List.of(ArrayBind.Cell.text(1, "-1"), ArrayBind.Cell.text(2, str()))))));

        server(s, AuthRequest.of(rnd.nextInt(16)));
        server(s, new AuthContinue(3, 1, Bytes.utf8("r=abc,s=" + str() + ",i=4096")));
        server(s, new AuthOk(UUID.randomUUID(), Bytes.utf8(rnd.nextBoolean() ? "" : "v=" + str())));
        server(s, new ServerInfo(UUID.randomUUID(), new UUID(0, 0), new UUID(0, 0), "ScratchBird native SBWP P1", "public-alpha", "sbsql", 1, 0x016FE3D6L, 1));
        server(s, new ParameterStatus(List.of(ParameterStatus.Entry.text("protocol.selected_version", "1.1"), new ParameterStatus.Entry(str(), 1, 1, str()))));
        server(s, new ParameterStatus(List.of()));
        server(s, Ready.of(UUID.randomUUID(), rnd.nextLong(), 1 + rnd.nextInt(7), 0x0101, rnd.nextLong()));
        s.add(new Sample(LegacyReady.of(rnd.nextLong()), false, Layout.LEGACY));
        Map<MetadataText, NullableText> meta = new EnumMap<>(MetadataText.class);
        meta.put(MetadataText.BASE_TABLE, NullableText.of(str()));
        meta.put(MetadataText.TYPE_NAME, NullableText.of("int4"));
        meta.put(MetadataText.REMARKS, new NullableText(NullableText.HIDDEN, ""));
        server(s, RowDescription.of(0, List.of(RowDescription.Column.of(1, str(), TypeRef.of(2, 3), rnd.nextBoolean(), 1, Map.of()),
                RowDescription.Column.of(2, "c", TypeRef.of(22, 1), false, 0, meta))));
        server(s, RowDescription.of(1, List.of()));
        s.add(new Sample(new LegacyRowDescription(List.of(new LegacyRowDescription.Column(str(), 0, 0, 23, (short) -1, -1, 0, 1))), false, Layout.LEGACY));
        server(s, DataRow.of(bytes(3), null, new byte[0], str().getBytes(StandardCharsets.UTF_8), null, null, null, null, bytes(1)));
        server(s, DataRow.of());
        server(s, CommandComplete.of(rnd.nextBoolean() ? "SELECT 3" : "INSERT", rnd.nextLong()));
        server(s, ErrorResponse.of("23505", str(), str()));
        server(s, new ErrorResponse(true, List.of(new ErrorResponse.Field('S', "NOTICE"), new ErrorResponse.Field('Z', str()))));
        server(s, EmptyMessage.PARSE_COMPLETE);
        server(s, EmptyMessage.BIND_COMPLETE);
        server(s, EmptyMessage.CLOSE_COMPLETE);
        server(s, EmptyMessage.NO_DATA);
        server(s, EmptyMessage.PORTAL_SUSPENDED);
        server(s, EmptyMessage.EMPTY_QUERY);
        server(s, ParameterDescription.of(List.of(ParameterDescription.Parameter.of(1, TypeRef.of(2, 4), rnd.nextBoolean()))));
        s.add(new Sample(new LegacyParameterDescription(List.of(23, 25, 0)), false, Layout.LEGACY));
        server(s, new CopyInResponse(rnd.nextInt(2), rnd.nextInt()));
        server(s, new Notification("session", "subscription_active", 0));
        server(s, new TxnStatusRecord(1, 5, 5, new UUID(rnd.nextLong(), 2), new UUID(0, 0), rnd.nextLong(), rnd.nextLong(), rnd.nextLong(),
                "SBWP.COMMIT.FINALITY_NOT_FOUND", str()));
        server(s, OpaqueMessage.pong(bytes(rnd.nextInt(10))));
        server(s, new CancelAck(Cancel.FALLBACK_ID, 1));
        server(s, rnd.nextBoolean() ? Cancelled.targetNotFound(UUID.randomUUID()) : Cancelled.statementCancelled(Cancel.FALLBACK_ID));
        server(s, new SblrCompiled(rnd.nextLong(), 3, Bytes.of(bytes(rnd.nextInt(40)))));
        return s;
    }

    private void client(List<Sample> s, Message m) {
        s.add(new Sample(m, true, Layout.P1));
    }

    private void server(List<Sample> s, Message m) {
        s.add(new Sample(m, false, Layout.P1));
    }

    private String str() {
        return STRINGS[rnd.nextInt(STRINGS.length)];
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static boolean isClientType(MessageType t) {
        return t.direction() != MessageType.Direction.SERVER;
    }
}
