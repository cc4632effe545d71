package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.SslMode;
import io.scratchbird.jdbc.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ClientTls against a real JDK TLS server on 127.0.0.1, for every sslmode and key form. */
class ClientTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CA = TlsFixtures.file("ca.crt");
    private static final String OTHER_CA = TlsFixtures.file("other-ca.crt");

    /**
     * Handshakes as {@code host} with a TLS 1.3 server using {@code p12}, reads its greeting.
     *
     * @return the negotiated protocol
     */
    private static String connects(String p12, String host, Properties properties) throws Exception {
        try (TlsTestServer server = TlsTestServer.start(p12, "TLSv1.3", false)) {
            return handshake(server, host, ClientTls.configure(properties));
        }
    }

    private static String handshake(TlsTestServer server, String host, ClientTls tls) throws Exception {
        try (SSLSocket socket = tls.wrap(server.connect(), host, server.port(), TIMEOUT)) {
            assertEquals(TlsTestServer.GREETING, socket.getInputStream().read());
            return socket.getSession().getProtocol();
        }
    }

    /**
     * The handshake with a server using {@code p12} and {@code protocol} fails with a
     * non-transient 08001 whose message contains {@code expected}, and the socket is closed.
     */
    private static void refused(String p12, String protocol, String host, Properties properties, String expected)
            throws Exception {
        try (TlsTestServer server = TlsTestServer.start(p12, protocol, false)) {
            ClientTls tls = ClientTls.configure(properties);
            Socket plain = server.connect();
            SQLException e = assertThrows(SQLNonTransientConnectionException.class,
                    () -> tls.wrap(plain, host, server.port(), TIMEOUT));
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(plain.isClosed(), "the socket is closed after a failed handshake");
        }
    }

    @Test
    void requireWithoutRootCertificateAcceptsASelfSignedServerOverTls13() throws Exception {
        assertEquals("TLSv1.3", connects("selfsigned.p12", "localhost", TestProperties.of("sslmode", "require")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"require", "verify-ca"})
    void theRightRootCertificateVerifiesTheChainButNotTheHostName(String mode) throws Exception {
        connects("server.p12", "wrong.example", TestProperties.of("sslmode", mode, "sslrootcert", CA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"require", "verify-ca", "verify-full"})
    void aWrongRootCertificateFails(String mode) throws Exception {
        refused("server.p12", "TLSv1.3", "localhost", TestProperties.of("sslmode", mode, "sslrootcert", OTHER_CA),
                "the server certificate is not trusted by sslrootcert file " + OTHER_CA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void verifyFullAcceptsANameInTheCertificate(String host) throws Exception {
        connects("server.p12", host, TestProperties.of("sslmode", "verify-full", "sslrootcert", CA));
    }

    @ParameterizedTest
    @CsvSource({"sslmode, verify-full", "ssl, true"})
    void verifyFullRejectsAHostNameNotInTheCertificate(String property, String value) throws Exception {
        refused("server.p12", "TLSv1.3", "wrong.example", TestProperties.of(property, value, "sslrootcert", CA),
                "rejected for host name 'wrong.example' (sslmode=verify-full)");
    }

    @Test
    void aPinnedSelfSignedCertificateWorksWithVerifyFull() throws Exception {
        // The embedded server's persisted tls/server.crt is such a certificate.
        connects("selfsigned.p12", "localhost",
                TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("selfsigned.crt")));
    }

    @Test
    void inlinePemWorksAsRootCertificate() throws Exception {
        Properties properties = TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.text("ca.crt"));
        assertTrue(ClientTls.configure(properties).toString().contains("sslrootcert (inline PEM)"));
        connects("server.p12", "localhost", properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "system"})
    void verifyCaWithoutRootCertificateUsesTheJvmTrustStore(String root) throws Exception {
        refused("server.p12", "TLSv1.3", "localhost", TestProperties.of("sslmode", "verify-ca", "sslrootcert", root),
                "not trusted by the JVM default trust store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify-ca", "verify-full"})
    void anExpiredCertificateFailsVerifyCaAndVerifyFull(String mode) throws Exception {
        refused("server-expired.p12", "TLSv1.3", "localhost", TestProperties.of("sslmode", mode, "sslrootcert", CA),
                "the server certificate is outside its validity period");
    }

    @Test
    void requireWithoutRootCertificateDoesNotCheckExpiry() throws Exception {
        connects("server-expired.p12", "localhost", TestProperties.of("sslmode", "require"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "prefer"})
    void opportunisticModesEncryptWithoutVerifyingEvenWithARootCertificate(String mode) throws Exception {
        connects("server.p12", "wrong.example", TestProperties.of("sslmode", mode, "sslrootcert", OTHER_CA));
    }

    @Test
    void aTls12OnlyServerIsRefused() throws Exception {
        refused("server.p12", "TLSv1.2", "localhost", TestProperties.of("sslmode", "require"),
                "the server does not offer TLS 1.3, which SBWP requires");
    }

    @ParameterizedTest
    @CsvSource({
            "client-rsa.crt, client-rsa.pkcs8.pem, CN=alice",
            "client-rsa.crt, client-rsa.pkcs1.pem, CN=alice",
            "client-rsa.crt, client-rsa.enc.pem, CN=alice",
            "client-rsa.crt, client-rsa.pk8, CN=alice",
            "client-ec.crt, client-ec.sec1.pem, CN=bob"})
    void theClientCertificateIsPresented(String cert, String key, String subject) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", true)) {
            handshake(server, "localhost", ClientTls.configure(TestProperties.of("sslmode", "verify-full", "sslrootcert", CA,
                    "sslcert", TlsFixtures.file(cert), "sslkey", TlsFixtures.file(key), "sslpassword", TlsFixtures.KEY_PASSWORD)));
            assertEquals(subject, server.clientSubject());
        }
    }

    @Test
    void aHandshakeThatNeverCompletesTimesOut() throws Exception {
        try (TlsTestServer server = TlsTestServer.plaintext("")) {
            ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "require"));
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLTransientConnectionException.class,
                    () -> tls.wrap(server.connect(), "localhost", server.port(), Duration.ofMillis(300)));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("TLS handshake not finished within 300 ms"), e.getMessage());
        }
    }

    @Test
    void aPlaintextListenerAnsweringWithItsBannerIsATransientFailure() throws Exception {
        // What sslmode=prefer falls back from (spec 2.3: a ClientHello lands in the text fallback).
        try (TlsTestServer server = TlsTestServer.plaintext("ScratchBird SBSQL parser ready\n")) {
            ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "prefer"));
            SQLException e = assertThrows(SQLTransientConnectionException.class,
                    () -> tls.wrap(server.connect(), "localhost", server.port(), TIMEOUT));
            assertEquals("08001", e.getSQLState());
        }
    }

    @Test
    void disableBuildsNoContext() throws Exception {
        ClientTls tls = ClientTls.configure(TestProperties.of("ssl", "off"));
        assertEquals(SslMode.DISABLE, tls.mode());
        assertFalse(tls.isEnabled());
        assertThrows(IllegalStateException.class, tls::sslContext);
    }

    @Test
    void theContextOffersTls13Only() throws Exception {
        ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "require"));
        assertEquals("TLSv1.3", tls.sslContext().getProtocol());
    }
}
