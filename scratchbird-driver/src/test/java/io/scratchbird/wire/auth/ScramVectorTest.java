package io.scratchbird.wire.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published SCRAM-SHA-256 exchange: RFC 7677 section 3, and the same exchange as the golden
 * vector {@code 03_scram_sha256_exchange.json} carries it in SBWP frames. Both sides must produce
 * the documented strings to the character.
 */
class ScramVectorTest {

    private static final String RFC_CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void clientReproducesRfc7677Example() throws ScramException {
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, "user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertEquals(RFC_CLIENT_FIRST, client.clientFirstMessage());
        assertEquals(RFC_CLIENT_FINAL, client.handleServerFirst(RFC_SERVER_FIRST));
        client.verifyServerFinal(RFC_SERVER_FINAL);
        assertTrue(client.isServerVerified());
    }

    @Test
    void serverReproducesRfc7677Example() throws ScramException {
        ScramVerifier verifier = ScramVerifier.derive(ScramMechanism.SHA_256, "pencil",
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        ScramServer server = new ScramServer(verifier, "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        assertEquals(RFC_SERVER_FIRST, server.handleClientFirst(RFC_CLIENT_FIRST));
        assertEquals("user", server.clientUsername());
        ScramServer.Verdict verdict = server.handleClientFinal(RFC_CLIENT_FINAL);
        assertTrue(verdict.authenticated());
        assertEquals(RFC_SERVER_FINAL, verdict.serverFinalMessage());
    }

    @Test
    void goldenVectorExchangeIsReproducedByClientAndServer() throws ScramException {
        GoldenScram v = GoldenScram.load();
        ScramVerifier verifier = ScramVerifier.derive(ScramMechanism.SHA_256, v.password,
                Base64.getDecoder().decode(v.saltB64), v.iterations);
        ScramClient client = new ScramClient(ScramMechanism.SHA_256, v.username, v.password, v.clientNonce);
        ScramServer server = new ScramServer(verifier, v.serverNonceSuffix);

        String clientFirst = client.clientFirstMessage();
        assertEquals(v.derived("client_first"), clientFirst);
        assertEquals(v.frameValues.get(0), clientFirst, "AUTH_RESPONSE #1 credential");

        String serverFirst = server.handleClientFirst(clientFirst);
        assertEquals(v.derived("server_first"), serverFirst);
        assertEquals(v.frameValues.get(1), serverFirst, "AUTH_CONTINUE data");

        String clientFinal = client.handleServerFirst(serverFirst);
        assertEquals(v.derived("client_final"), clientFinal);
        assertEquals(v.frameValues.get(2), clientFinal, "AUTH_RESPONSE #2 credential");

        ScramServer.Verdict verdict = server.handleClientFinal(clientFinal);
        assertTrue(verdict.authenticated());
        assertEquals(v.derived("server_final"), verdict.serverFinalMessage());
        assertEquals(v.frameValues.get(3), verdict.serverFinalMessage(), "AUTH_OK info");

        client.verifyServerFinal(verdict.serverFinalMessage());
        assertTrue(client.isServerVerified());
    }

    /** The documented AuthMessage, fed through the bare primitives, yields the documented proof and signature. */
    @Test
    void primitivesReproduceTheVectorsProofAndSignature() {
        GoldenScram v = GoldenScram.load();
        ScramMechanism m = ScramMechanism.SHA_256;
        byte[] salted = m.saltedPassword(v.password, Base64.getDecoder().decode(v.saltB64), v.iterations);
        byte[] clientKey = m.clientKey(salted);
        String authMessage = v.derived("auth_message");
        byte[] proof = m.clientProof(clientKey, m.storedKey(clientKey), authMessage);
        byte[] signature = m.serverSignature(m.serverKey(salted), authMessage);

        String clientFinal = v.derived("client_final");
        assertEquals(clientFinal.substring(clientFinal.indexOf(",p=") + 3), Base64.getEncoder().encodeToString(proof));
        assertEquals(v.derived("server_final"), "v=" + Base64.getEncoder().encodeToString(signature));
        assertArrayEquals(clientKey, m.recoverClientKey(proof, m.storedKey(clientKey), authMessage));
    }

    /** The test-relevant parts of {@code 03_scram_sha256_exchange.json}. */
    private static final class GoldenScram {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        final String username;
        final String password;
        final String clientNonce;
        final String serverNonceSuffix;
        final String saltB64;
        final int iterations;
        final JsonNode derived;
        /** The SCRAM text of each auth frame in order: credential, data, credential, info. */
        final List<String> frameValues = new ArrayList<>();

        private GoldenScram(JsonNode root) {
            JsonNode inputs = root.get("inputs");
            username = inputs.get("username").asString();
            password = inputs.get("password").asString();
            clientNonce = inputs.get("client_nonce").asString();
            serverNonceSuffix = inputs.get("server_nonce_suffix").asString();
            saltB64 = inputs.get("salt_b64").asString();
            iterations = inputs.get("iterations").asInt();
            derived = root.get("derived");
            for (JsonNode frame : root.get("frames")) {
                for (JsonNode field : frame.get("payload_fields")) {
                    String name = field.get("field").asString();
                    if (name.equals("credential") || name.equals("data") || name.equals("info")) {
                        String value = field.get("value").asString();
                        assertEquals(value, new String(hex(field.get("hex").asString()), StandardCharsets.UTF_8),
                                "vector value and hex agree");
                        frameValues.add(value);
                    }
                }
            }
            assertEquals(4, frameValues.size(), "four SCRAM-bearing frames");
        }

        static GoldenScram load() {
            try (InputStream in = ScramVectorTest.class.getResourceAsStream("/sbwp-vectors/03_scram_sha256_exchange.json")) {
                assertNotNull(in, "golden vector 03 is on the test class path");
                return new GoldenScram(JSON.readTree(in));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String derived(String name) {
            return derived.get(name).asString();
        }

        private static byte[] hex(String hex) {
            return java.util.HexFormat.of().parseHex(hex);
        }
    }
}
