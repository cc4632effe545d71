package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.HostSpec;
import io.scratchbird.jdbc.ScratchBirdProperty;
import io.scratchbird.jdbc.SqlExceptions;
import io.scratchbird.jdbc.SslMode;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side of SBWP's direct TLS (spec 2.2): an {@link SSLContext} built from the
 * connection properties and the handshake on a freshly connected socket. TLS 1.3 only, which is
 * all the server speaks; a server offering only older versions is refused.
 *
 * <p>Server certificate, by {@link SslMode} (PgJDBC/libpq semantics):
 * <ul>
 *   <li>{@code allow}, {@code prefer}, {@code require}: any certificate is accepted, except that
 *       {@code require} with {@code sslrootcert} verifies the chain;</li>
 *   <li>{@code verify-ca}: the chain must lead to a certificate in {@code sslrootcert}, or in the
 *       JVM's default trust store when {@code sslrootcert} is unset or {@code system};</li>
 *   <li>{@code verify-full}: also the host name, by HTTPS endpoint identification (DNS and IP
 *       subject alternative names).</li>
 * </ul>
 * {@code sslrootcert} is a PEM file with one or more certificates, PEM text given inline
 * (a value starting with {@code -----BEGIN}, handy in Spring configuration), or {@code system}.
 * A self-signed server certificate can be trusted directly: the embedded server's persisted
 * {@code <data directory>/tls/server.crt} works as {@code sslrootcert} with {@code verify-full}
 * for local connections.
 *
 * <p>Client certificate: {@code sslcert} (PEM chain, file or inline) with {@code sslkey} (see
 * {@link PrivateKeys} for the forms; a key inside the {@code sslcert} file is used when
 * {@code sslkey} is unset) and {@code sslpassword} for an encrypted key. The key must belong to
 * the certificate.
 *
 * <p>Problems with the material are reported when the object is built, as SQLSTATE
 * {@code 08001} naming the property and file, never key material or passwords. Immutable and
 * thread-safe: one instance can serve every connection of a data source.
 */
public final class ClientTls {

    /** The only protocol offered. */
    public static final String PROTOCOL = "TLSv1.3";
    /** The {@code sslrootcert} value that selects the JVM's default trust store (libpq's spelling). */
    public static final String SYSTEM_TRUST_STORE = "system";

    private final SslMode mode;
    private final SSLContext context;
    private final boolean verifyHostName;
    private final String summary;

    private ClientTls(SslMode mode, SSLContext context, String summary) {
        this.mode = mode;
        this.context = context;
        this.verifyHostName = mode.verifiesHostName();
        this.summary = summary;
    }

    /**
     * Reads the TLS settings ({@code sslmode}/{@code ssl}, {@code sslrootcert}, {@code sslcert},
     * {@code sslkey}, {@code sslpassword}) and loads the certificates and key they name.
     *
     * @throws SQLException 22023 for an invalid {@code sslmode}; 08001 for unusable material
     */
    public static ClientTls configure(Properties properties) throws SQLException {
        SslMode mode = SslMode.from(properties);
        if (mode == SslMode.DISABLE) {
            return new ClientTls(mode, null, "sslmode=disable");
        }
        String root = blankToNull(ScratchBirdProperty.SSL_ROOT_CERT.get(properties));
        StringBuilder summary = new StringBuilder("sslmode=").append(mode.value());
        ServerCertificateCheck check;
        if (!mode.verifiesCertificate(root != null)) {
            check = new ServerCertificateCheck(null, false, "nothing");
            summary.append(", server certificate not verified");
        } else if (root == null || root.trim().equals(SYSTEM_TRUST_STORE)) {
            check = new ServerCertificateCheck(pkix(null), mode.verifiesHostName(), "the JVM default trust store");
            summary.append(", trusting the JVM default trust store");
        } else {
            PemSource source = PemSource.load(ScratchBirdProperty.SSL_ROOT_CERT, root, true);
            check = new ServerCertificateCheck(pkix(trustStore(source.certificates())), mode.verifiesHostName(),
                    source.description());
            summary.append(", trusting ").append(source.description());
        }
        KeyManager[] keyManagers = clientKeyManagers(properties, summary);
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers, new TrustManager[] {check}, null);
            return new ClientTls(mode, context, summary.toString());
        } catch (GeneralSecurityException e) {
            throw SqlExceptions.cannotConnect("this JVM cannot create a " + PROTOCOL + " context: " + e.getMessage(), e);
        }
    }

    /** The effective TLS mode. */
    public SslMode mode() {
        return mode;
    }

    /** Whether any connection attempt may use TLS ({@code sslmode} other than {@code disable}). */
    public boolean isEnabled() {
        return context != null;
    }

    /**
     * The context; its sockets still need {@link #wrap}'s settings (TLS 1.3 only, host-name
     * verification, SNI), so prefer {@link #wrap}.
     *
     * @throws IllegalStateException when TLS is disabled
     */
    public SSLContext sslContext() {
        requireEnabled();
        return context;
    }

    /** The socket factory of {@link #sslContext()}. */
    public SSLSocketFactory socketFactory() {
        return sslContext().getSocketFactory();
    }

    /**
     * Starts TLS on a connected socket and completes the handshake. On success the socket's read
     * timeout is what it was before; the negotiated protocol is
     * {@code result.getSession().getProtocol()} (always {@value #PROTOCOL}). On failure the socket
     * is closed.
     *
     * @param host    the host name the user gave: checked against the certificate for
     *                {@code verify-full} and sent as SNI when it is a DNS name
     * @param timeout the longest the handshake may take; zero or null for no limit
     * @throws SQLException 08001: non-transient when the handshake was refused (certificate,
     *                      protocol version), transient when it timed out, the connection dropped
     *                      or the peer did not speak TLS (a plaintext listener's banner)
     */
    public SSLSocket wrap(Socket plain, String host, int port, Duration timeout) throws SQLException {
        requireEnabled();
        HostSpec target = new HostSpec(host, port);
        int millis = timeout == null ? 0 : (int) Math.min(Math.max(timeout.toMillis(), 0), Integer.MAX_VALUE);
        SSLSocket socket = null;
        try {
            int previousTimeout = plain.getSoTimeout();
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            socket.setUseClientMode(true);
            socket.setEnabledProtocols(new String[] {PROTOCOL});
            SSLParameters parameters = socket.getSSLParameters();
            if (verifyHostName) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            parameters.setServerNames(serverNames(host));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(millis);
            socket.startHandshake();
            socket.setSoTimeout(previousTimeout);
            return socket;
        } catch (SSLHandshakeException e) {
            closeQuietly(socket != null ? socket : plain);
            if (droppedByPeer(e)) {
                throw SqlExceptions.connectionFailure(target, e);
            }
            throw SqlExceptions.cannotConnect("TLS handshake with " + target + " failed (" + summary + "): "
                    + handshakeProblem(e), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket != null ? socket : plain);
            throw SqlExceptions.connectionFailure(target,
                    new SocketTimeoutException("TLS handshake not finished within " + millis + " ms"));
        } catch (IOException e) {
            closeQuietly(socket != null ? socket : plain);
            throw SqlExceptions.connectionFailure(target, e);
        }
    }

    /** Mode, trust and client certificate subject; never key material or passwords. */
    @Override
    public String toString() {
        return "ClientTls[" + summary + "]";
    }

    private static KeyManager[] clientKeyManagers(Properties properties, StringBuilder summary) throws SQLException {
        String cert = blankToNull(ScratchBirdProperty.SSL_CERT.get(properties));
        String keyFile = blankToNull(ScratchBirdProperty.SSL_KEY.get(properties));
        if (cert == null) {
            if (keyFile != null) {
                throw SqlExceptions.cannotConnect("sslkey is set but sslcert is not; a client key needs its certificate", null);
            }
            return null;
        }
        PemSource certSource = PemSource.load(ScratchBirdProperty.SSL_CERT, cert, true);
        List<X509Certificate> chain = certSource.certificates();
        PemSource keySource = keyFile == null ? certSource : PemSource.load(ScratchBirdProperty.SSL_KEY, keyFile, false);
        String password = ScratchBirdProperty.SSL_PASSWORD.get(properties);
        PrivateKey key = PrivateKeys.read(keySource, password == null ? null : password.toCharArray());
        if (!PrivateKeys.matches(key, chain.get(0).getPublicKey())) {
            throw SqlExceptions.cannotConnect("the private key in " + keySource.description()
                    + " does not belong to the first certificate in " + certSource.description(), null);
        }
        summary.append(", client certificate ").append(chain.get(0).getSubjectX500Principal().getName());
        return new KeyManager[] {new ClientKeyManager(chain, key)};
    }

    /** A key store holding only trusted certificates; it lives in memory, so it needs no password. */
    private static KeyStore trustStore(List<X509Certificate> certificates) throws SQLException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw SqlExceptions.cannotConnect("cannot build the trust store for sslrootcert: " + e.getMessage(), e);
        }
    }

    /** The JDK's PKIX trust manager over {@code store}, or over the JVM default trust store when null. */
    private static X509ExtendedTrustManager pkix(KeyStore store) throws SQLException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager) {
                    return (X509ExtendedTrustManager) manager;
                }
            }
            throw SqlExceptions.cannotConnect("the JVM offers no X.509 trust manager", null);
        } catch (GeneralSecurityException e) {
            throw SqlExceptions.cannotConnect("cannot initialise certificate verification: " + e.getMessage(), e);
        }
    }

    /** SNI carries DNS names only (RFC 6066); IP literals and names the JDK rejects get none. */
    private static List<SNIServerName> serverNames(String host) {
        boolean ipLiteral = host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        if (ipLiteral) {
            return List.of();
        }
        try {
            return List.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Whether the peer closed or reset the connection mid-handshake (may work next time) rather than refusing it. */
    private static boolean droppedByPeer(SSLHandshakeException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof EOFException || t instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's reason, with a hint for the one failure whose alert name says little. */
    private static String handshakeProblem(SSLHandshakeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
            return message + " (the server does not offer TLS 1.3, which SBWP requires)";
        }
        return message;
    }

    private void requireEnabled() {
        if (context == null) {
            throw new IllegalStateException("TLS is disabled (sslmode=disable)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already failing; the original exception is what matters.
        }
    }
}
