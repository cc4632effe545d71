package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ScramClient} against {@link ScramServer}: success, refusals, and every malformed message kind. */
class ScramExchangeTest {

    private static final String PASSWORD = "s3cret-Pässword";
    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String SALT_B64 = Base64.getEncoder().encodeToString(new byte[16]);

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void clientAndServerAgree(ScramMechanism mechanism) throws ScramException {
        ScramClient client = new ScramClient(mechanism, "alice", PASSWORD);
        ScramServer server = new ScramServer(ScramVerifier.create(mechanism, PASSWORD));

        String clientFinal = client.handleServerFirst(server.handleClientFirst(client.clientFirstMessage()));
        ScramServer.Verdict verdict = server.handleClientFinal(clientFinal);

        assertTrue(verdict.authenticated());
        int signatureBase64Length = 4 * ((mechanism.keyLength() + 2) / 3);
        assertEquals(2 + signatureBase64Length, verdict.serverFinalMessage().length());
        client.verifyServerFinal(verdict.serverFinalMessage());
        assertTrue(client.isServerVerified());
    }

    @Test
    void randomNoncesAre24Base64Characters() {
        String first = new ScramClient(ScramMechanism.SHA_256, "u", "p").clientFirstMessage();
        String nonce = first.substring("n,,n=u,r=".length());
        assertEquals(24, nonce.length());
        assertEquals(18, Base64.getDecoder().decode(nonce).length);
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void wrongPasswordIsARejectedVerdictNotAnException(ScramMechanism mechanism) throws ScramException {
        ScramClient client = new ScramClient(mechanism, "alice", "not the password");
        ScramServer server = new ScramServer(ScramVerifier.create(mechanism, PASSWORD));

        ScramServer.Verdict verdict = server.handleClientFinal(
                client.handleServerFirst(server.handleClientFirst(client.clientFirstMessage())));

        assertFalse(verdict.authenticated());
        assertNull(verdict.serverFinalMessage());
    }

    @Test
    void tamperedServerSignatureIsRefused() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD);
        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD));
        ScramServer.Verdict verdict = server.handleClientFinal(
                client.handleServerFirst(server.handleClientFirst(client.clientFirstMessage())));
        byte[] signature = Base64.getDecoder().decode(verdict.serverFinalMessage().substring(2));
        signature[0] ^= 1;

        assertRefused(Reason.SERVER_SIGNATURE_MISMATCH,
                () -> client.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(signature)));
        assertFalse(client.isServerVerified());
    }

    /** A server that knows a different password's verifier cannot produce the right signature. */
    @Test
    void serverWithAnotherVerifierFailsMutualAuthentication() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        ScramVerifier other = ScramVerifier.create(ScramMechanism.SHA_256, "another password");
        byte[] signature = ScramMechanism.SHA_256.serverSignature(other.serverKey(), "anything");
        client.handleServerFirst(serverFirst(CLIENT_NONCE + "srv", SALT_B64, "4096"));

        assertRefused(Reason.SERVER_SIGNATURE_MISMATCH,
                () -> client.verifyServerFinal("v=" + Base64.getEncoder().encodeToString(signature)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SERVER_SIGNATURE_MISSING | ''",
            "SERVER_SIGNATURE_MISSING | x=extension",
            "SERVER_ERROR             | e=invalid-proof",
            "MALFORMED_MESSAGE        | v=***",
            "MALFORMED_MESSAGE        | v=",
            "MALFORMED_MESSAGE        | garbage",
    })
    void badServerFinalIsRefused(Reason reason, String serverFinal) throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        client.handleServerFirst(serverFirst(CLIENT_NONCE + "srv", SALT_B64, "4096"));
        assertRefused(reason, () -> client.verifyServerFinal(serverFinal));
    }

    @Test
    void serverErrorTextIsQuotedPrintably() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        client.handleServerFirst(serverFirst(CLIENT_NONCE + "srv", SALT_B64, "4096"));
        ScramException e = assertThrows(ScramException.class, () -> client.verifyServerFinal("e=other-error\u0007"));
        assertTrue(e.getMessage().contains("'other-error?'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone-elses-nonce", "fyko+d2lbbFgONRv9qkx", "fyko+d2lbbFgONRv9qkxdawL"})
    void serverNonceMustExtendTheClientNonce(String serverNonce) {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        assertRefused(Reason.NONCE_MISMATCH, () -> client.handleServerFirst(serverFirst(serverNonce, SALT_B64, "4096")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "4095", "10000001", "2147483647"})
    void iterationCountOutsideTheGuardIsRefused(String iterations) {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        assertRefused(Reason.ITERATION_COUNT_OUT_OF_RANGE,
                () -> client.handleServerFirst(serverFirst(CLIENT_NONCE + "x", SALT_B64, iterations)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MALFORMED_MESSAGE   | ''",
            "MALFORMED_MESSAGE   | garbage",
            "MALFORMED_MESSAGE   | s=AAAA,i=4096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,i=4096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=@@@@,i=4096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=,i=4096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,i=-4096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,i=04096",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,i=many",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,i=99999999999",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawLx,i=4096,s=AAAAAAAAAAAAAAAAAAAAAA==",
            "MALFORMED_MESSAGE   | r=fyko+d2lbbFgONRv9qkxdawL\u00e9,s=AAAAAAAAAAAAAAAAAAAAAA==,i=4096",
            "UNSUPPORTED_FEATURE | m=must-understand,r=fyko+d2lbbFgONRv9qkxdawLx,s=AAAAAAAAAAAAAAAAAAAAAA==,i=4096",
    })
    void malformedServerFirstIsRefused(Reason reason, String serverFirst) {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        assertRefused(reason, () -> client.handleServerFirst(serverFirst));
    }

    @Test
    void serverFirstExtensionsAfterTheMandatoryAttributesAreIgnored() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        String clientFinal = client.handleServerFirst(serverFirst(CLIENT_NONCE + "x", SALT_B64, "4096") + ",x=future");
        assertTrue(clientFinal.startsWith("c=biws,r=" + CLIENT_NONCE + "x,p="), clientFinal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MALFORMED_MESSAGE   | ''",
            "MALFORMED_MESSAGE   | n=alice,r=abc",
            "MALFORMED_MESSAGE   | x,,n=alice,r=abc",
            "MALFORMED_MESSAGE   | n,,r=abc",
            "MALFORMED_MESSAGE   | n,,n=alice",
            "MALFORMED_MESSAGE   | n,,n=alice,r=",
            "MALFORMED_MESSAGE   | n,,n=al=ice,r=abc",
            "MALFORMED_MESSAGE   | n,,n=alice=2,r=abc",
            "MALFORMED_MESSAGE   | n,x,n=alice,r=abc",
            "UNSUPPORTED_FEATURE | p=tls-server-end-point,,n=alice,r=abc",
            "UNSUPPORTED_FEATURE | n,a=admin,n=alice,r=abc",
            "UNSUPPORTED_FEATURE | n,,m=ext,n=alice,r=abc",
    })
    void malformedClientFirstIsRefused(Reason reason, String clientFirst) {
        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD));
        assertRefused(reason, () -> server.handleClientFirst(clientFirst));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MALFORMED_MESSAGE        | ''",
            "MALFORMED_MESSAGE        | c=biws,r=abcsrv",
            "MALFORMED_MESSAGE        | c=biws,r=abcsrv,p=***",
            "MALFORMED_MESSAGE        | c=biws,r=abcsrv,p=AAAA",
            "MALFORMED_MESSAGE        | r=abcsrv,c=biws,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "MALFORMED_MESSAGE        | c=biws,r=abcsrv,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,x=late",
            "CHANNEL_BINDING_MISMATCH | c=eSws,r=abcsrv,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "NONCE_MISMATCH           | c=biws,r=abcSRV,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "NONCE_MISMATCH           | c=biws,r=abc,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    })
    void malformedClientFinalIsRefused(Reason reason, String clientFinal) throws ScramException {
        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD), "srv");
        server.handleClientFirst("n,,n=alice,r=abc");
        assertRefused(reason, () -> server.handleClientFinal(clientFinal));
    }

    /** RFC 5802: 'y' means "I could bind but think you cannot": right for a server without channel binding. */
    @Test
    void gs2FlagYIsAcceptedAndMustBeRepeatedInTheChannelBinding() throws ScramException {
        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD), "srv");
        assertTrue(server.handleClientFirst("y,,n=alice,r=abc").startsWith("r=abcsrv,s="));
        assertRefused(Reason.CHANNEL_BINDING_MISMATCH,
                () -> server.handleClientFinal("c=biws,r=abcsrv,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a=b        | n,,n=a=3Db,r=",
            "a,b        | n,,n=a=2Cb,r=",
            "=,==,      | n,,n==3D=2C=3D=3D=2C,r=",
            "x=2C       | n,,n=x=3D2C,r=",
            "Jürgen     | n,,n=Jürgen,r=",
    })
    void userNamesAreEscapedAndSurviveTheExchange(String username, String expectedPrefix) throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, username, PASSWORD, CLIENT_NONCE);
        assertEquals(expectedPrefix + CLIENT_NONCE, client.clientFirstMessage());

        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD));
        String serverFirst = server.handleClientFirst(client.clientFirstMessage());
        assertEquals(username, server.clientUsername());
        assertTrue(server.handleClientFinal(client.handleServerFirst(serverFirst)).authenticated());
    }

    @Test
    void emptyUserNameIsAllowedLikePostgreSqlClientsSendIt() throws ScramException {
        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD));
        server.handleClientFirst("n,,n=,r=abc");
        assertEquals("", server.clientUsername());
    }

    @Test
    void callsOutOfOrderAreProgrammingErrors() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        assertThrows(IllegalStateException.class, () -> client.verifyServerFinal("v=AAAA"));
        client.handleServerFirst(serverFirst(CLIENT_NONCE + "x", SALT_B64, "4096"));
        assertThrows(IllegalStateException.class, () -> client.handleServerFirst(serverFirst(CLIENT_NONCE + "x", SALT_B64, "4096")));

        ScramServer server = new ScramServer(ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD));
        assertThrows(IllegalStateException.class, server::clientUsername);
        assertThrows(IllegalStateException.class, () -> server.handleClientFinal("c=biws,r=x,p=AAAA"));
    }

    @Test
    void aFailedExchangeCannotBeContinued() {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "alice", PASSWORD, CLIENT_NONCE);
        assertRefused(Reason.NONCE_MISMATCH, () -> client.handleServerFirst(serverFirst("other", SALT_B64, "4096")));
        assertThrows(IllegalStateException.class, () -> client.handleServerFirst(serverFirst(CLIENT_NONCE + "x", SALT_B64, "4096")));
    }

    @Test
    void invalidLocalNoncesAreRejectedUpFront() {
        ScramVerifier verifier = ScramVerifier.create(ScramMechanism.SHA_256, PASSWORD);
        assertThrows(IllegalArgumentException.class, () -> new ScramClient(ScramMechanism.SHA_256, "a", PASSWORD, "has,comma"));
        assertThrows(IllegalArgumentException.class, () -> new ScramClient(ScramMechanism.SHA_256, "a", PASSWORD, ""));
        assertThrows(IllegalArgumentException.class, () -> new ScramServer(verifier, "with space"));
    }

    @Test
    void mechanismsMapToSbwpAuthMethods() {
        assertEquals(ScramMechanism.SHA_256, ScramMechanism.forAuthMethod(3).orElseThrow());
        assertEquals(ScramMechanism.SHA_512, ScramMechanism.forAuthMethod(4).orElseThrow());
        assertTrue(ScramMechanism.forAuthMethod(1).isEmpty());
        assertEquals(ScramMechanism.SHA_512, ScramMechanism.forMechanismName("scram-sha-512").orElseThrow());
        assertTrue(ScramMechanism.forMechanismName("SCRAM-SHA-1").isEmpty());
    }

    private static String serverFirst(String nonce, String saltB64, String iterations) {
        return "r=" + nonce + ",s=" + saltB64 + ",i=" + iterations;
    }

    /** The call fails for {@code reason}, and its message does not leak the password. */
    private static void assertRefused(Reason reason, Executable call) {
        ScramException e = assertThrows(ScramException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), "message leaks the password: " + e.getMessage());
    }
}
