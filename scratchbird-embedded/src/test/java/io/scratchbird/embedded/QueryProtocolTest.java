package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.FeatureBits;
import io.scratchbird.wire.FrameFlags;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.Cancel;
import io.scratchbird.wire.message.CancelAck;
import io.scratchbird.wire.message.Cancelled;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.OpaqueMessage;
import io.scratchbird.wire.message.ParameterStatus;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Query;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.RowDescription;
import io.scratchbird.wire.message.SavepointCommand;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.SetOption;
import io.scratchbird.wire.message.TxnBegin;
import io.scratchbird.wire.message.TxnCommit;
import io.scratchbird.wire.message.TxnRollback;
import io.scratchbird.wire.message.TypeRefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simple and extended query, transactions, cancel and session services, frame by frame (spec 7-9). */
class QueryProtocolTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static <T> T first(List<ServerMessage> got, Class<T> type) {
        return got.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static List<DataRow> rows(List<ServerMessage> got) {
        return got.stream().filter(DataRow.class::isInstance).map(DataRow.class::cast).toList();
    }

    private static String text(DataRow r, int i) {
        return new String(r.value(i), StandardCharsets.UTF_8);
    }

    @Test
    void selectDescribesDeclaredTypesAndCountsRows() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table q1 (id integer primary key, name varchar(20), v vector(3), made timestamptz)");
            c.query("insert into q1 values (1, 'a', vector('[1,2,3]'), TIMESTAMPTZ '2024-03-01 10:00:00+00:00'), (2, null, null, null)");
            List<ServerMessage> got = c.query("select id, name, v, made from q1 order by id");
            RowDescription rd = first(got, RowDescription.class);
            assertEquals(TypeOids.INT4, TypeRefs.oidOf(rd.columns().get(0).type()));
            assertEquals(TypeOids.VARCHAR, TypeRefs.oidOf(rd.columns().get(1).type()));
            assertEquals(20, rd.columns().get(1).type().lengthChars());
            assertEquals(TypeOids.VECTOR, TypeRefs.oidOf(rd.columns().get(2).type()));
            assertEquals(3, rd.columns().get(2).type().precision());
            assertEquals(TypeOids.TIMESTAMPTZ, TypeRefs.oidOf(rd.columns().get(3).type()));
            List<DataRow> rows = rows(got);
            assertEquals(2, rows.size());
            assertEquals("1", text(rows.get(0), 0));
            assertEquals("[1.0,2.0,3.0]", text(rows.get(0), 2));
            assertTrue(rows.get(1).isNull(1));
            CommandComplete cc = first(got, CommandComplete.class);
            assertEquals("SELECT 2", cc.tag());
            assertEquals(2, cc.rows());
            assertEquals(Ready.REASON_COMMAND_COMPLETE, ((Ready) got.get(got.size() - 1)).reason());
        }
    }

    @Test
    void emptyResultStillDescribesItsColumns() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table q2 (id bigint, doc jsonb)");
            List<ServerMessage> got = c.query("select id, doc from q2");
            RowDescription rd = first(got, RowDescription.class);
            assertEquals(2, rd.columns().size());
            assertEquals(TypeOids.INT8, TypeRefs.oidOf(rd.columns().get(0).type()));
            assertEquals(TypeOids.JSONB, TypeRefs.oidOf(rd.columns().get(1).type()));
            assertEquals("SELECT 0", first(got, CommandComplete.class).tag());
        }
    }

    @Test
    void scriptsReturnEachResultAndStopAtTheFirstError() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            List<ServerMessage> got = c.query("create table q3 (id int primary key); insert into q3 values (1); insert into q3 values (1); insert into q3 values (2)");
            ErrorResponse e = first(got, ErrorResponse.class);
            assertEquals("23505", e.sqlState());
            assertTrue(e.detail().startsWith("CLI.CONSTRAINT"), e.detail());
            assertEquals(Ready.REASON_ERROR_RECOVERED, ((Ready) got.get(got.size() - 1)).reason());
            List<ServerMessage> count = c.query("select count(*) from q3");
            assertEquals("1", text(rows(count).get(0), 0), "autocommit kept the statements before the failure; later ones never ran");
        }
    }

    @Test
    void syntaxErrorsCarryPositionAndTheConnectionStaysUsable() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            ErrorResponse e = first(c.query("select * form q3"), ErrorResponse.class);
            assertEquals("42601", e.sqlState());
            assertTrue(Integer.parseInt(e.field(ErrorResponse.POSITION)) > 0);
            assertNull(first(c.query("select 1"), ErrorResponse.class));
            assertEquals("42P01", first(c.query("select * from no_such_table"), ErrorResponse.class).sqlState());
        }
    }

    @Test
    void arrayLiteralsOfDecimalsAreDeliveredNotDropped() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            List<ServerMessage> got = c.query("select array[1.5, 2.5]");
            assertNull(SbwpTestClient.error(got));
            assertEquals("{1.5,2.5}", text(rows(got).get(0), 0));
        }
    }

    @Test
    void syncAfterACompletedRequestSendsNothing() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("select 1");
            c.send(EmptyMessage.SYNC);
            c.send(OpaqueMessage.ping(new byte[]{7}));
            ServerMessage next = c.read();
            assertEquals(MessageType.PONG, next.type(), "no READY answers a SYNC right after a READY (spec 8.5)");
        }
    }

    @Test
    void extendedQueryBindsRealValuesAndSuspendsAtMaxRows() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table q4 (id int, label text)");
            c.send(new Parse("ins", "insert into q4 values ($1, $2)", List.of(TypeOids.INT4, TypeOids.TEXT)));
            for (int i = 1; i <= 5; i++) {
                c.send(new Bind("", "ins", List.of(1), new byte[][]{Codecs.INT4.encodeBinary(i),
                        Codecs.TEXT.encodeBinary("it's " + i)}, List.of()));
                c.send(new Execute("", 0, null));
            }
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> inserted = c.untilReady();
            assertNull(SbwpTestClient.error(inserted));
            assertEquals(5, inserted.stream().filter(CommandComplete.class::isInstance).count());

            c.send(new Parse("sel", "select id, label from q4 where id >= ? order by id", List.of(TypeOids.INT4)));
            c.send(new Bind("p", "sel", List.of(1), new byte[][]{Codecs.INT4.encodeBinary(2)}, List.of(1, 0)));
            c.send(new Execute("p", 2, null));
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> page1 = c.untilReady();
            assertEquals(2, rows(page1).size());
            assertEquals(2, Codecs.INT4.decodeBinary(rows(page1).get(0).value(0)), "column 0 came back binary as asked");
            assertEquals("it's 2", text(rows(page1).get(0), 1));
            assertTrue(page1.stream().anyMatch(m -> m.type() == MessageType.PORTAL_SUSPENDED));
            c.send(new Execute("p", 0, null));
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> rest = c.untilReady();
            assertEquals(2, rows(rest).size());
            assertEquals(4, first(rest, CommandComplete.class).rows());
        }
    }

    @Test
    void injectionStringsAreDataNotSql() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table q5 (s text)");
            String evil = "x'); drop table q5; --";
            c.send(new Parse("", "insert into q5 values (?)", List.of(TypeOids.TEXT)));
            c.send(new Bind("", "", List.of(1), new byte[][]{Codecs.TEXT.encodeBinary(evil)}, List.of()));
            c.send(new Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()));
            assertEquals(evil, text(rows(c.query("select s from q5")).get(0), 0));
        }
    }

    @Test
    void explicitTransactionsRollBackAndEveryCommitChangesTheTransactionId() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table q6 (id int)");
            c.send(TxnBegin.withIsolation(TxnBegin.READ_COMMITTED));
            Ready begun = (Ready) c.untilReady().get(1);
            assertEquals(Ready.STATUS_IN_TRANSACTION, begun.status());
            c.query("insert into q6 values (1)");
            c.send(TxnRollback.PLAIN);
            Ready after = (Ready) c.untilReady().get(1);
            assertEquals(Ready.STATUS_IDLE, after.status());
            assertNotEquals(begun.txnId(), after.txnId());
            assertEquals("0", text(rows(c.query("select count(*) from q6")).get(0), 0));

            c.send(TxnBegin.NO_OPTIONS);
            c.untilReady();
            c.query("insert into q6 values (2)");
            c.send(TxnCommit.PLAIN);
            List<ServerMessage> committed = c.untilReady();
            assertEquals("COMMIT", first(committed, CommandComplete.class).tag());
            assertEquals("1", text(rows(c.query("select count(*) from q6")).get(0), 0));
        }
    }

    @Test
    void aStaleTransactionIdIsRefusedWithReadyErrorRecovered() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(Query.of("select 1"), 0, 0x7777_7777L);
            List<ServerMessage> got = c.untilReady();
            ErrorResponse e = first(got, ErrorResponse.class);
            assertEquals("25000", e.sqlState());
            assertEquals("SBWP.TRANSACTION_ID_MISMATCH", e.message());
            assertEquals("QUERY frame transaction does not match the current engine transaction", e.detail());
            assertEquals(Ready.REASON_ERROR_RECOVERED, ((Ready) got.get(got.size() - 1)).reason());
            long current = ((Ready) c.query("select 1").get(3)).txnId();
            c.send(Query.of("select 1"), 0, current);
            assertNull(SbwpTestClient.error(c.untilReady()), "the current id passes the check");
        }
    }

    @Test
    void savepointFramesWithTheFeatureBit() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server(), "sysdba", "masterkey", FeatureBits.SAVEPOINTS)) {
            c.query("create table q7 (id int)");
            c.send(TxnBegin.NO_OPTIONS);
            c.untilReady();
            c.query("insert into q7 values (1)");
            c.send(SavepointCommand.savepoint("sp_1"));
            assertEquals("SAVEPOINT", first(c.untilReady(), CommandComplete.class).tag());
            c.query("insert into q7 values (2)");
            c.send(SavepointCommand.rollbackTo("sp_1"));
            assertEquals("ROLLBACK", first(c.untilReady(), CommandComplete.class).tag());
            c.send(SavepointCommand.savepoint("bad name"));
            List<ServerMessage> bad = c.untilReady();
            assertEquals("SBWP.SAVEPOINT.INVALID_PAYLOAD", first(bad, ErrorResponse.class).message());
            assertEquals(Ready.REASON_ERROR_RECOVERED, ((Ready) bad.get(bad.size() - 1)).reason());
            c.send(TxnCommit.PLAIN);
            c.untilReady();
            assertEquals("1", text(rows(c.query("select count(*) from q7")).get(0), 0));
        }
    }

    @Test
    void cancelInterruptsTheRunningStatementAndAnswersInOrder() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(Query.of("select count(*) from system_range(1, 5000) a, system_range(1, 5000) b, system_range(1, 5000) c"));
            Thread.sleep(300);
            long start = System.nanoTime();
            c.send(Cancel.of(UUID.randomUUID(), null), FrameFlags.URGENT, 0);
            List<ServerMessage> statement = c.untilReady();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("57014", first(statement, ErrorResponse.class).sqlState());
            assertTrue(millis < 10_000, "cancel took " + millis + " ms");
            List<ServerMessage> outcome = c.untilReady();
            assertInstanceOf(CancelAck.class, outcome.get(0));
            assertEquals("user_statement_cancelled", assertInstanceOf(Cancelled.class, outcome.get(1)).outcomeClass());
            assertEquals(Ready.REASON_CANCEL_OUTCOME, ((Ready) outcome.get(2)).reason());
            assertNull(SbwpTestClient.error(c.query("select 1")), "the session is usable after a cancel");
        }
    }

    @Test
    void cancelWithNothingRunningReportsTargetNotFound() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(Cancel.parity(3), FrameFlags.URGENT, 0);
            List<ServerMessage> outcome = c.untilReady();
            assertEquals(Cancel.FALLBACK_ID, ((CancelAck) outcome.get(0)).cancelId());
            assertEquals("cancel_target_not_found", ((Cancelled) outcome.get(1)).outcomeClass());
        }
    }

    @Test
    void setOptionEchoesAndPartialQueriesReassemble() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server(), "sysdba", "masterkey", FeatureBits.STREAMING)) {
            c.send(new SetOption("copy_window_bytes", "65536"));
            List<ServerMessage> got = c.untilReady();
            assertEquals("updated", ((ParameterStatus) got.get(0)).asMap().get("session.option"));
            assertEquals(Ready.REASON_STATE_CHANGE, ((Ready) got.get(1)).reason());

            byte[] payload = Query.of("select 40 + 2").encodePayload();
            byte[] a = java.util.Arrays.copyOf(payload, 7);
            byte[] b = java.util.Arrays.copyOfRange(payload, 7, payload.length);
            c.send(new RawQueryPiece(a), FrameFlags.PARTIAL, 0);
            c.send(new RawQueryPiece(b), FrameFlags.FINAL, 0);
            assertEquals("42", text(rows(c.untilReady()).get(0), 0));
        }
    }

    /** A QUERY frame carrying an arbitrary piece of a payload. */
    private record RawQueryPiece(byte[] bytes) implements io.scratchbird.wire.message.ClientMessage {
        @Override
        public MessageType type() {
            return MessageType.QUERY;
        }

        @Override
        public void writePayload(PayloadWriter out) {
            out.bytes(bytes);
        }
    }

    @Test
    void twoSessionsDoNotBlockEachOther() throws Exception {
        try (SbwpTestClient slow = SbwpTestClient.connect(db.server()); SbwpTestClient fast = SbwpTestClient.connect(db.server())) {
            slow.query("create table q8 (id int primary key, v int)");
            slow.query("insert into q8 values (1, 0)");
            slow.send(TxnBegin.NO_OPTIONS);
            slow.untilReady();
            slow.query("update q8 set v = 1 where id = 1");
            // the other session reads (MVCC) and works on without waiting for the open transaction
            CompletableFuture<List<ServerMessage>> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return fast.query("select v from q8 where id = 1");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertEquals("0", text(rows(read.get(10, TimeUnit.SECONDS)).get(0), 0));
            slow.send(TxnRollback.PLAIN);
            slow.untilReady();
        }
    }
}
