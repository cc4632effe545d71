package io.scratchbird.wire.auth;

/**
 * A SCRAM exchange (RFC 5802 / RFC 7677, spec 6.6) or a stored SCRAM verifier that cannot be
 * accepted. The {@link Reason} tells a caller how to react: a server answers a malformed or
 * inconsistent message with a protocol error, a driver treats a bad server signature as a failed
 * mutual authentication (spec H-18).
 *
 * <p>Messages name the message and attribute at fault. They never contain a password, and
 * never a proof, signature or key.
 *
 * <p>A wrong password is not an exception on the server side: {@link ScramServer} reports it as
 * a rejected {@link ScramServer.Verdict}, so that it stays distinct from a malformed exchange.
 */
public class ScramException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the exchange or verifier was refused. */
    public enum Reason {
        /** A message does not follow the RFC 5802 grammar (missing, misplaced or invalid attribute). */
        MALFORMED_MESSAGE,
        /** The peer asked for something this implementation does not offer: channel binding, an authzid, a mandatory extension. */
        UNSUPPORTED_FEATURE,
        /** The server nonce does not extend the client nonce, or the client-final nonce is not the combined nonce. */
        NONCE_MISMATCH,
        /** The server's iteration count is outside the accepted range (a client-side DoS guard). */
        ITERATION_COUNT_OUT_OF_RANGE,
        /** The client-final channel-binding attribute {@code c=} does not repeat the client-first GS2 header. */
        CHANNEL_BINDING_MISMATCH,
        /** The server-final message is a SCRAM error {@code e=...}. */
        SERVER_ERROR,
        /** The server-final message (AUTH_OK info) carries no {@code v=}: the server did not prove itself. */
        SERVER_SIGNATURE_MISSING,
        /** The server's {@code v=} signature is not the one the password yields: the server is not who it claims. */
        SERVER_SIGNATURE_MISMATCH,
        /** A stored verifier line is not {@code <mechanism>$<iterations>:<salt>$<StoredKey>:<ServerKey>}. */
        MALFORMED_VERIFIER
    }

    private final Reason reason;

    public ScramException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
