package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ClientTls.configure: clear 08001 errors for unusable material, and secrets kept out of them. */
class ClientTlsConfigurationTest {

    private static final String WRONG_PASSWORD = "not-the-password-4711";

    @TempDir
    Path dir;

    /** Configuring fails with a non-transient 08001 whose message contains {@code expected}. */
    private static SQLException refused(Properties properties, String expected) {
        SQLException e = assertThrows(SQLNonTransientConnectionException.class, () -> ClientTls.configure(properties));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    /** {@code sslmode=verify-ca} with this {@code sslrootcert} value is refused. */
    private static void refusedRootCertificate(String value, String expected) {
        refused(TestProperties.of("sslmode", "verify-ca", "sslrootcert", value), expected);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aMissingRootCertificateFileIsNamed() {
        refusedRootCertificate("/nonexistent/ca.pem", "sslrootcert file /nonexistent/ca.pem does not exist");
    }

    @Test
    void aFileWithoutCertificatesIsNamed() {
        String script = TlsFixtures.file("generate.sh");
        refusedRootCertificate(script, "sslrootcert file " + script + ": no certificate found");
    }

    @Test
    void garbledPemIsReported() throws Exception {
        Path badBase64 = write("bad.pem", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        refusedRootCertificate(badBase64.toString(), "the CERTIFICATE block is not valid base64");
        Path noEnd = write("noend.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n");
        refusedRootCertificate(noEnd.toString(), "has no '-----END CERTIFICATE-----' line");
        Path notACertificate = write("junk.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        refusedRootCertificate(notACertificate.toString(), "invalid certificate");
    }

    @Test
    void aDerRootCertificateIsRead() throws Exception {
        Path der = Files.write(dir.resolve("ca.der"), TlsFixtures.certificate("ca.crt").getEncoded());
        ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "verify-ca", "sslrootcert", der.toString()));
        assertTrue(tls.toString().contains("trusting sslrootcert file " + der), tls.toString());
        Path truncated = Files.write(dir.resolve("bad.der"), new byte[] {0x30, 0x03, 0x02, 0x01});
        refusedRootCertificate(truncated.toString(), "invalid certificate");
    }

    @Test
    void aDirectoryIsNotAFile() {
        refusedRootCertificate(dir.toString(), "cannot read sslrootcert file " + dir);
    }

    @Test
    void aKeyNeedsItsCertificate() {
        refused(TestProperties.of("sslmode", "require", "sslkey", TlsFixtures.file("client-rsa.pkcs8.pem")),
                "sslkey is set but sslcert is not");
    }

    @Test
    void aCertificateWithoutAnyKeyIsReported() {
        refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-rsa.crt")),
                "sslcert file " + TlsFixtures.file("client-rsa.crt") + ": no private key found");
    }

    @Test
    void aKeyInsideTheCertificateFileIsUsed() throws Exception {
        Path combined = write("combined.pem", TlsFixtures.text("client-rsa.crt") + TlsFixtures.text("client-rsa.pkcs8.pem"));
        ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "require", "sslcert", combined.toString()));
        assertTrue(tls.toString().contains("client certificate CN=alice"), tls.toString());
    }

    @Test
    void anEncryptedKeyNeedsThePassword() {
        refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-rsa.crt"),
                "sslkey", TlsFixtures.file("client-rsa.enc.pem")), "the private key is encrypted; set sslpassword");
    }

    @Test
    void aWrongPasswordIsReportedWithoutShowingIt() {
        SQLException e = refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-rsa.crt"),
                "sslkey", TlsFixtures.file("client-rsa.enc.pem"), "sslpassword", WRONG_PASSWORD),
                "cannot decrypt the private key: wrong sslpassword");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(WRONG_PASSWORD), t.getMessage());
        }
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-ec.crt"),
                "sslkey", TlsFixtures.file("client-rsa.pkcs8.pem")), "does not belong to the first certificate");
    }

    @Test
    void legacyOpenSslEncryptionIsRefusedWithTheConversionCommand() throws Exception {
        Path legacy = write("legacy.pem", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-rsa.crt"), "sslkey", legacy.toString()),
                "openssl pkcs8 -topk8");
    }

    @Test
    void inlineKeyTextIsRefusedWithoutEchoingIt() {
        String key = TlsFixtures.text("client-rsa.pkcs8.pem");
        SQLException e = refused(TestProperties.of("sslmode", "require", "sslcert", TlsFixtures.file("client-rsa.crt"), "sslkey", key),
                "sslkey must name a file");
        assertFalse(e.getMessage().contains("MII"), e.getMessage());
    }

    @Test
    void toStringShowsModeTrustAndClientButNoSecrets() throws Exception {
        ClientTls tls = ClientTls.configure(TestProperties.of("sslmode", "verify-full", "sslrootcert", TlsFixtures.file("ca.crt"),
                "sslcert", TlsFixtures.file("client-rsa.crt"), "sslkey", TlsFixtures.file("client-rsa.enc.pem"),
                "sslpassword", TlsFixtures.KEY_PASSWORD));
        String text = tls.toString();
        assertTrue(text.startsWith("ClientTls[sslmode=verify-full, trusting sslrootcert file "), text);
        assertTrue(text.contains("client certificate CN=alice"), text);
        assertFalse(text.contains(TlsFixtures.KEY_PASSWORD), text);
    }

    @Test
    void anInvalidModeIs22023() {
        SQLException e = assertThrows(SQLException.class, () -> ClientTls.configure(TestProperties.of("sslmode", "sometimes")));
        assertEquals("22023", e.getSQLState());
    }
}
