package io.scratchbird.jdbc.session;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads a client private key with the JDK alone, in the forms OpenSSL writes: PKCS#8
 * ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}, PBES2 or PBES1),
 * PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY}), and PKCS#8 DER files
 * as PgJDBC uses ({@code .pk8}). PKCS#1 and SEC1 keys are wrapped into PKCS#8 with a few DER
 * bytes, the form the JDK's key factories read. OpenSSL's legacy encrypted PEM
 * ({@code Proc-Type: 4,ENCRYPTED}) is refused with the command that converts it.
 *
 * <p>Messages name the source and the problem only: never key bytes, never the password.
 */
final class PrivateKeys {

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final Map<String, String> KEY_FACTORIES = Map.of(
            RSA_ENCRYPTION, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            EC_PUBLIC_KEY, "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.10040.4.1", "DSA");
    /** Signatures that prove a key belongs to a certificate; other algorithms are not checked. */
    private static final Map<String, String> PAIRING_SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA", "Ed25519", "Ed25519",
            "Ed448", "Ed448", "DSA", "SHA256withDSA");
    /** The two object identifiers this class writes, DER-encoded: rsaEncryption and id-ecPublicKey. */
    private static final byte[] RSA_ENCRYPTION_DER = Der.write(Der.OBJECT_IDENTIFIER, HexFormat.of().parseHex("2a864886f70d010101"));
    private static final byte[] EC_PUBLIC_KEY_DER = Der.write(Der.OBJECT_IDENTIFIER, HexFormat.of().parseHex("2a8648ce3d0201"));
    private static final String PBES2 = "PBES2";
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";
    private static final String CONVERT_HINT = "convert it with: openssl pkcs8 -topk8 -in old.pem -out new.pem";

    private PrivateKeys() {
    }

    /**
     * The first private key in {@code source}.
     *
     * @param password for an encrypted key; null or empty when the key is not encrypted
     * @throws SQLException 08001 when there is no key, it is malformed or encrypted in an
     *                      unsupported way, or the password is missing or wrong
     */
    static PrivateKey read(PemSource source, char[] password) throws SQLException {
        if (!source.isPem()) {
            return fromDer(source, source.bytes(), password);
        }
        List<Pem.Block> blocks = source.blocks();
        for (Pem.Block block : blocks) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return fromPkcs8(source, block.der());
                case "ENCRYPTED PRIVATE KEY":
                    return fromPkcs8(source, decrypt(source, block.der(), password));
                case "RSA PRIVATE KEY":
                    refuseLegacyEncryption(source, block);
                    return fromPkcs8(source, Der.write(Der.SEQUENCE, version0(),
                            Der.write(Der.SEQUENCE, RSA_ENCRYPTION_DER, Der.write(Der.NULL)),
                            Der.write(Der.OCTET_STRING, block.der())));
                case "EC PRIVATE KEY":
                    refuseLegacyEncryption(source, block);
                    return fromPkcs8(source, wrapSec1(source, block.der(), blocks));
                default:
                    // Certificates and EC PARAMETERS may share the file.
            }
        }
        throw source.garbled("no private key found (expected a PEM PRIVATE KEY block)", null);
    }

    /** Whether {@code key} is the private half of {@code publicKey}; true when the algorithm cannot be checked. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = PAIRING_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            // Typically a certificate whose key has another algorithm than the private key.
            return false;
        }
    }

    /** DER content: a PrivateKeyInfo starts with the INTEGER version, an EncryptedPrivateKeyInfo with a SEQUENCE. */
    private static PrivateKey fromDer(PemSource source, byte[] der, char[] password) throws SQLException {
        List<Der.Element> fields = pkcs8Fields(source, der);
        if (fields.get(0).tag() == Der.SEQUENCE) {
            return fromPkcs8(source, decrypt(source, der, password));
        }
        return fromPkcs8(source, der);
    }

    private static PrivateKey fromPkcs8(PemSource source, byte[] pkcs8) throws SQLException {
        List<Der.Element> fields = pkcs8Fields(source, pkcs8);
        String oid;
        try {
            List<Der.Element> algorithm = Der.elements(fields.get(1).content());
            oid = Der.objectIdentifier(algorithm.get(0).content());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw source.garbled("malformed PKCS#8 private key", null);
        }
        String factory = KEY_FACTORIES.get(oid);
        if (factory == null) {
            throw source.garbled("unsupported private key algorithm " + oid, null);
        }
        try {
            return KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw source.garbled("malformed " + factory + " private key", e);
        }
    }

    /** The top-level fields of a PKCS#8 structure (plain or encrypted); at least two. */
    private static List<Der.Element> pkcs8Fields(PemSource source, byte[] der) throws SQLException {
        try {
            List<Der.Element> fields = Der.elements(Der.single(der, Der.SEQUENCE).content());
            if (fields.size() < 2) {
                throw new IllegalArgumentException("too few fields");
            }
            return fields;
        } catch (IllegalArgumentException e) {
            throw source.garbled("not a PKCS#8 private key", null);
        }
    }

    private static byte[] decrypt(PemSource source, byte[] der, char[] password) throws SQLException {
        if (password == null || password.length == 0) {
            throw source.garbled("the private key is encrypted; set sslpassword", null);
        }
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw source.garbled("malformed encrypted private key", e);
        }
        // For PBES2 the JDK names the concrete scheme only in the parameters (PBEWithHmacSHA256AndAES_256).
        String algorithm = info.getAlgName();
        if ((PBES2.equals(algorithm) || PBES2_OID.equals(algorithm)) && info.getAlgParameters() != null) {
            algorithm = info.getAlgParameters().toString();
        }
        PBEKeySpec keySpec = new PBEKeySpec(password);
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(keySpec),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw source.garbled("the private key is encrypted with " + algorithm + ", which this JVM does not support; "
                    + "re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc", e);
        } catch (GeneralSecurityException e) {
            throw source.garbled("cannot decrypt the private key: wrong sslpassword", null);
        } finally {
            keySpec.clearPassword();
        }
    }

    /** SEC1 → PKCS#8: AlgorithmIdentifier(ecPublicKey, curve) + the SEC1 bytes as the private key. */
    private static byte[] wrapSec1(PemSource source, byte[] sec1, List<Pem.Block> blocks) throws SQLException {
        byte[] curve = null;
        try {
            for (Der.Element field : Der.elements(Der.single(sec1, Der.SEQUENCE).content())) {
                if (field.tag() == Der.CONTEXT_0) {
                    curve = field.content();
                }
            }
        } catch (IllegalArgumentException e) {
            throw source.garbled("malformed EC private key", null);
        }
        if (curve == null) {
            // "openssl ecparam -genkey" without -noout puts the curve in a separate block.
            for (Pem.Block block : blocks) {
                if (block.type().equals("EC PARAMETERS")) {
                    curve = block.der();
                }
            }
        }
        if (curve == null) {
            throw source.garbled("the EC private key does not name its curve", null);
        }
        return Der.write(Der.SEQUENCE, version0(), Der.write(Der.SEQUENCE, EC_PUBLIC_KEY_DER, curve),
                Der.write(Der.OCTET_STRING, sec1));
    }

    private static void refuseLegacyEncryption(PemSource source, Pem.Block block) throws SQLException {
        String procType = block.headers().get("Proc-Type");
        if (procType != null && procType.contains("ENCRYPTED")) {
            throw source.garbled("OpenSSL's legacy key encryption (Proc-Type: 4,ENCRYPTED) is not supported; " + CONVERT_HINT,
                    null);
        }
    }

    private static byte[] version0() {
        return Der.write(Der.INTEGER, new byte[] {0});
    }
}
