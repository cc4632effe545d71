package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sslmode and sslrootcert against real TLS 1.3 and plaintext servers. */
class TlsModesTest {

    @RegisterExtension
    static ScratchBirdExtension tls = ScratchBirdExtension.inMemory();

    @RegisterExtension
    static ScratchBirdExtension otherTls = ScratchBirdExtension.inMemory();

    @RegisterExtension
    static ScratchBirdExtension plain = ScratchBirdExtension.configured(EmbeddedScratchBird.Builder::plaintext);

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedScratchBird.DEFAULT_USER);
        p.setProperty("password", EmbeddedScratchBird.DEFAULT_PASSWORD);
        return p;
    }

    private static Properties tlsSettings(String sslmode, String sslrootcert) {
        Properties p = credentials();
        p.setProperty("sslmode", sslmode);
        if (sslrootcert != null) {
            p.setProperty("sslrootcert", sslrootcert);
        }
        return p;
    }

    private static void assertWorks(String url, Properties p) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, p)) {
            assertEquals(42, Queries.longValue(c, "select 42"));
        }
    }

    private static SQLException assertRefused(String url, Properties p) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p).close());
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
        return e;
    }

    @Test
    void disableTalksPlaintextToAPlaintextServer() throws SQLException {
        assertWorks(plain.server().jdbcUrl(), credentials());
        assertWorks(Servers.hostUrl(plain.server()).replace("?sslmode=disable", ""), tlsSettings("disable", null));
    }

    @Test
    void disableCannotTalkToATlsServer() {
        assertRefused(Servers.hostUrl(tls.server()), tlsSettings("disable", null));
    }

    @Test
    void requireEncryptsWithoutVerifying() throws SQLException {
        assertWorks(Servers.hostUrl(tls.server()), tlsSettings("require", null));
        assertWorks(tls.server().jdbcUrl(), tlsSettings("require", null));
    }

    @Test
    void requireNeverFallsBackToPlaintext() {
        String url = plain.server().jdbcUrl().replace("?sslmode=disable", "");
        assertRefused(url, tlsSettings("require", null));
    }

    @Test
    void verifyFullAcceptsThePinnedCertificateInline() throws SQLException {
        assertWorks(Servers.hostUrl(tls.server()), tlsSettings("verify-full", tls.server().certificatePem()));
        assertWorks(tls.server().jdbcUrl(), tlsSettings("verify-full", tls.server().certificatePem()));
    }

    @Test
    void verifyFullAndVerifyCaRefuseAnotherServersCertificate() {
        String url = Servers.hostUrl(tls.server());
        assertRefused(url, tlsSettings("verify-full", otherTls.server().certificatePem()));
        assertRefused(url, tlsSettings("verify-ca", otherTls.server().certificatePem()));
        assertRefused(url, tlsSettings("require", otherTls.server().certificatePem()));
    }

    @Test
    void verifyFullWithoutRootCertificateUsesTheJvmTrustStore() {
        // The generated certificate is self-signed: no public authority vouches for it.
        assertRefused(Servers.hostUrl(tls.server()), tlsSettings("verify-full", null));
    }

    @Test
    void verifyCaChecksTheChainButNotTheHostName() throws SQLException {
        // 127.0.0.2 is a loopback address that the generated certificate does not name.
        try (EmbeddedScratchBird aliased = EmbeddedScratchBird.builder().inMemory().port(0).bindAddress("127.0.0.2").start()) {
            String url = aliased.jdbcUrl();
            assertWorks(url, tlsSettings("verify-ca", aliased.certificatePem()));
            SQLException e = assertRefused(url, tlsSettings("verify-full", aliased.certificatePem()));
            assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        }
    }

    @Test
    void sslrootcertMayBeTheDataDirectorysCertificateFile(@TempDir Path data) throws SQLException {
        try (EmbeddedScratchBird durable = EmbeddedScratchBird.builder().dataDirectory(data).port(0).start()) {
            Path certificate = durable.certificateFile();
            assertTrue(certificate.startsWith(data), certificate.toString());
            assertWorks(Servers.hostUrl(durable), tlsSettings("verify-full", certificate.toString()));
            assertWorks(Servers.hostUrl(durable) + "?sslmode=verify-full&sslrootcert="
                    + java.net.URLEncoder.encode(certificate.toString(), java.nio.charset.StandardCharsets.UTF_8), credentials());
        }
    }
}
