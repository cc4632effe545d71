package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * What a server stores instead of a password: mechanism, salt, iteration count, StoredKey and
 * ServerKey (RFC 5802 section 3). It lets the server check a SCRAM proof or a plain password and
 * prove itself to the client, but the password cannot be read back from it.
 *
 * <p>Text form (PostgreSQL's {@code pg_authid} format), one line:
 * {@code SCRAM-SHA-256$4096:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>}.
 *
 * <p>Immutable; byte arrays are copied in and out. {@link #toString()} shows no key material.
 */
public final class ScramVerifier {

    /** RFC 7677's minimum; also the client's lower bound for a server's iteration count. */
    public static final int MIN_ITERATIONS = 4096;
    /** Upper bound on iteration counts, so a hostile server cannot make the client spin for minutes. */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** The iteration count of {@link #create(ScramMechanism, String)}. */
    public static final int DEFAULT_ITERATIONS = MIN_ITERATIONS;
    /** Length of a generated salt: 128 bits, as RFC 5802 recommends at least. */
    public static final int SALT_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramMechanism mechanism;
    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private ScramVerifier(ScramMechanism mechanism, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        if (salt.length == 0) {
            throw new IllegalArgumentException("salt must not be empty");
        }
        checkIterations(iterations);
        if (storedKey.length != mechanism.keyLength() || serverKey.length != mechanism.keyLength()) {
            throw new IllegalArgumentException(mechanism.mechanismName() + " keys must be " + mechanism.keyLength() + " bytes");
        }
        this.salt = salt.clone();
        this.iterations = iterations;
        this.storedKey = storedKey.clone();
        this.serverKey = serverKey.clone();
    }

    /** A verifier from its parts, e.g. one a server synthesises; keys must have the mechanism's length. */
    public static ScramVerifier of(ScramMechanism mechanism, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        return new ScramVerifier(mechanism, salt, iterations, storedKey, serverKey);
    }

    /** A verifier for {@code password} with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static ScramVerifier create(ScramMechanism mechanism, String password) {
        return create(mechanism, password, DEFAULT_ITERATIONS);
    }

    /** A verifier for {@code password} with a fresh random salt. */
    public static ScramVerifier create(ScramMechanism mechanism, String password, int iterations) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(mechanism, password, salt, iterations);
    }

    /** The verifier {@code password} yields with this salt and iteration count (deterministic). */
    public static ScramVerifier derive(ScramMechanism mechanism, String password, byte[] salt, int iterations) {
        checkIterations(iterations);
        byte[] saltedPassword = mechanism.saltedPassword(password, salt, iterations);
        try {
            byte[] clientKey = mechanism.clientKey(saltedPassword);
            return new ScramVerifier(mechanism, salt, iterations, mechanism.storedKey(clientKey), mechanism.serverKey(saltedPassword));
        } finally {
            Arrays.fill(saltedPassword, (byte) 0);
        }
    }

    /**
     * Checks a plain password (SBWP PASSWORD method) against this verifier: derives the StoredKey
     * with the stored salt and iterations and compares in constant time. Costs one PBKDF2.
     */
    public boolean verifiesPassword(String password) {
        byte[] saltedPassword = mechanism.saltedPassword(password, salt, iterations);
        try {
            byte[] candidate = mechanism.storedKey(mechanism.clientKey(saltedPassword));
            return MessageDigest.isEqual(candidate, storedKey);
        } finally {
            Arrays.fill(saltedPassword, (byte) 0);
        }
    }

    /** Parses the text form written by {@link #encode()}. */
    public static ScramVerifier parse(String line) throws ScramException {
        String[] parts = line.split("\\$", -1);
        if (parts.length != 3) {
            throw malformed("expected <mechanism>$<iterations>:<salt>$<StoredKey>:<ServerKey>");
        }
        ScramMechanism mechanism = ScramMechanism.forMechanismName(parts[0])
                .orElseThrow(() -> malformed("unknown mechanism (expected SCRAM-SHA-256 or SCRAM-SHA-512)"));
        String[] iterationsAndSalt = splitPair(parts[1], "<iterations>:<salt>");
        String[] keys = splitPair(parts[2], "<StoredKey>:<ServerKey>");
        int iterations;
        try {
            iterations = Integer.parseInt(iterationsAndSalt[0]);
        } catch (NumberFormatException e) {
            throw malformed("iteration count is not a number");
        }
        try {
            return new ScramVerifier(mechanism, decode(iterationsAndSalt[1], "salt"), iterations,
                    decode(keys[0], "StoredKey"), decode(keys[1], "ServerKey"));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    /** The one-line text form {@code SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>} (base64). */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return mechanism.mechanismName() + "$" + iterations + ":" + b64.encodeToString(salt)
                + "$" + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }

    public ScramMechanism mechanism() {
        return mechanism;
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    public byte[] storedKey() {
        return storedKey.clone();
    }

    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramVerifier v && mechanism == v.mechanism && iterations == v.iterations
                && Arrays.equals(salt, v.salt) && MessageDigest.isEqual(storedKey, v.storedKey)
                && MessageDigest.isEqual(serverKey, v.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, iterations, Arrays.hashCode(salt));
    }

    @Override
    public String toString() {
        return "ScramVerifier[" + mechanism.mechanismName() + ", " + iterations + " iterations]";
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count " + iterations + " is outside "
                    + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
    }

    private static String[] splitPair(String part, String expected) throws ScramException {
        String[] pair = part.split(":", -1);
        if (pair.length != 2) {
            throw malformed("expected " + expected);
        }
        return pair;
    }

    private static byte[] decode(String base64, String what) throws ScramException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not valid base64");
        }
    }

    private static ScramException malformed(String detail) {
        return new ScramException(Reason.MALFORMED_VERIFIER, "stored SCRAM verifier: " + detail);
    }
}
