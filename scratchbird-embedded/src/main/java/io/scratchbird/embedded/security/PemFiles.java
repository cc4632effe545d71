package io.scratchbird.embedded.security;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PEM files through BouncyCastle's parser and writer. Reads certificate chains and private keys in
 * every form OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 RSA and SEC1 EC ({@code RSA/EC PRIVATE KEY}, also with
 * OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED}). Blocks of other kinds (EC parameters, a key in
 * the certificate file) are skipped, so combined files work.
 *
 * <p>Keys come out as JDK key objects (SunEC/SunRsaSign), because SunJSSE signs the handshake with
 * them; the BouncyCastle provider is used, unregistered, only to decrypt encrypted keys.
 */
final class PemFiles {

    /** Key algorithm OIDs of PKCS#8 key info, mapped to the JDK's KeyFactory names. */
    private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448");

    private static final Provider DECRYPTION_PROVIDER = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** Every certificate in the file, in file order (leaf first, by convention). */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = parser(file)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": invalid certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no PEM CERTIFICATE block found");
        }
        return chain;
    }

    /**
     * The first private key in the file.
     *
     * @param password for an encrypted key; null when the key is not encrypted
     */
    static PrivateKey readPrivateKey(Path file, char[] password) throws IOException {
        try (PEMParser parser = parser(file)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                PrivateKeyInfo info = keyInfo(file, block, password);
                if (info != null) {
                    return toJdkKey(file, info);
                }
            }
        }
        throw new IOException(file + ": no PEM private key block found");
    }

    /** The certificates as consecutive PEM {@code CERTIFICATE} blocks. */
    static String toPem(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return out.toString();
    }

    /** The key as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
    static String toPem(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return out.toString();
    }

    private static PEMParser parser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        return new PEMParser(reader);
    }

    /** The PKCS#8 key info of a key block, decrypting it if needed; null for a block that is no key. */
    private static PrivateKeyInfo keyInfo(Path file, Object block, char[] password) throws IOException {
        if (block instanceof PrivateKeyInfo info) {
            return info;
        }
        if (block instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (block instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassword(file, password);
            try {
                return encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(DECRYPTION_PROVIDER).build(password));
            } catch (PKCSException | OperatorCreationException e) {
                throw new IOException(file + ": cannot decrypt the private key (wrong password?)", e);
            }
        }
        if (block instanceof PEMEncryptedKeyPair encrypted) {
            requirePassword(file, password);
            try {
                return encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(DECRYPTION_PROVIDER).build(password)).getPrivateKeyInfo();
            } catch (IOException e) {
                throw new IOException(file + ": cannot decrypt the private key (wrong password?)", e);
            }
        }
        return null;
    }

    private static void requirePassword(Path file, char[] password) throws IOException {
        if (password == null) {
            throw new IOException(file + ": the private key is encrypted, but no key password is configured");
        }
    }

    private static PrivateKey toJdkKey(Path file, PrivateKeyInfo info) throws IOException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String factory = KEY_FACTORIES.get(algorithm);
        if (factory == null) {
            throw new IOException(file + ": unsupported private key algorithm " + algorithm + " (use EC, RSA or EdDSA)");
        }
        try {
            return KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": invalid " + factory + " private key: " + e.getMessage(), e);
        }
    }
}
