package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client (driver) side of one SCRAM exchange (spec 6.6), used once, in this order:
 * <ol>
 *   <li>{@link #clientFirstMessage()}: send as AUTH_RESPONSE;</li>
 *   <li>{@link #handleServerFirst(String)} with AUTH_CONTINUE data: send the returned
 *       client-final as AUTH_RESPONSE;</li>
 *   <li>{@link #verifyServerFinal(String)} with AUTH_OK info: the server proved it holds the
 *       verifier. An empty info is a failure here, unlike the upstream drivers (spec H-18).</li>
 * </ol>
 * A call out of order is an {@link IllegalStateException}; after any {@link ScramException} the
 * exchange is over. The password is dropped as soon as the keys are derived.
 *
 * <p>Not thread-safe: one exchange belongs to one connection attempt.
 */
public final class ScramClient {

    private enum State { AWAITING_SERVER_FIRST, AWAITING_SERVER_FINAL, SERVER_VERIFIED, FAILED }

    private final ScramMechanism mechanism;
    private final ClientFirstMessage clientFirst;
    private String password;
    private byte[] expectedServerSignature;
    private State state = State.AWAITING_SERVER_FIRST;

    /** An exchange with a fresh random nonce (24 base64 characters, like the JDBC driver). */
    public ScramClient(ScramMechanism mechanism, String username, String password) {
        this(mechanism, username, password, ScramNonce.generate());
    }

    /** An exchange with a given nonce: for reproducing published vectors; use the other constructor otherwise. */
    public ScramClient(ScramMechanism mechanism, String username, String password, String clientNonce) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.password = Objects.requireNonNull(password, "password");
        this.clientFirst = ClientFirstMessage.of(Objects.requireNonNull(username, "username"),
                ScramNonce.requireValid(clientNonce, "client nonce"));
    }

    public ScramMechanism mechanism() {
        return mechanism;
    }

    /** {@code n,,n=<saslname>,r=<client nonce>}. */
    public String clientFirstMessage() {
        return clientFirst.text();
    }

    /**
     * Checks the server-first message (nonce extends ours, salt present, iteration count within
     * {@link ScramVerifier#MIN_ITERATIONS}..{@link ScramVerifier#MAX_ITERATIONS}), derives the keys
     * and returns the client-final message {@code c=biws,r=<nonce>,p=<proof>}.
     */
    public String handleServerFirst(String serverFirstMessage) throws ScramException {
        requireState(State.AWAITING_SERVER_FIRST, "handleServerFirst");
        state = State.FAILED;
        String pw = password;
        password = null;

        ServerFirstMessage serverFirst = ServerFirstMessage.parse(serverFirstMessage);
        String ownNonce = clientFirst.nonce();
        if (!serverFirst.nonce().startsWith(ownNonce)) {
            throw new ScramException(Reason.NONCE_MISMATCH,
                    ServerFirstMessage.NAME + ": nonce does not start with the client nonce");
        }
        if (serverFirst.nonce().length() == ownNonce.length()) {
            throw new ScramException(Reason.NONCE_MISMATCH,
                    ServerFirstMessage.NAME + ": the server added no nonce of its own");
        }
        if (serverFirst.iterations() < ScramVerifier.MIN_ITERATIONS || serverFirst.iterations() > ScramVerifier.MAX_ITERATIONS) {
            throw new ScramException(Reason.ITERATION_COUNT_OUT_OF_RANGE, ServerFirstMessage.NAME + ": iteration count "
                    + serverFirst.iterations() + " is outside " + ScramVerifier.MIN_ITERATIONS + ".." + ScramVerifier.MAX_ITERATIONS);
        }

        String withoutProof = ClientFinalMessage.withoutProof(clientFirst.gs2Header(), serverFirst.nonce());
        String authMessage = ClientFinalMessage.authMessage(clientFirst, serverFirstMessage, withoutProof);
        byte[] saltedPassword = mechanism.saltedPassword(pw, serverFirst.salt(), serverFirst.iterations());
        byte[] clientKey = mechanism.clientKey(saltedPassword);
        try {
            byte[] proof = mechanism.clientProof(clientKey, mechanism.storedKey(clientKey), authMessage);
            expectedServerSignature = mechanism.serverSignature(mechanism.serverKey(saltedPassword), authMessage);
            state = State.AWAITING_SERVER_FINAL;
            return ClientFinalMessage.text(withoutProof, proof);
        } finally {
            Arrays.fill(saltedPassword, (byte) 0);
            Arrays.fill(clientKey, (byte) 0);
        }
    }

    /**
     * Verifies the server-final message {@code v=<ServerSignature>} in constant time. Returns
     * normally only when the server's signature is right; {@code e=...}, an empty or {@code v=}-less
     * message and a wrong signature are distinct {@link Reason}s.
     */
    public void verifyServerFinal(String serverFinalMessage) throws ScramException {
        requireState(State.AWAITING_SERVER_FINAL, "verifyServerFinal");
        state = State.FAILED;
        byte[] signature = ServerFinalMessage.parseSignature(serverFinalMessage);
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new ScramException(Reason.SERVER_SIGNATURE_MISMATCH,
                    ServerFinalMessage.NAME + ": the server signature is wrong; the server does not hold this user's verifier");
        }
        state = State.SERVER_VERIFIED;
    }

    /** True once {@link #verifyServerFinal} has accepted the server's signature. */
    public boolean isServerVerified() {
        return state == State.SERVER_VERIFIED;
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException(call + "() called in state " + state + " (expected " + expected + ")");
        }
    }
}
