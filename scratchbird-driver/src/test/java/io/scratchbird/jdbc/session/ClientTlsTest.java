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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ClientTls against a real JDK TLS server on 127.0.0.1, for every sslmode and key form. */
class ClientTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Handshakes with {@code server} as {@code host}, reads the greeting, returns the protocol. */
    private static String handshake(TlsTestServer server, String host, Properties properties) throws Exception {
        ClientTls tls = ClientTls.configure(properties);
        try (SSLSocket socket = tls.wrap(server.connect(), host, server.port(), TIMEOUT)) {
            assertEquals(TlsTestServer.GREETING, socket.getInputStream().read());
            return socket.getSession().getProtocol();
        }
    }

    private static SQLException failedHandshake(TlsTestServer server, String host, Properties properties) throws Exception {
        ClientTls tls = ClientTls.configure(properties);
        Socket plain = server.connect();
        SQLException e = assertThrows(SQLException.class, () -> tls.wrap(plain, host, server.port(), TIMEOUT));
        assertEquals("08001", e.getSQLState());
        assertTrue(plain.isClosed(), "the socket is closed after a failed handshake");
        return e;
    }

    @Test
    void requireWithoutRootCertificateAcceptsASelfSignedServerOverTls13() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("selfsigned.p12", "TLSv1.3", false)) {
            assertEquals("TLSv1.3", handshake(server, "localhost", TestProperties.of("sslmode", "require")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"require", "verify-ca"})
    void theRightRootCertificateVerifiesTheChain(String mode) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            // verify-ca does not look at the host name.
            handshake(server, "wrong.example", TestProperties.of("sslmode", mode, "sslrootcert", TlsFixtures.file("ca.crt")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"require", "verify-ca", "verify-full"})
    void aWrongRootCertificateFails(String mode) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            SQLException e = failedHandshake(server, "localhost",
                    TestProperties.of("sslmode", mode, "sslrootcert", TlsFixtures.file("other-ca.crt")));
            assertInstanceOf(SQLNonTransientConnectionException.class, e);
            assertTrue(e.getMessage().contains("not trusted by sslrootcert file " + TlsFixtures.file("other-ca.crt")),
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1"})
    void verifyFullAcceptsANameInTheCertificate(String host) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            handshake(server, host, TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("ca.crt")));
        }
    }

    @Test
    void verifyFullRejectsAHostNameNotInTheCertificate() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            SQLException e = failedHandshake(server, "wrong.example",
                    TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("ca.crt")));
            assertTrue(e.getMessage().contains("rejected for host name 'wrong.example'"), e.getMessage());
        }
    }

    @Test
    void sslTrueMeansVerifyFull() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            failedHandshake(server, "wrong.example", TestProperties.of("ssl", "true", "sslrootcert", TlsFixtures.file("ca.crt")));
        }
    }

    @Test
    void aPinnedSelfSignedCertificateWorksWithVerifyFull() throws Exception {
        // The embedded server's persisted tls/server.crt is such a certificate.
        try (TlsTestServer server = TlsTestServer.start("selfsigned.p12", "TLSv1.3", false)) {
            handshake(server, "localhost", TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("selfsigned.crt")));
        }
    }

    @Test
    void inlinePemWorksAsRootCertificate() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.text("ca.crt")));
            assertTrue(tls.toString().contains("sslrootcert (inline PEM)"), tls.toString());
            try (SSLSocket socket = tls.wrap(server.connect(), "localhost", server.port(), TIMEOUT)) {
                assertEquals(TlsTestServer.GREETING, socket.getInputStream().read());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "system"})
    void verifyCaWithoutRootCertificateUsesTheJvmTrustStore(String root) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            SQLException e = failedHandshake(server, "localhost", TestProperties.of("sslmode", "verify-ca", "sslrootcert", root));
            assertTrue(e.getMessage().contains("not trusted by the JVM default trust store"), e.getMessage());
        }
    }

    @Test
    void anExpiredCertificateFailsVerifyCa() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server-expired.p12", "TLSv1.3", false)) {
            SQLException e = failedHandshake(server, "localhost",
                    TestProperties.of("sslmode", "verify-ca", "sslrootcert", TlsFixtures.file("ca.crt")));
            assertTrue(e.getMessage().contains("outside its validity period"), e.getMessage());
        }
    }

    @Test
    void requireWithoutRootCertificateDoesNotCheckExpiry() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server-expired.p12", "TLSv1.3", false)) {
            handshake(server, "localhost", TestProperties.of("sslmode", "require"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"allow", "prefer"})
    void opportunisticModesEncryptWithoutVerifyingEvenWithARootCertificate(String mode) throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.3", false)) {
            handshake(server, "wrong.example", TestProperties.of("sslmode", mode, "sslrootcert", TlsFixtures.file("other-ca.crt")));
        }
    }

    @Test
    void aTls12OnlyServerIsRefused() throws Exception {
        try (TlsTestServer server = TlsTestServer.start("server.p12", "TLSv1.2", false)) {
            SQLException e = failedHandshake(server, "localhost", TestProperties.of("sslmode", "require"));
            assertTrue(e.getMessage().contains("TLS 1.3"), e.getMessage());
        }
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
            handshake(server, "localhost", TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("ca.crt"),
                    "sslcert", TlsFixtures.file(cert), "sslkey", TlsFixtures.file(key),
                    "sslpassword", TlsFixtures.KEY_PASSWORD));
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
