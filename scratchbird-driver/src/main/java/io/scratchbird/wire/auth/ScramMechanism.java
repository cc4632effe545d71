package io.scratchbird.wire.auth;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A SCRAM hash family and the RFC 5802 key derivations built on it (spec 6.6):
 * <pre>
 * SaltedPassword  = PBKDF2(HMAC-H, password UTF-8, salt, iterations, len(H))
 * ClientKey       = HMAC(SaltedPassword, "Client Key")      ServerKey = HMAC(SaltedPassword, "Server Key")
 * StoredKey       = H(ClientKey)
 * ClientSignature = HMAC(StoredKey, AuthMessage)           ClientProof = ClientKey XOR ClientSignature
 * ServerSignature = HMAC(ServerKey, AuthMessage)
 * </pre>
 * Passwords are used as given (no SASLprep), exactly like the official drivers.
 */
public enum ScramMechanism {

    /** SCRAM-SHA-256 (RFC 7677), SBWP auth method 3. */
    SHA_256("SCRAM-SHA-256", 3, "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
    /** SCRAM-SHA-512, SBWP auth method 4. */
    SHA_512("SCRAM-SHA-512", 4, "SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 64);

    private static final byte[] CLIENT_KEY_LABEL = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY_LABEL = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private final String mechanismName;
    private final int authMethod;
    private final String digestAlgorithm;
    private final String macAlgorithm;
    private final String pbkdf2Algorithm;
    private final int keyLength;

    ScramMechanism(String mechanismName, int authMethod, String digestAlgorithm, String macAlgorithm,
                   String pbkdf2Algorithm, int keyLength) {
        this.mechanismName = mechanismName;
        this.authMethod = authMethod;
        this.digestAlgorithm = digestAlgorithm;
        this.macAlgorithm = macAlgorithm;
        this.pbkdf2Algorithm = pbkdf2Algorithm;
        this.keyLength = keyLength;
    }

    /** The IANA SASL name, e.g. {@code SCRAM-SHA-256}; also the prefix of a stored verifier. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The SBWP {@code auth_method} code of AUTH_REQUEST / AUTH_CONTINUE (3 or 4). */
    public int authMethod() {
        return authMethod;
    }

    /** Length in bytes of every key, proof and signature: the hash output length. */
    public int keyLength() {
        return keyLength;
    }

    /** The mechanism with this SASL name (case-insensitive), if any. */
    public static Optional<ScramMechanism> forMechanismName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.mechanismName.equals(upper)).findFirst();
    }

    /** The mechanism an SBWP {@code auth_method} code asks for, if it is a SCRAM code. */
    public static Optional<ScramMechanism> forAuthMethod(int code) {
        return Arrays.stream(values()).filter(m -> m.authMethod == code).findFirst();
    }

    /** {@code SaltedPassword}: PBKDF2 over the UTF-8 password (the JDK's PBKDF2 encodes chars as UTF-8). */
    public byte[] saltedPassword(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, keyLength * 8);
        try {
            return SecretKeyFactory.getInstance(pbkdf2Algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pbkdf2Algorithm + " is unavailable in this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** {@code ClientKey = HMAC(SaltedPassword, "Client Key")}. */
    public byte[] clientKey(byte[] saltedPassword) {
        return hmac(saltedPassword, CLIENT_KEY_LABEL);
    }

    /** {@code ServerKey = HMAC(SaltedPassword, "Server Key")}. */
    public byte[] serverKey(byte[] saltedPassword) {
        return hmac(saltedPassword, SERVER_KEY_LABEL);
    }

    /** {@code StoredKey = H(ClientKey)}. */
    public byte[] storedKey(byte[] clientKey) {
        try {
            return MessageDigest.getInstance(digestAlgorithm).digest(clientKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestAlgorithm + " is unavailable in this JDK", e);
        }
    }

    /** {@code ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage)}. */
    public byte[] clientProof(byte[] clientKey, byte[] storedKey, String authMessage) {
        return xor(clientKey, clientSignature(storedKey, authMessage));
    }

    /**
     * The server's inverse of {@link #clientProof}: {@code ClientKey = ClientProof XOR ClientSignature}.
     * The proof is right when {@code H(result)} equals the StoredKey.
     */
    public byte[] recoverClientKey(byte[] clientProof, byte[] storedKey, String authMessage) {
        return xor(clientProof, clientSignature(storedKey, authMessage));
    }

    /** {@code ServerSignature = HMAC(ServerKey, AuthMessage)}. */
    public byte[] serverSignature(byte[] serverKey, String authMessage) {
        return hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-H of {@code data} under {@code key}. */
    public byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macAlgorithm + " is unavailable in this JDK", e);
        }
    }

    private byte[] clientSignature(byte[] storedKey, String authMessage) {
        return hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] xor(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("XOR operands differ in length: " + a.length + " vs " + b.length);
        }
        byte[] out = new byte[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
