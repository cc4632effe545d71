package io.scratchbird.jdbc;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLSTATE → exception class (spec 11.3 plus our refinements), messages, and the client-side factories. */
class SqlExceptionsTest {

    private static void assertClass(String simpleName, SQLException e) {
        assertEquals(simpleName, e.getClass().getSimpleName(), e.getSQLState());
    }

    /** Every exact SQLSTATE of spec 11.3, and 53300 (our deviation). */
    @ParameterizedTest
    @CsvSource({
            "01000, SQLWarning",
            "02000, SQLDataException",
            "08001, SQLTransientConnectionException", "08003, SQLTransientConnectionException",
            "08006, SQLTransientConnectionException",
            "08004, SQLNonTransientConnectionException", "08P01, SQLNonTransientConnectionException",
            "0A000, SQLFeatureNotSupportedException",
            "22001, SQLDataException", "22003, SQLDataException", "22007, SQLDataException", "22012, SQLDataException",
            "22023, SQLDataException", "22P02, SQLDataException", "22P03, SQLDataException",
            "23000, SQLIntegrityConstraintViolationException", "23502, SQLIntegrityConstraintViolationException",
            "23503, SQLIntegrityConstraintViolationException", "23505, SQLIntegrityConstraintViolationException",
            "23514, SQLIntegrityConstraintViolationException",
            "28000, SQLInvalidAuthorizationSpecException", "28P01, SQLInvalidAuthorizationSpecException",
            "40001, SQLTransactionRollbackException", "40P01, SQLTransactionRollbackException",
            "25P02, SQLTransactionRollbackException",
            "25006, SQLNonTransientException", "34000, SQLNonTransientException", "3D000, SQLNonTransientException",
            "55000, SQLNonTransientException", "55006, SQLNonTransientException", "54000, SQLNonTransientException",
            "58000, SQLNonTransientException", "XX000, SQLNonTransientException",
            "42501, SQLInvalidAuthorizationSpecException",
            "42601, SQLSyntaxErrorException", "42703, SQLSyntaxErrorException", "42704, SQLSyntaxErrorException",
            "42710, SQLSyntaxErrorException", "42883, SQLSyntaxErrorException", "42P01, SQLSyntaxErrorException",
            "42P07, SQLSyntaxErrorException",
            "55P03, SQLTransientException", "53P00, SQLTransientException", "53100, SQLTransientException",
            "53200, SQLTransientException",
            "53300, SQLTransientConnectionException",
            "57014, SQLTimeoutException",
            "57P03, SQLTransientConnectionException",
            "57P01, SQLNonTransientConnectionException"})
    void exactStates(String state, String exceptionClass) {
        SQLException e = SqlExceptions.fromServer(state, "m", null, null, 0, null);
        assertClass(exceptionClass, e);
        assertEquals(state, e.getSQLState());
    }

    /** Every class of spec 11.3, through states that have no exact entry; unknown classes are plain SQLException. */
    @ParameterizedTest
    @CsvSource({
            "01999, SQLWarning",
            "02999, SQLDataException", "22999, SQLDataException",
            "08999, SQLTransientConnectionException",
            "0A999, SQLFeatureNotSupportedException",
            "23999, SQLIntegrityConstraintViolationException",
            "25999, SQLNonTransientException", "34999, SQLNonTransientException", "3D999, SQLNonTransientException",
            "54999, SQLNonTransientException", "55999, SQLNonTransientException", "57999, SQLNonTransientException",
            "58999, SQLNonTransientException",
            "28999, SQLInvalidAuthorizationSpecException",
            "40999, SQLTransactionRollbackException",
            "42999, SQLSyntaxErrorException",
            "53999, SQLTransientException",
            "XX999, SQLException", "HY000, SQLException", "07001, SQLException"})
    void stateClasses(String state, String exceptionClass) {
        assertClass(exceptionClass, SqlExceptions.fromServer(state, "m", null, null, 0, null));
    }

    /** What the upstream server really sends (spec 11.2/11.3), codes that refine nothing included. */
    @ParameterizedTest
    @CsvSource({
            "08P01, SBWP.FEATURE.NOT_NEGOTIATED, SQLNonTransientConnectionException",
            "08006, SESSION.RESET_TIMEOUT, SQLTransientConnectionException",
            "08007, SERVER.DRIVER_TX.RETRY_REQUIRES_FINALITY_QUERY, SQLTransientConnectionException",
            "0A000, FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING, SQLFeatureNotSupportedException",
            "22000, SBSQL.COPY.DATA_ROW_INVALID, SQLDataException",
            "25000, SBWP.TRANSACTION_ID_MISMATCH, SQLNonTransientException",
            "25001, NATIVE_WIRE.RESET_REFUSED_OPEN_TRANSACTION, SQLNonTransientException",
            "28000, SECURITY.CANCEL_NOT_AUTHORIZED, SQLInvalidAuthorizationSpecException",
            "34000, '', SQLNonTransientException",
            "40003, SBWP.RETRY.IDEMPOTENCY_KEY_CONFLICT, SQLTransactionRollbackException",
            "42000, SBSQL.EXECUTION.REJECTED, SQLSyntaxErrorException",
            "54000, SBWP.PARTIAL_QUERY.PAYLOAD_TOO_LARGE, SQLNonTransientException",
            "57014, EXECUTION.QUERY_CANCELLED, SQLTimeoutException",
            "XX000, PARSER_SERVER_IPC.EMPTY_CURSOR_BATCH, SQLNonTransientException"})
    void statesTheServerSends(String state, String detail, String exceptionClass) {
        SQLException e = SqlExceptions.fromServer(state, "m", detail, null, 0, null);
        assertClass(exceptionClass, e);
        assertEquals(state, e.getSQLState(), "only 42000 is refined");
    }

    /** The generic 42000 refined from the diagnostic code in DETAIL. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CLI.CONSTRAINT_UNIQUE_VIOLATION | 23505 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_PRIMARY_KEY_VIOLATION | 23505 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_FOREIGN_KEY_VIOLATION | 23503 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_FOREIGN_KEY_RESTRICT | 23503 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_NOT_NULL_VIOLATION | 23502 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_CHECK_VIOLATION | 23514 | SQLIntegrityConstraintViolationException",
            "SBSQL_DOMAIN_CHECK_VIOLATION | 23514 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_EXCLUSION_VIOLATION | 23P01 | SQLIntegrityConstraintViolationException",
            "CLI.CONSTRAINT_SOMETHING_NEW | 23000 | SQLIntegrityConstraintViolationException",
            "SBSQL.NUMERIC.OVERFLOW | 22003 | SQLDataException",
            "SBSQL.NUMERIC.DIVISION_BY_ZERO | 22012 | SQLDataException",
            "SBSQL.NUMERIC.DOMAIN | 22000 | SQLDataException",
            "SBSQL.NAME_RESOLUTION.NOT_FOUND_OR_NOT_VISIBLE | 42P01 | SQLSyntaxErrorException",
            "SECURITY.AUTHORIZATION.DENIED | 42501 | SQLInvalidAuthorizationSpecException",
            "SECURITY.AUTHENTICATION.FAILED | 28P01 | SQLInvalidAuthorizationSpecException",
            "EXECUTION.QUERY_CANCELLED | 57014 | SQLTimeoutException",
            "FEATURE.NOT_IMPLEMENTED_RELEASE_BLOCKING | 0A000 | SQLFeatureNotSupportedException",
            "MGA.TRANSACTION.DEADLOCK_DETECTED | 40P01 | SQLTransactionRollbackException",
            "ENGINE.SERIALIZATION_FAILURE | 40001 | SQLTransactionRollbackException",
            "MGA.UPDATE_CONFLICT | 40001 | SQLTransactionRollbackException",
            "ENGINE.LOCK_TIMEOUT | 55P03 | SQLTransientException",
            "ENGINE.DEADLOCKS_DISABLED | 42000 | SQLSyntaxErrorException",
            "CLI.CONSTRAINT_UNIQUE_VIOLATION;duplicate key (id)=(1) | 23505 | SQLIntegrityConstraintViolationException",
            "SBLR.VERIFY.BAD_OPCODE;opcode 7 at 12 | 42000 | SQLSyntaxErrorException",
            "SBSQL.EXECUTION.REJECTED | 42000 | SQLSyntaxErrorException",
            "the statement was rejected | 42000 | SQLSyntaxErrorException"})
    void diagnosticCodesRefineTheGenericState(String detail, String standard, String exceptionClass) {
        SQLException e = SqlExceptions.fromServer("42000", "engine message", detail, null, 0, "SELECT 1");
        assertClass(exceptionClass, e);
        assertEquals(standard, e.getSQLState());
        ServerError server = ServerError.of(e).orElseThrow();
        assertEquals("42000", server.sqlState());
        assertEquals(standard, server.standardSqlState());
        assertEquals(!standard.equals("42000"), server.isRefined());
        assertEquals(detail, server.detail());
        assertEquals("engine message\nDETAIL: " + detail, e.getMessage());
    }

    @Test
    void theCodeIsTheDetailBeforeItsSemicolonOrElseAProtocolMessage() {
        assertEquals("SBLR.VERIFY.BAD_OPCODE", ServerError.of(
                SqlExceptions.fromServer("42000", "m", "SBLR.VERIFY.BAD_OPCODE;opcode 7", null, 0, null)).orElseThrow().diagnosticCode());
        assertNull(ServerError.of(SqlExceptions.fromServer("42000", "m", "a sentence", null, 0, null)).orElseThrow().diagnosticCode());
        SQLException protocol = SqlExceptions.fromServer("08P01", "SBWP.FEATURE.NOT_NEGOTIATED",
                "frame 0x25 needs feature bit 9", null, 0, null);
        assertEquals("SBWP.FEATURE.NOT_NEGOTIATED", ServerError.of(protocol).orElseThrow().diagnosticCode());
        assertEquals("08P01", protocol.getSQLState());
    }

    @Test
    void aMissingStateIsTheGenericOne() {
        SQLException e = SqlExceptions.fromServer(null, "m", "CLI.CONSTRAINT_NOT_NULL_VIOLATION", null, 0, null);
        assertEquals("23502", e.getSQLState());
        assertEquals("42000", ServerError.of(e).orElseThrow().sqlState());
        assertEquals("42000", SqlExceptions.fromServer("", "m", null, null, 0, null).getSQLState());
    }

    @Test
    void onlyTheGenericStateIsRefined() {
        SQLException e = SqlExceptions.fromServer("42601", "syntax error at or near \"FORM\"", "SBSQL.EXECUTION.REJECTED",
                null, 10, "SELECT * FORM t");
        assertEquals("42601", e.getSQLState());
        assertFalse(ServerError.of(e).orElseThrow().isRefined());
    }

    @Test
    void theMessageIsPgJdbcShapedAndTheFieldsArePreserved() {
        SQLException e = SqlExceptions.fromServer("42601", "syntax error", "the detail", "the hint", 15, "SELECT * FORM t");
        assertEquals("syntax error\nDETAIL: the detail\nHINT: the hint\nPosition: 15", e.getMessage());
        ServerError server = ServerError.of(e).orElseThrow();
        assertSame(server, e.getCause());
        assertEquals("syntax error", server.serverMessage());
        assertEquals("the hint", server.hint());
        assertEquals(15, server.position());
        assertEquals("SELECT * FORM t", server.sql());
        assertEquals("server SQLSTATE 42601", server.getMessage());
        assertEquals(0, server.getStackTrace().length, "the cause carries no stack of its own");
        assertFalse(e.getMessage().contains("FORM t"), "the SQL text is not part of the message");

        assertEquals("query failed", SqlExceptions.fromServer("XX000", null, "", null, 0, null).getMessage());
        assertEquals("query failed\nDETAIL: d", SqlExceptions.fromServer("XX000", "", "d", null, 0, null).getMessage());
        assertNull(ServerError.of(SqlExceptions.fromServer("XX000", "", null, null, 0, null)).orElseThrow().serverMessage());
    }

    @Test
    void anErrorFrameCarriesItsPositionField() {
        ErrorResponse frame = new ErrorResponse(false, List.of(new ErrorResponse.Field('S', "ERROR"),
                new ErrorResponse.Field('C', "42601"), new ErrorResponse.Field('M', "syntax error"),
                new ErrorResponse.Field('P', "12")));
        assertEquals(12, ServerError.of(SqlExceptions.fromServer(frame, "x")).orElseThrow().position());
        ErrorResponse garbled = new ErrorResponse(false, List.of(new ErrorResponse.Field('C', "42601"),
                new ErrorResponse.Field('P', "twelve")));
        assertEquals(0, ServerError.of(SqlExceptions.fromServer(garbled, null)).orElseThrow().position());
    }

    @Test
    void goldenVectorUniqueViolationBecomesAnIntegrityViolation() throws Exception {
        JsonNode vector = readVector("06_error_unique_violation.json");
        SQLException e = SqlExceptions.fromServer(decodeError(vector.get("server_faithful").get(0)), "INSERT INTO t VALUES (1)");
        assertClass("SQLIntegrityConstraintViolationException", e);
        assertEquals("23505", e.getSQLState());
        assertEquals("constraint.unique.violation\nDETAIL: CLI.CONSTRAINT_UNIQUE_VIOLATION", e.getMessage());
        ServerError server = ServerError.of(e).orElseThrow();
        assertEquals("42000", server.sqlState());
        assertEquals("CLI.CONSTRAINT_UNIQUE_VIOLATION", server.detail());
        assertEquals("CLI.CONSTRAINT_UNIQUE_VIOLATION", server.diagnosticCode());
        assertEquals("INSERT INTO t VALUES (1)", server.sql());

        // The vector's hypothetical 23505 frame maps the same way, without refinement.
        SQLException direct = SqlExceptions.fromServer(decodeError(vector.get("hypothetical_23505_variant").get("frame")), null);
        assertClass("SQLIntegrityConstraintViolationException", direct);
        assertEquals("23505", direct.getSQLState());
        assertFalse(ServerError.of(direct).orElseThrow().isRefined());
    }

    private static JsonNode readVector(String file) throws IOException {
        try (InputStream in = SqlExceptionsTest.class.getResourceAsStream("/sbwp-vectors/" + file)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static ErrorResponse decodeError(JsonNode frame) {
        Frame f = Frame.decode(HexFormat.of().parseHex(frame.get("hex").asString()), 1 << 20);
        return (ErrorResponse) Messages.decodeServer(f, Layout.P1);
    }

    @Test
    void serverErrorIsFoundThroughWrappers() {
        SQLException e = SqlExceptions.fromServer("42000", "m", "CLI.CONSTRAINT_UNIQUE_VIOLATION", null, 0, null);
        assertTrue(ServerError.of(new RuntimeException(new SQLException("outer", e))).isPresent());
        assertTrue(ServerError.of(new SQLException("client-side")).isEmpty());
        assertTrue(ServerError.of(null).isEmpty());
    }

    @Test
    void clientSideFactories() {
        HostSpec v6 = new HostSpec("::1", 3092);
        SQLException refused = SqlExceptions.connectionFailure(v6, new ConnectException("Connection refused"));
        assertClass("SQLTransientConnectionException", refused);
        assertEquals("08001", refused.getSQLState());
        assertEquals("Could not connect to [::1]:3092: Connection refused", refused.getMessage());
        assertEquals("Could not connect to nowhere.invalid:3092: unknown host nowhere.invalid",
                SqlExceptions.connectionFailure(new HostSpec("nowhere.invalid", 3092),
                        new UnknownHostException("nowhere.invalid")).getMessage());

        SQLException bad = SqlExceptions.cannotConnect("bad URL", null);
        assertClass("SQLNonTransientConnectionException", bad);
        assertEquals("08001", bad.getSQLState());

        SQLException io = SqlExceptions.ioFailure(v6, new IOException("Broken pipe"));
        assertClass("SQLTransientConnectionException", io);
        assertEquals("08006", io.getSQLState());
        assertTrue(io.getMessage().contains("[::1]:3092: Broken pipe"), io.getMessage());

        SQLException protocol = SqlExceptions.protocolViolation("unexpected frame 0x44", null);
        assertClass("SQLNonTransientConnectionException", protocol);
        assertEquals("08P01", protocol.getSQLState());

        SQLException feature = SqlExceptions.featureNotSupported("Connection.setNetworkTimeout");
        assertEquals("0A000", feature.getSQLState());
        assertTrue(feature.getMessage().startsWith("Connection.setNetworkTimeout is not supported"));

        assertClass("SQLDataException", SqlExceptions.invalidParameterValue("x"));
        assertEquals("22023", SqlExceptions.invalidParameterValue("x").getSQLState());

        SQLException closed = SqlExceptions.connectionClosed();
        assertClass("SQLNonTransientConnectionException", closed);
        assertEquals("08003", closed.getSQLState());

        SQLException statement = SqlExceptions.objectClosed("statement");
        assertClass("SQLNonTransientException", statement);
        assertEquals("55000", statement.getSQLState());
        assertEquals("This statement has been closed.", statement.getMessage());

        SQLException auth = SqlExceptions.authenticationFailed("alice", "the server signature does not verify");
        assertClass("SQLInvalidAuthorizationSpecException", auth);
        assertEquals("28P01", auth.getSQLState());
        assertEquals("Authentication failed for user \"alice\": the server signature does not verify", auth.getMessage());

        SQLException other = SqlExceptions.forSqlState("07001", "wrong parameter count", null);
        assertEquals(SQLException.class, other.getClass());
        assertInstanceOf(SQLException.class, SqlExceptions.forSqlState(null, "no state", null));
    }
}
