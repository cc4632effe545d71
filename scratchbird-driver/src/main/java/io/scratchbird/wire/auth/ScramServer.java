package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The server side of one SCRAM exchange against a stored {@link ScramVerifier} (spec 6.6), used
 * once, in this order:
 * <ol>
 *   <li>{@link #handleClientFirst(String)} with the first AUTH_RESPONSE: send the returned
 *       server-first in AUTH_CONTINUE (method {@link ScramMechanism#authMethod()}, stage 1);</li>
 *   <li>{@link #handleClientFinal(String)} with the second AUTH_RESPONSE: an
 *       {@linkplain Verdict#authenticated() authenticated} verdict carries the server-final
 *       {@code v=...} for AUTH_OK info; a rejected one means a wrong password (send ERROR 28000).</li>
 * </ol>
 * A message the grammar or the exchange does not allow (wrong nonce, channel binding, bad base64,
 * ...) is a {@link ScramException} instead, so that a protocol violation and a wrong password stay
 * distinct outcomes. Calls out of order are an {@link IllegalStateException}.
 *
 * <p>The user is the caller's choice (SBWP uses the STARTUP {@code user}, errata C.19);
 * {@link #clientUsername()} exposes the {@code n=} name for a caller that wants to compare.
 * For an unknown user pass a fake verifier: the work done and the outcome are then the same as
 * for a wrong password. Not thread-safe: one exchange belongs to one connection.
 */
public final class ScramServer {

    /**
     * The outcome of checking the client's proof.
     *
     * @param serverFinalMessage {@code v=<ServerSignature>} when authenticated, otherwise null
     */
    public record Verdict(boolean authenticated, String serverFinalMessage) {

        public Verdict {
            if (authenticated != (serverFinalMessage != null)) {
                throw new IllegalArgumentException("an authenticated verdict has a server-final message and only then");
            }
        }

        static Verdict accepted(String serverFinalMessage) {
            return new Verdict(true, serverFinalMessage);
        }

        static Verdict rejected() {
            return new Verdict(false, null);
        }
    }

    private enum State { AWAITING_CLIENT_FIRST, AWAITING_CLIENT_FINAL, FINISHED }

    private final ScramVerifier verifier;
    private final String serverNonce;
    private ClientFirstMessage clientFirst;
    private ServerFirstMessage serverFirst;
    private State state = State.AWAITING_CLIENT_FIRST;

    /** An exchange with a fresh random server nonce. */
    public ScramServer(ScramVerifier verifier) {
        this(verifier, ScramNonce.generate());
    }

    /** An exchange with a given server nonce part: for reproducing published vectors only. */
    public ScramServer(ScramVerifier verifier, String serverNonce) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.serverNonce = ScramNonce.requireValid(serverNonce, "server nonce");
    }

    public ScramMechanism mechanism() {
        return verifier.mechanism();
    }

    /** Parses the client-first message and returns the server-first {@code r=...,s=...,i=...}. */
    public String handleClientFirst(String clientFirstMessage) throws ScramException {
        requireState(State.AWAITING_CLIENT_FIRST, "handleClientFirst");
        state = State.FINISHED;
        clientFirst = ClientFirstMessage.parse(clientFirstMessage);
        serverFirst = ServerFirstMessage.of(clientFirst.nonce() + serverNonce, verifier.salt(), verifier.iterations());
        state = State.AWAITING_CLIENT_FINAL;
        return serverFirst.text();
    }

    /** The unescaped {@code n=} user name of the client-first message (possibly empty). */
    public String clientUsername() {
        if (clientFirst == null) {
            throw new IllegalStateException("clientUsername() called before handleClientFirst()");
        }
        return clientFirst.username();
    }

    /**
     * Checks the client-final message: the channel binding must repeat the GS2 header and the
     * nonce must be the combined nonce (else {@link ScramException}); then the proof is verified
     * in constant time against the StoredKey.
     */
    public Verdict handleClientFinal(String clientFinalMessage) throws ScramException {
        requireState(State.AWAITING_CLIENT_FINAL, "handleClientFinal");
        state = State.FINISHED;
        ClientFinalMessage clientFinal = ClientFinalMessage.parse(clientFinalMessage);
        if (!clientFinal.channelBinding().equals(ClientFinalMessage.channelBindingFor(clientFirst.gs2Header()))) {
            throw new ScramException(Reason.CHANNEL_BINDING_MISMATCH,
                    ClientFinalMessage.NAME + ": 'c=' does not repeat the client-first GS2 header");
        }
        if (!clientFinal.nonce().equals(serverFirst.nonce())) {
            throw new ScramException(Reason.NONCE_MISMATCH,
                    ClientFinalMessage.NAME + ": nonce is not the one of the server-first message");
        }
        ScramMechanism mechanism = verifier.mechanism();
        if (clientFinal.proof().length != mechanism.keyLength()) {
            throw ScramAttributes.malformed(ClientFinalMessage.NAME,
                    "proof must be " + mechanism.keyLength() + " bytes for " + mechanism.mechanismName());
        }
        String authMessage = ClientFinalMessage.authMessage(clientFirst, serverFirst.text(), clientFinal.withoutProof());
        byte[] storedKey = verifier.storedKey();
        byte[] clientKey = mechanism.recoverClientKey(clientFinal.proof(), storedKey, authMessage);
        if (!MessageDigest.isEqual(mechanism.storedKey(clientKey), storedKey)) {
            return Verdict.rejected();
        }
        return Verdict.accepted(ServerFinalMessage.of(mechanism.serverSignature(verifier.serverKey(), authMessage)));
    }

    private void requireState(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException(call + "() called in state " + state + " (expected " + expected + ")");
        }
    }
}
