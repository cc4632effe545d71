package io.scratchbird.wire.auth;

import java.util.Base64;

/**
 * The server-first message {@code r=<client nonce><server nonce>,s=<base64 salt>,i=<iterations>}.
 * Parsing checks only the grammar; whether the nonce and iteration count are acceptable is the
 * client's decision ({@link ScramClient}).
 */
record ServerFirstMessage(String text, String nonce, byte[] salt, int iterations) {

    static final String NAME = "server-first message";

    static ServerFirstMessage of(String nonce, byte[] salt, int iterations) {
        String text = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return new ServerFirstMessage(text, nonce, salt, iterations);
    }

    static ServerFirstMessage parse(String text) throws ScramException {
        ScramAttributes attributes = ScramAttributes.parse(NAME, text);
        attributes.refuseMandatoryExtension();
        String nonce = attributes.take('r');
        if (!ScramNonce.isValid(nonce)) {
            throw ScramAttributes.malformed(NAME, "nonce must be non-empty printable ASCII");
        }
        byte[] salt = attributes.takeBase64('s');
        int iterations = attributes.takePositiveInt('i');
        attributes.skipExtensions();
        return new ServerFirstMessage(text, nonce, salt, iterations);
    }
}
