package io.scratchbird.jdbc;

import java.sql.SQLException;
import java.util.Properties;

/**
 * How a connection uses TLS, in PgJDBC's vocabulary ({@code sslmode}).
 *
 * <p>SBWP has no in-band TLS negotiation: TLS starts with the client's first bytes or not at all,
 * and a listener either requires it or does not (spec 2.2). The two "opportunistic" modes are
 * therefore defined as a second connection attempt:
 * <ul>
 *   <li>{@link #ALLOW}: plaintext first; if that connection fails (a TLS listener closes a
 *       plaintext connection without a word), reconnect with TLS;</li>
 *   <li>{@link #PREFER} (the default, as in PgJDBC): TLS first; if the TLS handshake fails (a
 *       plaintext listener answers a ClientHello with its text banner), reconnect in plaintext.</li>
 * </ul>
 * Neither verifies the server certificate, exactly like libpq; use {@link #REQUIRE} or stronger
 * when a downgrade to plaintext is not acceptable.
 *
 * <p>{@link #REQUIRE} encrypts without checking the certificate, unless {@code sslrootcert} is
 * set, in which case the chain is verified as for {@link #VERIFY_CA} (libpq's rule).
 * {@link #VERIFY_CA} verifies the chain against {@code sslrootcert} or, when none is given, the
 * JVM's default trust store; {@link #VERIFY_FULL} also checks that the certificate names the host.
 */
public enum SslMode {
    /** Plaintext only. */
    DISABLE("disable"),
    /** Plaintext, TLS (unverified) when plaintext fails. */
    ALLOW("allow"),
    /** TLS (unverified), plaintext when the TLS handshake fails. */
    PREFER("prefer"),
    /** TLS only; the chain is verified only when {@code sslrootcert} is set. */
    REQUIRE("require"),
    /** TLS only; the certificate chain must verify. */
    VERIFY_CA("verify-ca"),
    /** TLS only; the chain must verify and the certificate must match the host name. */
    VERIFY_FULL("verify-full");

    private final String value;

    SslMode(String value) {
        this.value = value;
    }

    /** The property value, such as {@code verify-full}. */
    public String value() {
        return value;
    }

    /** {@code leading} followed by every mode's property value, in order of increasing protection. */
    static String[] names(String... extraLeading) {
        SslMode[] modes = values();
        String[] out = new String[extraLeading.length + modes.length];
        System.arraycopy(extraLeading, 0, out, 0, extraLeading.length);
        for (int i = 0; i < modes.length; i++) {
            out[extraLeading.length + i] = modes[i].value;
        }
        return out;
    }

    /**
     * The mode named by a property value (case-insensitive).
     *
     * @throws SQLException SQLSTATE 22023 naming {@code sslmode} and the allowed values
     */
    public static SslMode of(String value) throws SQLException {
        String canonical = ScratchBirdProperty.SSL_MODE.normalize(value);
        for (SslMode mode : values()) {
            if (mode.value.equals(canonical)) {
                return mode;
            }
        }
        // normalize() accepted nothing but an empty text; that names no mode.
        throw ScratchBirdProperty.SSL_MODE.invalidValue(value);
    }

    /**
     * The effective mode of a set of connection properties: {@code sslmode} when set; otherwise
     * PgJDBC's {@code ssl} flag ({@code true}, {@code on}, {@code yes}, {@code 1} or a bare
     * {@code ssl} mean {@link #VERIFY_FULL}); {@code false}, {@code off}, {@code no} and {@code 0}
     * mean {@link #DISABLE} (spec 13.3 H-3, where the upstream driver still used TLS); an
     * {@code sslmode} name given as {@code ssl} is taken as that mode, as the upstream driver
     * does; otherwise {@link #PREFER}.
     *
     * @throws SQLException SQLSTATE 22023 for an invalid {@code sslmode} or {@code ssl} value
     */
    public static SslMode from(Properties properties) throws SQLException {
        String mode = ScratchBirdProperty.SSL_MODE.normalize(ScratchBirdProperty.SSL_MODE.rawValue(properties));
        if (mode != null) {
            return of(mode);
        }
        String ssl = ScratchBirdProperty.SSL.normalize(ScratchBirdProperty.SSL.rawValue(properties));
        if (ssl == null) {
            return of(ScratchBirdProperty.SSL_MODE.defaultValue());
        }
        switch (ssl) {
            case "true":
                return VERIFY_FULL;
            case "false":
                return DISABLE;
            default:
                return of(ssl);
        }
    }

    /** Whether the first connection attempt uses TLS. */
    public boolean attemptTlsFirst() {
        return this != DISABLE && this != ALLOW;
    }

    /**
     * Whether a failed first attempt is retried with the other transport ({@link #ALLOW} and
     * {@link #PREFER} only). The caller retries only when the failure is about the transport
     * (TLS handshake, connection closed before any SBWP frame), never after authentication began.
     */
    public boolean fallbackAllowed() {
        return this == ALLOW || this == PREFER;
    }

    /** Whether the server's certificate chain is verified, given whether {@code sslrootcert} is set. */
    public boolean verifiesCertificate(boolean rootCertificateConfigured) {
        return this == VERIFY_CA || this == VERIFY_FULL || (this == REQUIRE && rootCertificateConfigured);
    }

    /** Whether the certificate must name the host the client connected to. */
    public boolean verifiesHostName() {
        return this == VERIFY_FULL;
    }

    @Override
    public String toString() {
        return value;
    }
}
