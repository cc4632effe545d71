package io.scratchbird.embedded.security;

import io.scratchbird.wire.auth.ScramClient;
import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramMechanism;
import io.scratchbird.wire.auth.ScramServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server side of SBWP authentication as the session will run it: the user store supplies the
 * verifier, {@link ScramServer} runs the exchange, the driver's {@link ScramClient} is the peer.
 */
class ScramAuthenticationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void knownUserWithTheRightPasswordAuthenticatesBothWays(ScramMechanism mechanism) throws Exception {
        UserStore store = storeWithAlice(mechanism);
        AuthMethod method = AuthMethod.forScram(store.verifier("alice").mechanism());
        assertEquals(mechanism.authMethod(), method.code());

        ScramClient client = new ScramClient(method.scramMechanism().orElseThrow(), "alice", PASSWORD);
        ScramServer.Verdict verdict = exchange(client, new ScramServer(store.verifier("alice")));

        assertTrue(verdict.authenticated());
        client.verifyServerFinal(verdict.serverFinalMessage());
        assertTrue(client.isServerVerified());
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void wrongPasswordAndUnknownUserGiveTheSameRejection(ScramMechanism mechanism) throws Exception {
        UserStore store = storeWithAlice(mechanism);

        ScramClient wrongPassword = new ScramClient(mechanism, "alice", "wrong", "nonce");
        ScramServer aliceServer = new ScramServer(store.verifier("alice"), "srv");
        ScramClient unknownUser = new ScramClient(mechanism, "mallory", "wrong", "nonce");
        ScramServer malloryServer = new ScramServer(store.verifier("mallory"), "srv");

        String aliceFirst = aliceServer.handleClientFirst(wrongPassword.clientFirstMessage());
        String malloryFirst = malloryServer.handleClientFirst(unknownUser.clientFirstMessage());
        assertEquals(shape(aliceFirst), shape(malloryFirst), "server-first messages are alike");

        ScramServer.Verdict wrongPasswordVerdict = aliceServer.handleClientFinal(wrongPassword.handleServerFirst(aliceFirst));
        ScramServer.Verdict unknownUserVerdict = malloryServer.handleClientFinal(unknownUser.handleServerFirst(malloryFirst));
        assertEquals(wrongPasswordVerdict, unknownUserVerdict);
        assertFalse(unknownUserVerdict.authenticated());
    }

    /** Even the user's own password does not open a fake verifier (the user does not exist). */
    @Test
    void aFakeVerifierMatchesNoPassword() throws Exception {
        UserStore store = storeWithAlice(ScramMechanism.SHA_256);
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "bob", PASSWORD);
        assertFalse(exchange(client, new ScramServer(store.verifier("bob"))).authenticated());
    }

    @Test
    void passwordMethodUsesTheSameStore() throws Exception {
        UserStore store = storeWithAlice(ScramMechanism.SHA_256);
        assertEquals(AuthMethod.PASSWORD, AuthMethod.forCode(1).orElseThrow());
        assertTrue(AuthMethod.PASSWORD.scramMechanism().isEmpty());
        assertTrue(store.verifyPassword("alice", PASSWORD));
        assertFalse(store.verifyPassword("alice", PASSWORD + " "));
    }

    @Test
    void aProtocolViolationIsAnExceptionNotARejection() throws Exception {
        UserStore store = storeWithAlice(ScramMechanism.SHA_256);
        ScramServer server = new ScramServer(store.verifier("alice"));
        server.handleClientFirst("n,,n=alice,r=abc");
        ScramException e = assertThrows(ScramException.class, () -> server.handleClientFinal("c=biws,r=abc,p=AAAA"));
        assertEquals(ScramException.Reason.NONCE_MISMATCH, e.reason());
        assertTrue(AuthMethod.forCode(2).isEmpty(), "MD5 is not offered");
    }

    private static UserStore storeWithAlice(ScramMechanism mechanism) throws IOException {
        UserStore store = UserStore.inMemory(mechanism, 4096);
        store.setPassword("alice", PASSWORD);
        return store;
    }

    private static ScramServer.Verdict exchange(ScramClient client, ScramServer server) throws ScramException {
        String serverFirst = server.handleClientFirst(client.clientFirstMessage());
        return server.handleClientFinal(client.handleServerFirst(serverFirst));
    }

    /** The message with its salt blanked: same structure, same lengths, same iteration count. */
    private static String shape(String serverFirst) {
        return serverFirst.replaceAll("s=[^,]+", "s=" + "*".repeat(serverFirst.replaceAll(".*s=([^,]+).*", "$1").length()));
    }
}
