package io.scratchbird.embedded.security;

import io.scratchbird.wire.auth.ScramMechanism;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SBWP authentication methods the embedded server can request in AUTH_REQUEST (spec 6.5).
 * PASSWORD sends the password itself (protected only by TLS); the SCRAM methods never let it
 * leave the client and also authenticate the server.
 */
public enum AuthMethod {

    /** Method 1: AUTH_RESPONSE carries the UTF-8 password; checked with {@link UserStore#verifyPassword}. */
    PASSWORD(1, null),
    /** Method 3: SCRAM-SHA-256 against {@link UserStore#verifier}. */
    SCRAM_SHA_256(3, ScramMechanism.SHA_256),
    /** Method 4: SCRAM-SHA-512 against {@link UserStore#verifier}. */
    SCRAM_SHA_512(4, ScramMechanism.SHA_512);

    private final int code;
    private final ScramMechanism mechanism;

    AuthMethod(int code, ScramMechanism mechanism) {
        this.code = code;
        this.mechanism = mechanism;
    }

    /** The {@code auth_method} byte of AUTH_REQUEST / AUTH_CONTINUE. */
    public int code() {
        return code;
    }

    /** The SCRAM mechanism, or empty for {@link #PASSWORD}. */
    public Optional<ScramMechanism> scramMechanism() {
        return Optional.ofNullable(mechanism);
    }

    /** The method that runs a SCRAM exchange with this mechanism, e.g. for a user's verifier. */
    public static AuthMethod forScram(ScramMechanism mechanism) {
        return Arrays.stream(values()).filter(m -> m.mechanism == mechanism).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SBWP method for " + mechanism));
    }

    /** The method with this {@code auth_method} code, if the server implements it. */
    public static Optional<AuthMethod> forCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
