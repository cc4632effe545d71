package io.scratchbird.embedded.security;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyManagementException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsMaterialTest {

    private static final String KEY_PASSWORD = "k3y-pässword";
    /** An address without a host name, so that hostname verification checks the IP SAN. */
    private static final InetAddress LOOPBACK = ipv4Loopback();
    private static final String[] TLS13 = {"TLSv1.3"};

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- generated material

    @Test
    void generatesPersistsAndReusesTheSameCertificate() throws Exception {
        TlsMaterial first = TlsMaterial.loadOrGenerate(dir, List.of("db.example.test"));
        Path certificate = dir.resolve("tls/server.crt");
        Path key = dir.resolve("tls/server.key");
        assertEquals(certificate, first.certificateFile());
        assertEquals(first.certificatePem(), Files.readString(certificate, StandardCharsets.US_ASCII));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 key file");
        if (AtomicFiles.isPosix(key)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        }

        TlsMaterial second = TlsMaterial.loadOrGenerate(dir, List.of("other.example.test"));
        assertEquals(first.certificate(), second.certificate());
        assertEquals(first.certificatePem(), second.certificatePem());
        SSLContext pinning = TestCertificates.clientTrusting(first.certificate());
        assertHandshakeIsTls13(second, pinning, "localhost");
        assertHandshakeIsTls13(second, pinning, "127.0.0.1");
        assertHandshakeIsTls13(second, pinning, "db.example.test");
        assertThrows(SSLException.class, () -> handshake(second, pinning, "not-in-the-certificate.test").close());
    }

    @Test
    void generatedCertificateHasTheSubjectAlternativeNamesAndProfile() throws Exception {
        X509Certificate c = TlsMaterial.ephemeral(List.of("db.example.test", "10.1.2.3")).certificate();

        Set<List<?>> sans = new HashSet<>(c.getSubjectAlternativeNames());
        assertTrue(sans.contains(List.of(2, "localhost")), sans.toString());
        assertTrue(sans.contains(List.of(7, "127.0.0.1")), sans.toString());
        assertTrue(sans.contains(List.of(7, "0:0:0:0:0:0:0:1")), sans.toString());
        assertTrue(sans.contains(List.of(2, "db.example.test")), sans.toString());
        assertTrue(sans.contains(List.of(7, "10.1.2.3")), sans.toString());
        String hostName = localHostNameOrNull();
        if (hostName != null) {
            assertTrue(sans.contains(List.of(2, hostName)), "host name " + hostName + " in " + sans);
        }

        assertEquals("CN=ScratchBird embedded server", c.getSubjectX500Principal().getName());
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
        c.verify(c.getPublicKey());
        assertEquals("EC", c.getPublicKey().getAlgorithm());
        assertEquals(-1, c.getBasicConstraints(), "not a CA");
        assertTrue(c.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        Duration validity = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 3650 && validity.toDays() <= 3651, "about ten years: " + validity);
        assertTrue(c.getNotBefore().toInstant().isBefore(Instant.now()));
    }

    @Test
    void ephemeralMaterialHasNoFileAndStillServes() throws Exception {
        TlsMaterial material = TlsMaterial.ephemeral(List.of());
        assertNull(material.certificateFile());
        assertHandshakeIsTls13(material, TestCertificates.clientTrusting(material.certificate()), "localhost");
    }

    @Test
    void aCertificateWithoutItsKeyIsNotSilentlyReplaced() throws Exception {
        TlsMaterial.loadOrGenerate(dir, List.of());
        Files.delete(dir.resolve("tls/server.key"));
        IOException e = assertThrows(IOException.class, () -> TlsMaterial.loadOrGenerate(dir, List.of()));
        assertTrue(e.getMessage().contains("server.key") && e.getMessage().contains("restore the key"), e.getMessage());
    }

    /** The key is written first; without a certificate no client can have pinned anything yet. */
    @Test
    void aKeyWithoutCertificateIsAnInterruptedFirstStartAndIsReplaced() throws Exception {
        X509Certificate lost = TlsMaterial.loadOrGenerate(dir, List.of()).certificate();
        Files.delete(dir.resolve("tls/server.crt"));
        TlsMaterial regenerated = TlsMaterial.loadOrGenerate(dir, List.of());
        assertNotEquals(lost, regenerated.certificate());
        assertEquals(regenerated.certificate(), TlsMaterial.loadOrGenerate(dir, List.of()).certificate());
    }

    // ---------------------------------------------------------------- user-supplied PEM

    /** The private key encodings OpenSSL produces. */
    enum KeyFormat {
        PKCS8_EC, PKCS8_RSA, PKCS1_RSA, SEC1_EC, ENCRYPTED_PKCS8_EC, ENCRYPTED_PKCS8_RSA, LEGACY_ENCRYPTED_SEC1_EC;

        boolean rsa() {
            return name().contains("RSA");
        }

        boolean encrypted() {
            return name().contains("ENCRYPTED");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void userSuppliedPemIsLoadedAndServes(KeyFormat format) throws Exception {
        KeyPair keys = format.rsa() ? TestCertificates.rsaKeyPair() : TestCertificates.ecKeyPair();
        X509Certificate certificate = TestCertificates.selfSigned("CN=db.example.test", keys);
        Path certificateFile = write("chain.pem", pem(certificate));
        Path keyFile = write("key.pem", keyPem(keys, format));

        TlsMaterial material = TlsMaterial.fromPemFiles(certificateFile, keyFile,
                format.encrypted() ? KEY_PASSWORD.toCharArray() : null);

        assertEquals(certificate, material.certificate());
        assertEquals(certificateFile, material.certificateFile());
        assertHandshakeIsTls13(material, TestCertificates.clientTrusting(certificate), null);
    }

    @Test
    void aChainIsServedLeafFirst() throws Exception {
        KeyPair caKeys = TestCertificates.ecKeyPair();
        X509Certificate ca = TestCertificates.issue("CN=Test CA", caKeys, "CN=Test CA", caKeys.getPrivate(), true);
        KeyPair leafKeys = TestCertificates.ecKeyPair();
        X509Certificate leaf = TestCertificates.issue("CN=localhost", leafKeys, "CN=Test CA", caKeys.getPrivate(), false);
        // Key and certificates in one file, with the EC parameters block OpenSSL's ecparam writes first.
        Path combined = write("combined.pem",
                ecParametersPem(leafKeys.getPrivate()) + keyPem(leafKeys, KeyFormat.SEC1_EC) + pem(leaf) + pem(ca));

        TlsMaterial material = TlsMaterial.fromPemFiles(combined, combined, null);

        assertEquals(List.of(leaf, ca), material.certificateChain());
        try (Connection connection = handshake(material, TestCertificates.clientTrusting(ca), null)) {
            assertEquals(List.of(leaf, ca), List.of(connection.client().getSession().getPeerCertificates()));
        }
    }

    @Test
    void refusesBadUserSuppliedMaterial() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        Path certificateFile = write("cert.pem", pem(TestCertificates.selfSigned("CN=x", keys)));
        Path encryptedKey = write("enc.pem", keyPem(keys, KeyFormat.ENCRYPTED_PKCS8_EC));
        Path legacyEncryptedKey = write("legacy.pem", keyPem(keys, KeyFormat.LEGACY_ENCRYPTED_SEC1_EC));
        Path otherKey = write("other.pem", keyPem(TestCertificates.ecKeyPair(), KeyFormat.PKCS8_EC));
        Path rsaKey = write("rsa.pem", keyPem(TestCertificates.rsaKeyPair(), KeyFormat.PKCS8_RSA));
        Path notPem = write("empty.pem", "not a PEM file\n");

        assertRefused("wrong password", () -> TlsMaterial.fromPemFiles(certificateFile, encryptedKey, "wrong".toCharArray()));
        assertRefused("wrong password", () -> TlsMaterial.fromPemFiles(certificateFile, legacyEncryptedKey, "wrong".toCharArray()));
        assertRefused("no key password", () -> TlsMaterial.fromPemFiles(certificateFile, encryptedKey, null));
        assertRefused("does not belong", () -> TlsMaterial.fromPemFiles(certificateFile, otherKey, null));
        assertRefused("does not belong", () -> TlsMaterial.fromPemFiles(certificateFile, rsaKey, null));
        assertRefused("no PEM CERTIFICATE", () -> TlsMaterial.fromPemFiles(notPem, otherKey, null));
        assertRefused("no PEM private key", () -> TlsMaterial.fromPemFiles(certificateFile, certificateFile, null));
        assertThrows(IOException.class, () -> TlsMaterial.fromPemFiles(dir.resolve("missing.pem"), otherKey, null));
    }

    // ---------------------------------------------------------------- the TLS 1.3-only context

    @Test
    void tls12OnlyClientIsRefused() throws Exception {
        TlsMaterial material = TlsMaterial.ephemeral(List.of());
        try (SSLServerSocket server = serverSocket(material)) {
            CompletableFuture<SSLSocket> serverSide = acceptAndHandshake(server);
            SSLSocket client = (SSLSocket) TestCertificates.clientTrusting(material.certificate())
                    .getSocketFactory().createSocket(LOOPBACK, server.getLocalPort());
            client.setEnabledProtocols(new String[]{"TLSv1.2"});
            assertThrows(SSLException.class, client::startHandshake);
            client.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> serverSide.get(10, TimeUnit.SECONDS));
            assertInstanceOf(SSLException.class, e.getCause());
        }
    }

    @Test
    void everythingTheContextCreatesIsTls13OnlyWithoutClientAuth() throws Exception {
        SSLContext context = TlsMaterial.ephemeral(List.of()).serverContext();

        SSLEngine engine = context.createSSLEngine();
        assertArrayEquals(TLS13, engine.getEnabledProtocols());
        assertFalse(engine.getUseClientMode());
        assertFalse(engine.getNeedClientAuth() || engine.getWantClientAuth());
        assertArrayEquals(TLS13, context.createSSLEngine("peer", 1).getEnabledProtocols());

        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket()) {
            assertArrayEquals(TLS13, server.getEnabledProtocols());
            assertFalse(server.getNeedClientAuth() || server.getWantClientAuth());
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            assertArrayEquals(TLS13, socket.getEnabledProtocols());
        }
        assertArrayEquals(TLS13, context.getDefaultSSLParameters().getProtocols());
        assertEquals("SunJSSE", context.getProvider().getName());
        assertThrows(KeyManagementException.class, () -> context.init(null, null, null));
    }

    /** The listener's TLS sniff (spec 2.2) reads the first bytes; TLS must then continue on the same socket. */
    @Test
    void tlsLayeredOverASniffedPlainSocketNegotiatesTls13() throws Exception {
        TlsMaterial material = TlsMaterial.ephemeral(List.of());
        SSLSocketFactory layering = material.serverContext().getSocketFactory();
        try (ServerSocket plain = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<SSLSocket> serverSide = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket accepted = plain.accept();
                    accepted.setSoTimeout(10_000);
                    byte[] sniffed = accepted.getInputStream().readNBytes(3);
                    assertEquals(0x16, sniffed[0], "TLS handshake record");
                    assertEquals(0x03, sniffed[1]);
                    SSLSocket tls = (SSLSocket) layering.createSocket(accepted, new ByteArrayInputStream(sniffed), true);
                    tls.startHandshake();
                    return tls;
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            SSLSocket client = connect(TestCertificates.clientTrusting(material.certificate()), plain.getLocalPort(), "localhost");
            client.startHandshake();
            try (Connection connection = new Connection(client, serverSide.get(10, TimeUnit.SECONDS))) {
                assertEquals("TLSv1.3", connection.client().getSession().getProtocol());
                assertEquals("TLSv1.3", connection.server().getSession().getProtocol());
                assertFalse(connection.server().getUseClientMode());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A JDK client with default protocols (TLS 1.3 and 1.2 enabled) completes a handshake and both
     * ends agree on TLS 1.3. With a {@code verifiedName} the client also checks the certificate's
     * name like the driver's {@code verify-full}: a DNS name goes in SNI, an IP is the connected address.
     */
    private static void assertHandshakeIsTls13(TlsMaterial material, SSLContext client, String verifiedName) throws Exception {
        try (Connection connection = handshake(material, client, verifiedName)) {
            assertEquals(material.certificate(), connection.client().getSession().getPeerCertificates()[0]);
        }
    }

    /** Both ends of one TLS connection; closing the client first lets the server's close see its close_notify. */
    private record Connection(SSLSocket client, SSLSocket server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }
    }

    private static Connection handshake(TlsMaterial material, SSLContext clientContext, String verifiedName) throws Exception {
        try (SSLServerSocket server = serverSocket(material)) {
            CompletableFuture<SSLSocket> serverSide = acceptAndHandshake(server);
            SSLSocket client = connect(clientContext, server.getLocalPort(), verifiedName);
            client.startHandshake();
            SSLSocket accepted = serverSide.get(10, TimeUnit.SECONDS);
            assertEquals("TLSv1.3", client.getSession().getProtocol());
            assertEquals("TLSv1.3", accepted.getSession().getProtocol());
            return new Connection(client, accepted);
        }
    }

    /**
     * Connects to 127.0.0.1 under the name {@code verifiedName} (a host name or that IP itself),
     * checking the certificate against it like {@code verify-full}; null connects without a name check.
     */
    private static SSLSocket connect(SSLContext clientContext, int port, String verifiedName) throws IOException {
        SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket();
        InetAddress address = verifiedName == null || verifiedName.equals(LOOPBACK.getHostAddress())
                ? LOOPBACK
                : InetAddress.getByAddress(verifiedName, LOOPBACK.getAddress());
        if (verifiedName != null) {
            SSLParameters parameters = client.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            client.setSSLParameters(parameters);
        }
        client.connect(new InetSocketAddress(address, port), 5000);
        client.setSoTimeout(10_000);
        return client;
    }

    private static SSLServerSocket serverSocket(TlsMaterial material) throws IOException {
        return (SSLServerSocket) material.serverContext().getServerSocketFactory().createServerSocket(0, 1, LOOPBACK);
    }

    /** Accepts one connection and completes the server side of its handshake; the caller closes the socket. */
    private static CompletableFuture<SSLSocket> acceptAndHandshake(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            SSLSocket accepted = null;
            try {
                accepted = (SSLSocket) server.accept();
                accepted.setSoTimeout(10_000);
                accepted.startHandshake();
                return accepted;
            } catch (IOException e) {
                closeQuietly(accepted);
                throw new CompletionException(e);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // The handshake already failed; that failure is what the caller sees.
        }
    }

    private void assertRefused(String expectedMessagePart, Executable call) {
        IOException e = assertThrows(IOException.class, call);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        assertFalse(e.getMessage().contains(KEY_PASSWORD), "message leaks the key password");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private static String pem(X509Certificate certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    private static String keyPem(KeyPair keys, KeyFormat format) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            switch (format) {
                case PKCS8_EC, PKCS8_RSA -> writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
                case PKCS1_RSA -> writer.writeObject(keys.getPrivate());
                case SEC1_EC -> writer.writeObject(openSslSec1(keys.getPrivate()));
                case ENCRYPTED_PKCS8_EC, ENCRYPTED_PKCS8_RSA -> writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                                .setPassword(KEY_PASSWORD.toCharArray()).build()));
                case LEGACY_ENCRYPTED_SEC1_EC -> writer.writeObject(openSslSec1(keys.getPrivate()),
                        new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider())
                                .build(KEY_PASSWORD.toCharArray()));
            }
        }
        String pem = out.toString();
        String expectedType = switch (format) {
            case PKCS8_EC, PKCS8_RSA -> "PRIVATE KEY";
            case PKCS1_RSA -> "RSA PRIVATE KEY";
            case SEC1_EC, LEGACY_ENCRYPTED_SEC1_EC -> "EC PRIVATE KEY";
            case ENCRYPTED_PKCS8_EC, ENCRYPTED_PKCS8_RSA -> "ENCRYPTED PRIVATE KEY";
        };
        assertTrue(pem.startsWith("-----BEGIN " + expectedType + "-----"), "test fixture writes " + expectedType + ": " + pem);
        return pem;
    }

    /**
     * The EC key as OpenSSL writes {@code EC PRIVATE KEY}: SEC1 with the curve inside. The JDK's
     * PKCS#8 encoding keeps the curve only outside, so converting it as is would lose it.
     */
    private static PrivateKeyInfo openSslSec1(PrivateKey key) throws IOException {
        PrivateKeyInfo jdk = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(jdk.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(), curveOf(key));
        return new PrivateKeyInfo(jdk.getPrivateKeyAlgorithm(), withCurve);
    }

    /** The {@code EC PARAMETERS} block {@code openssl ecparam -genkey} writes before the key. */
    private static String ecParametersPem(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject("EC PARAMETERS", curveOf(key).toASN1Primitive().getEncoded()));
        }
        return out.toString();
    }

    private static ASN1Encodable curveOf(PrivateKey key) {
        return PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters();
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[]{127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String localHostNameOrNull() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[0-9.:]+") ? null : name;
        } catch (IOException e) {
            return null;
        }
    }
}
