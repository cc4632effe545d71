package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.ScratchBirdProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Private keys in every supported form decode to the same key; DER and PEM helpers. */
class PrivateKeysTest {

    @TempDir
    Path dir;

    private static PrivateKey read(String file, String password) throws SQLException {
        PemSource source = PemSource.load(ScratchBirdProperty.SSL_KEY, TlsFixtures.file(file), false);
        return PrivateKeys.read(source, password == null ? null : password.toCharArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"client-rsa.pkcs1.pem", "client-rsa.enc.pem", "client-rsa.pk8"})
    void everyRsaFormYieldsThePkcs8Key(String file) throws Exception {
        PrivateKey expected = read("client-rsa.pkcs8.pem", null);
        PrivateKey actual = read(file, TlsFixtures.KEY_PASSWORD);
        assertEquals("RSA", actual.getAlgorithm());
        assertArrayEquals(expected.getEncoded(), actual.getEncoded());
        assertTrue(PrivateKeys.matches(actual, TlsFixtures.certificate("client-rsa.crt").getPublicKey()));
    }

    @Test
    void aSec1KeyBelongsToItsCertificate() throws Exception {
        PrivateKey key = read("client-ec.sec1.pem", null);
        assertEquals("EC", key.getAlgorithm());
        assertTrue(PrivateKeys.matches(key, TlsFixtures.certificate("client-ec.crt").getPublicKey()));
        assertFalse(PrivateKeys.matches(key, TlsFixtures.certificate("client-rsa.crt").getPublicKey()));
    }

    @Test
    void aSec1KeyWithItsCurveInASeparateBlockIsRead() throws Exception {
        // Rebuild the fixture the way "openssl ecparam -genkey" without -noout writes it.
        Pem.Block original = Pem.parse(TlsFixtures.text("client-ec.sec1.pem")).get(0);
        List<byte[]> fields = new ArrayList<>();
        byte[] curve = null;
        for (Der.Element field : Der.elements(Der.single(original.der(), Der.SEQUENCE).content())) {
            if (field.tag() == Der.CONTEXT_0) {
                curve = field.content();
            } else {
                fields.add(Der.write(field.tag(), field.content()));
            }
        }
        byte[] withoutCurve = Der.write(Der.SEQUENCE, fields.toArray(byte[][]::new));
        Path file = Files.writeString(dir.resolve("split.pem"), pem("EC PARAMETERS", curve) + pem("EC PRIVATE KEY", withoutCurve));
        PrivateKey key = PrivateKeys.read(PemSource.load(ScratchBirdProperty.SSL_KEY, file.toString(), false), null);
        assertEquals(((ECPrivateKey) read("client-ec.sec1.pem", null)).getS(), ((ECPrivateKey) key).getS());
        assertTrue(PrivateKeys.matches(key, TlsFixtures.certificate("client-ec.crt").getPublicKey()));

        Path bare = Files.writeString(dir.resolve("bare.pem"), pem("EC PRIVATE KEY", withoutCurve));
        SQLException e = assertThrows(SQLException.class,
                () -> PrivateKeys.read(PemSource.load(ScratchBirdProperty.SSL_KEY, bare.toString(), false), null));
        assertTrue(e.getMessage().contains("does not name its curve"), e.getMessage());
    }

    @Test
    void garbledDerIsReportedWithoutItsBytes() throws Exception {
        Path file = Files.write(dir.resolve("junk.der"), new byte[] {0x30, 0x05, 0x02, 0x01});
        SQLException e = assertThrows(SQLException.class,
                () -> PrivateKeys.read(PemSource.load(ScratchBirdProperty.SSL_KEY, file.toString(), false), null));
        assertEquals("sslkey file " + file + ": not a PKCS#8 private key", e.getMessage());
    }

    @Test
    void objectIdentifiersDecode() {
        assertEquals("1.2.840.113549.1.1.1", Der.objectIdentifier(HexFormat.of().parseHex("2a864886f70d010101")));
        assertEquals("1.2.840.10045.3.1.7", Der.objectIdentifier(HexFormat.of().parseHex("2a8648ce3d030107")));
        assertEquals("2.999.3", Der.objectIdentifier(HexFormat.of().parseHex("883703")));
        assertThrows(IllegalArgumentException.class, () -> Der.objectIdentifier(HexFormat.of().parseHex("2a86")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 127, 128, 255, 256, 65535, 70000})
    void derLengthsRoundTrip(int length) {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[i] = (byte) i;
        }
        Der.Element element = Der.single(Der.write(Der.OCTET_STRING, content), Der.OCTET_STRING);
        assertArrayEquals(content, element.content());
    }

    @Test
    void malformedDerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x30}));
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x30, 0x05, 0x00}));
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x1F, 0x01, 0x00}));
        assertThrows(IllegalArgumentException.class, () -> Der.elements(new byte[] {0x30, (byte) 0x80}));
        assertThrows(IllegalArgumentException.class, () -> Der.single(new byte[] {0x02, 0x01, 0x00}, Der.SEQUENCE));
    }

    @Test
    void pemSkipsTextBetweenBlocksAndKeepsHeaders() {
        List<Pem.Block> blocks = Pem.parse("Bag Attributes\n    friendlyName: x\n-----BEGIN A-----\r\nAAEC\r\n-----END A-----\n"
                + "subject=CN=x\n-----BEGIN B-----\nProc-Type: 4,ENCRYPTED\n\nAw==\n-----END B-----\n");
        assertEquals(2, blocks.size());
        assertArrayEquals(new byte[] {0, 1, 2}, blocks.get(0).der());
        assertEquals("4,ENCRYPTED", blocks.get(1).headers().get("Proc-Type"));
        assertArrayEquals(new byte[] {3}, blocks.get(1).der());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
