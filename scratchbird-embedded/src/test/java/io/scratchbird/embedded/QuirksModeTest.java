package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.Bind;
import io.scratchbird.wire.message.CommandComplete;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.EmptyMessage;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Execute;
import io.scratchbird.wire.message.Parse;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.RowDescription;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.TypeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference-quirks mode: what today's upstream server puts on the wire (spec 13.2). */
class QuirksModeTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.configured(b -> b.referenceQuirks(true));

    @Test
    void passwordAuthTextValuesAndInferredTypes() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            assertEquals(AuthRequest.PASSWORD, ((AuthRequest) c.handshakeMessages().get(0)).method());
            List<ServerMessage> got = c.query("select 7 as id, 'x' as name, cast(1.5 as numeric(3,1)) as amount, true as ok");
            RowDescription rd = (RowDescription) got.get(0);
            assertEquals(TypeRef.of(2, 4), rd.columns().get(0).type(), "integers are inferred as int8");
            assertEquals(TypeRef.of(8, 1), rd.columns().get(1).type());
            assertEquals(TypeRef.of(4, 1), rd.columns().get(2).type());
            assertEquals(TypeRef.of(1, 1), rd.columns().get(3).type());
            rd.columns().forEach(col -> assertEquals(1, col.valueFormat(), "values are text"));
            DataRow row = (DataRow) got.get(1);
            assertEquals("7", new String(row.value(0), StandardCharsets.UTF_8));
            assertEquals(Ready.STATUS_IN_TRANSACTION, ((Ready) got.get(got.size() - 1)).status(), "upstream always reports T");
        }
    }

    @Test
    void emptyResultsHaveNoRowDescription() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table qe (id int)");
            List<ServerMessage> got = c.query("select id from qe");
            assertEquals(2, got.size());
            assertEquals("SELECT 0", ((CommandComplete) got.get(0)).tag());
        }
    }

    @Test
    void engineErrorsAreGeneric42000WithTheDiagnosticCode() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table qu (id int primary key)");
            c.query("insert into qu values (1)");
            ErrorResponse e = SbwpTestClient.error(c.query("insert into qu values (1)"));
            assertEquals("42000", e.sqlState());
            assertTrue(e.detail().startsWith("CLI.CONSTRAINT_"), e.detail());
        }
    }

    @Test
    void theUpstreamJdbcBindOfVector07IsSubstitutedAsLiterals() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            c.query("create table t (a bigint, b text, c jsonb, d vector(3))");
            c.send(new Parse("sb_stmt_0", "insert into t(a,b,c,d) values ($1,$2,$3,$4)",
                    List.of(TypeOids.INT8, TypeOids.TEXT, TypeOids.JSONB, TypeOids.VECTOR)));
            // the exact BIND values upstream JDBC sends (vector 07)
            byte[][] values = {
                    HexFormat.of().parseHex("0100000000002000"),
                    HexFormat.of().parseHex("0500000068656c6c6f"),
                    HexFormat.of().parseHex("0b0000007b226b223a5b312c325d7d"),
                    HexFormat.of().parseHex("0f0000005b312e302c322e352c2d332e32355d")};
            c.send(new Bind("", "sb_stmt_0", List.of(1, 1, 1, 1), values, List.of(1)));
            c.send(new Execute("", 0, null));
            c.send(EmptyMessage.SYNC);
            List<ServerMessage> got = c.untilReady();
            assertNull(SbwpTestClient.error(got));
            List<ServerMessage> back = c.query("select a, b, c, d from t");
            DataRow row = (DataRow) back.get(1);
            assertEquals("9007199254740993", new String(row.value(0), StandardCharsets.UTF_8));
            assertEquals("hello", new String(row.value(1), StandardCharsets.UTF_8));
            assertEquals("[1.0,2.5,-3.25]", new String(row.value(3), StandardCharsets.UTF_8));
        }
    }
}
