package io.scratchbird.wire.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Nonce generation and the RFC 5802 nonce character rule (printable ASCII except {@code ,}). */
final class ScramNonce {

    /** 18 random bytes give 24 base64 characters with no padding, as the JDBC driver sends (spec 6.6). */
    private static final int RANDOM_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramNonce() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static boolean isValid(String nonce) {
        if (nonce.isEmpty()) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** For nonces supplied by the local caller: a bad one is a programming error, not a peer's fault. */
    static String requireValid(String nonce, String what) {
        if (!isValid(nonce)) {
            throw new IllegalArgumentException(what + " must be non-empty printable ASCII without ','");
        }
        return nonce;
    }
}
