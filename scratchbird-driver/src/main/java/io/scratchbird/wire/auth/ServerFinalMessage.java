package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

import java.util.Base64;

/**
 * The server-final message {@code v=<base64 ServerSignature>} (carried in AUTH_OK info, spec 6.5),
 * or a SCRAM error {@code e=<value>}. An empty message is a missing signature, not a success:
 * accepting it would silently drop mutual authentication (spec H-18).
 */
final class ServerFinalMessage {

    static final String NAME = "server-final message";
    /** The server's error text is echoed into our exception; keep it bounded and printable. */
    private static final int MAX_ECHOED_ERROR_LENGTH = 100;

    private ServerFinalMessage() {
    }

    static String of(byte[] serverSignature) {
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    /** The decoded {@code v=} signature; a SCRAM error or a missing signature is an exception. */
    static byte[] parseSignature(String text) throws ScramException {
        if (text.isEmpty()) {
            throw new ScramException(Reason.SERVER_SIGNATURE_MISSING,
                    NAME + " is empty: the server did not prove that it knows the password verifier");
        }
        ScramAttributes attributes = ScramAttributes.parse(NAME, text);
        if (attributes.nextIs('e')) {
            throw new ScramException(Reason.SERVER_ERROR,
                    NAME + ": the server reported SCRAM error '" + printable(attributes.take('e')) + "'");
        }
        if (!attributes.nextIs('v')) {
            throw new ScramException(Reason.SERVER_SIGNATURE_MISSING,
                    NAME + " carries no server signature 'v='");
        }
        byte[] signature = attributes.takeBase64('v');
        attributes.skipExtensions();
        return signature;
    }

    private static String printable(String value) {
        String bounded = value.length() > MAX_ECHOED_ERROR_LENGTH ? value.substring(0, MAX_ECHOED_ERROR_LENGTH) + "..." : value;
        return bounded.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
