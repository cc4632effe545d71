package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.ReadyMessage;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.TxnBegin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, server limits: parameter count per statement (54023), the per-session prepared
 * statement / portal store (256 names, 4 MiB, 54000) and the idle-in-transaction timeout (25P03),
 * frame by frame.
 */
class SessionLimitsTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static String markers(int n) {
        return "select " + String.join(",", Collections.nCopies(n, "?"));
    }

    private static void assertUsable(SbwpTestClient c) throws Exception {
        List<ServerMessage> got = c.query("select 1");
        assertNull(SbwpTestClient.error(got), "the session stays usable: " + got);
    }

    // ------------------------------------------------------------------ parameter count

    @Test
    void parseOfAStatementWithMoreThan65535MarkersIsRefusedWith54023() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(new Parse("many", markers(65_536), List.of()));
            ServerMessage answer = c.read();
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, answer, "PARSE must be refused, got " + answer);
            assertEquals("54023", e.sqlState());
            assertTrue(e.message().contains("65536") && e.message().contains("65535"), e.message());
            assertEquals("SBWP.PARAMETER.LIMIT_EXCEEDED", e.detail());
            c.send(EmptyMessage.SYNC);
            assertInstanceOf(ReadyMessage.class, c.read(), "SYNC ends the failed extended-protocol request");
            // the refused statement was not stored
            c.send(new Bind("", "many", List.of(), new byte[0][], List.of()));
            c.send(EmptyMessage.SYNC);
            assertEquals("08P01", SbwpTestClient.error(c.untilReady()).sqlState());
            assertUsable(c);
        }
    }

    @Test
    void aHugeDollarMarkerCountsAsThatManyParameters() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(new Parse("", "select $70000", List.of()));
            c.send(EmptyMessage.SYNC);
            assertEquals("54023", SbwpTestClient.error(c.untilReady()).sqlState());
            c.send(new Parse("", "select $99999999999999", List.of()));
            c.send(EmptyMessage.SYNC);
            assertEquals("54023", SbwpTestClient.error(c.untilReady()).sqlState());
            c.send(new Parse("", "select $65535", List.of()));
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()), "exactly the limit is accepted");
        }
    }

    @Test
    void parseAtTheLimitIsAccepted() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(new Parse("edge", markers(65_535), List.of()));
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()));
        }
    }

    @Test
    void simpleQueryTextWithTooManyMarkersIsRefusedWith54023AndReady() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            List<ServerMessage> got = c.query(markers(65_536));
            ErrorResponse e = SbwpTestClient.error(got);
            assertNotNull(e, "refused: " + got);
            assertEquals("54023", e.sqlState(), e.message());
            assertInstanceOf(ReadyMessage.class, got.get(got.size() - 1));
            // markers inside literals and comments do not count
            String quoted = "select '" + "?".repeat(70_000) + "' as q /* " + "$1 ".repeat(10) + "$70000 */";
            assertNull(SbwpTestClient.error(c.query(quoted)));
            assertUsable(c);
        }
    }

    @Test
    void aConfiguredLowerLimitIsEnforcedAtParseBindAndQuery() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().port(0).maxParametersPerStatement(3).start();
             SbwpTestClient c = SbwpTestClient.connect(server)) {
            c.query("create table lim (a int, b int, c int, d int)");
            // declared types count
            c.send(new Parse("four", "insert into lim values (?, ?, ?, ?)",
                    List.of(TypeOids.INT4, TypeOids.INT4, TypeOids.INT4, TypeOids.INT4)));
            c.send(EmptyMessage.SYNC);
            assertEquals("54023", SbwpTestClient.error(c.untilReady()).sqlState());
            // inferred count
            c.send(new Parse("four", "insert into lim values (?, ?, ?, ?)", List.of()));
            c.send(EmptyMessage.SYNC);
            assertEquals("54023", SbwpTestClient.error(c.untilReady()).sqlState());
            // BIND supplying more values than the limit, to a statement within it
            c.send(new Parse("three", "insert into lim (a, b, c) values (?, ?, ?)", List.of(TypeOids.INT4, TypeOids.INT4, TypeOids.INT4)));
            byte[] one = Codecs.INT4.encodeBinary(1);
            c.send(new Bind("", "three", List.of(1), new byte[][]{one, one, one, one}, List.of()));
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> got = c.untilReady();
            assertInstanceOf(EmptyMessage.class, got.get(0), "PARSE_COMPLETE for the 3-parameter statement");
            assertEquals("54023", SbwpTestClient.error(got).sqlState());
            assertEquals("54023", SbwpTestClient.error(c.query("select ?, ?, ?, ?")).sqlState());
            // within the limit everything works
            c.send(new Bind("", "three", List.of(1), new byte[][]{one, one, one}, List.of()));
            c.send(new io.scratchbird.wire.message.Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()));
        }
    }

    @Test
    void aRefusedParseOrBindNeverLetsThePipelinedExecuteRunAStaleStatement() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().port(0).maxParametersPerStatement(2).start();
             SbwpTestClient c = SbwpTestClient.connect(server)) {
            c.query("create table stale (a int, b int, c int)");
            byte[] one = Codecs.INT4.encodeBinary(1);
            c.send(new Parse("", "insert into stale (a, b) values (?, ?)", List.of(TypeOids.INT4, TypeOids.INT4)));
            c.send(new Bind("", "", List.of(1), new byte[][]{one, one}, List.of()));
            c.send(new io.scratchbird.wire.message.Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()));
            // refused PARSE of the unnamed statement, then BIND + EXECUTE pipelined behind it
            c.send(new Parse("", "insert into stale values (?, ?, ?)", List.of()));
            c.send(new Bind("", "", List.of(1), new byte[][]{one, one}, List.of()));
            c.send(new io.scratchbird.wire.message.Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> got = c.untilReady();
            assertEquals("54023", SbwpTestClient.error(got).sqlState(), got.toString());
            // refused BIND of the unnamed portal, then EXECUTE
            c.send(new Parse("two", "insert into stale (a, b) values (?, ?)", List.of(TypeOids.INT4, TypeOids.INT4)));
            c.send(new Bind("", "two", List.of(1), new byte[][]{one, one, one}, List.of()));
            c.send(new io.scratchbird.wire.message.Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            got = c.untilReady();
            assertEquals("54023", SbwpTestClient.error(got).sqlState(), got.toString());
            List<ServerMessage> count = c.query("select count(*) from stale");
            assertEquals("1", new String(((io.scratchbird.wire.message.DataRow) count.stream()
                    .filter(io.scratchbird.wire.message.DataRow.class::isInstance).findFirst().orElseThrow()).value(0),
                    java.nio.charset.StandardCharsets.UTF_8), "only the first, accepted insert ran");
        }
    }

    @Test
    void theBuilderRejectsLimitsTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedScratchBird.builder().maxParametersPerStatement(0));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedScratchBird.builder().maxParametersPerStatement(65_536));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedScratchBird.builder().idleInTransactionTimeout(Duration.ofSeconds(-1)));
    }

    // ------------------------------------------------------------------ statement store

    @Test
    void aStatementOver4MiBIsRefusedWith54000AndTheSessionStaysUsable() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            String huge = "select '" + "x".repeat(2_200_000) + "'";     // stored as UTF-16: > 4 MiB
            c.send(new Parse("huge", huge, List.of()));
            c.send(EmptyMessage.SYNC);
            ErrorResponse e = SbwpTestClient.error(c.untilReady());
            assertNotNull(e);
            assertEquals("54000", e.sqlState());
            assertEquals("prepared statement cache limit exceeded", e.message());
            assertUsable(c);
        }
    }

    @Test
    void aPortalOver4MiBIsRefusedWith54000() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.send(new Parse("p", "select ?", List.of(TypeOids.TEXT)));
            c.send(new Bind("big", "p", List.of(1), new byte[][]{Codecs.TEXT.encodeBinary("y".repeat(5_000_000))}, List.of()));
            c.send(EmptyMessage.SYNC);
            ErrorResponse e = SbwpTestClient.error(c.untilReady());
            assertNotNull(e);
            assertEquals("54000", e.sqlState());
            assertEquals("bound portal cache limit exceeded", e.message());
            assertUsable(c);
        }
    }

    @Test
    void atMost256StatementsAreKeptTheLeastRecentIsEvicted() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            for (int i = 0; i <= 256; i++) {
                c.send(new Parse("s" + i, "select " + i, List.of()));
            }
            c.send(EmptyMessage.SYNC);
            assertNull(SbwpTestClient.error(c.untilReady()));
            c.send(new Bind("", "s0", List.of(), new byte[0][], List.of()));
            c.send(EmptyMessage.SYNC);
            assertEquals("08P01", SbwpTestClient.error(c.untilReady()).sqlState(), "s0 was evicted");
            for (int i : new int[]{1, 128, 256}) {
                c.send(new Bind("", "s" + i, List.of(), new byte[0][], List.of()));
                c.send(EmptyMessage.SYNC);
                assertNull(SbwpTestClient.error(c.untilReady()), "s" + i + " is kept");
            }
        }
    }

    // ------------------------------------------------------------------ idle in transaction

    @Test
    void aSessionIdleInATransactionIsRolledBackAndClosedWith25P03() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().port(0)
                .idleInTransactionTimeout(Duration.ofMillis(700)).start();
             SbwpTestClient idle = SbwpTestClient.connect(server);
             SbwpTestClient other = SbwpTestClient.connect(server)) {
            other.query("create table held (id int primary key, v int)");
            other.query("insert into held values (1, 0)");
            idle.send(TxnBegin.NO_OPTIONS);
            assertNull(SbwpTestClient.error(idle.untilReady()));
            assertNull(SbwpTestClient.error(idle.query("update held set v = 99 where id = 1")));
            assertEquals(2, server.activeSessions());

            long t0 = System.nanoTime();
            ServerMessage goodbye = idle.read();                   // unsolicited: the timeout fired
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            ErrorResponse e = assertInstanceOf(ErrorResponse.class, goodbye);
            assertEquals("25P03", e.sqlState());
            assertEquals("terminating connection due to idle-in-transaction timeout", e.message());
            assertTrue(idle.closedByServer(), "the connection is closed after the error");
            assertTrue(waitedMs < 10_000, "fired after " + waitedMs + " ms");

            List<ServerMessage> upd = other.query("update held set v = 1 where id = 1");
            assertNull(SbwpTestClient.error(upd), "the row lock was released: " + upd);
            List<ServerMessage> rows = other.query("select v from held where id = 1");
            assertEquals("1", new String(((io.scratchbird.wire.message.DataRow) rows.stream()
                    .filter(io.scratchbird.wire.message.DataRow.class::isInstance).findFirst().orElseThrow()).value(0),
                    java.nio.charset.StandardCharsets.UTF_8), "the idle session's update was rolled back");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.activeSessions() != 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, server.activeSessions(), "the idle session was deregistered");
        }
    }

    @Test
    void aSessionIdleOutsideATransactionIsNotClosed() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().port(0)
                .idleInTransactionTimeout(Duration.ofMillis(300)).start();
             SbwpTestClient c = SbwpTestClient.connect(server)) {
            assertUsable(c);
            Thread.sleep(1_000);
            assertUsable(c);
            // a busy transaction (frames keep arriving) is not idle either
            c.send(TxnBegin.NO_OPTIONS);
            c.untilReady();
            for (int i = 0; i < 5; i++) {
                Thread.sleep(150);
                assertUsable(c);
            }
            List<ServerMessage> done = c.query("commit");
            assertNull(SbwpTestClient.error(done));
            Thread.sleep(700);
            assertUsable(c);
        }
    }

    @Test
    void zeroDisablesTheIdleTimeout() throws Exception {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().port(0)
                .idleInTransactionTimeout(Duration.ZERO).start();
             SbwpTestClient c = SbwpTestClient.connect(server)) {
            c.send(TxnBegin.NO_OPTIONS);
            c.untilReady();
            Thread.sleep(800);
            assertUsable(c);
        }
    }
}
