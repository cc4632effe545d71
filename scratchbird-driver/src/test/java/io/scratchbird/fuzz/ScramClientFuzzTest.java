package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.wire.auth.ScramClient;
import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramMechanism;

/**
 * The SCRAM client's parsing of the server-first and server-final messages (what an impostor
 * server sends): only {@link ScramException} may come out, and a forged server-final must never
 * verify. The iteration count is bounded by the client, so a hostile {@code i=} cannot burn CPU.
 */
class ScramClientFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void serverMessages(FuzzedDataProvider data) {
        ScramMechanism mechanism = data.consumeBoolean() ? ScramMechanism.SHA_256 : ScramMechanism.SHA_512;
        String serverFinal = data.consumeString(200);
        String serverFirst = data.consumeRemainingAsString();
        ScramClient client = new ScramClient(mechanism, "user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        client.clientFirstMessage();
        try {
            client.handleServerFirst(serverFirst);
        } catch (ScramException expected) {
            return;
        }
        try {
            client.verifyServerFinal(serverFinal);
        } catch (ScramException expected) {
            return;
        }
        if (!serverFinal.startsWith("v=")) {
            throw new AssertionError("a server-final without a verifier was accepted: " + serverFinal);
        }
    }
}
