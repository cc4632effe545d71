package io.scratchbird.jdbc.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A JDK {@link SSLServerSocket} on 127.0.0.1 that accepts one connection, completes the
 * handshake, records the client certificate (if any) and writes one byte. Its key material is
 * loaded with the JDK's PKCS#12 support, independently of the code under test.
 */
final class TlsTestServer implements AutoCloseable {

    /** The byte the server writes after a successful handshake. */
    static final int GREETING = 'K';

    private final ServerSocket socket;
    private final String banner;
    private final CompletableFuture<String> clientSubject = new CompletableFuture<>();

    private TlsTestServer(ServerSocket socket, String banner) {
        this.socket = socket;
        this.banner = banner;
        Thread acceptor = new Thread(this::serveOne, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param p12             the server's PKCS#12 bundle under {@code tls/}
     * @param protocol        the one protocol the server enables ({@code TLSv1.3} or {@code TLSv1.2})
     * @param needClientAuth  whether a certificate signed by {@code ca.crt} is required from the client
     */
    static TlsTestServer start(String p12, String protocol, boolean needClientAuth) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TlsFixtures.path(p12))) {
            keys.load(in, TlsFixtures.P12_PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TlsFixtures.P12_PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", TlsFixtures.certificate("ca.crt"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {protocol});
        server.setNeedClientAuth(needClientAuth);
        return new TlsTestServer(server, null);
    }

    /**
     * A plaintext server that writes {@code banner} (nothing when empty) and then reads until
     * the client closes: a silent peer, or an SBWP plaintext listener's text fallback (spec 2.3).
     */
    static TlsTestServer plaintext(String banner) throws IOException {
        return new TlsTestServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), banner);
    }

    int port() {
        return socket.getLocalPort();
    }

    Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port());
    }

    /** The subject of the certificate the client presented; "" when it presented none. */
    String clientSubject() throws Exception {
        return clientSubject.get(10, TimeUnit.SECONDS);
    }

    private void serveOne() {
        try (Socket accepted = socket.accept()) {
            if (!(accepted instanceof SSLSocket)) {
                accepted.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                accepted.getOutputStream().flush();
                // Hold the connection until the client gives up.
                while (accepted.getInputStream().read() >= 0) {
                    continue;
                }
                return;
            }
            SSLSocket tls = (SSLSocket) accepted;
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            String subject = "";
            if (tls.getNeedClientAuth()) {
                subject = ((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            }
            tls.getOutputStream().write(GREETING);
            tls.getOutputStream().flush();
            clientSubject.complete(subject);
            // Wait for the client to close, so the greeting is never lost to a reset.
            tls.getInputStream().read();
        } catch (IOException e) {
            clientSubject.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
