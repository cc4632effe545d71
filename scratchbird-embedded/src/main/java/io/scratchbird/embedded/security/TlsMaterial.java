package io.scratchbird.embedded.security;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The server's TLS identity for direct TLS 1.3 (spec 2.2): a certificate chain and its private
 * key, and the {@link #serverContext() SSLContext} built from them. Three sources:
 * <ul>
 *   <li>{@link #fromPemFiles}: a configured PEM chain and key ({@code tls_cert_file},
 *       {@code tls_key_file});</li>
 *   <li>{@link #loadOrGenerate}: {@code <data directory>/tls/server.crt} and {@code server.key},
 *       generated self-signed on first start and reused afterwards, so clients can pin the
 *       certificate. Names passed on later starts do not regenerate it: delete the files for a
 *       new certificate;</li>
 *   <li>{@link #ephemeral}: a self-signed pair in memory, for in-memory servers.</li>
 * </ul>
 * BouncyCastle does the PEM and certificate work; TLS itself is the JDK's SunJSSE.
 * Immutable and thread-safe; {@link #toString()} shows no key material.
 */
public final class TlsMaterial {

    /** Directory below the data directory that holds generated material. */
    public static final String DIRECTORY = "tls";
    public static final String CERTIFICATE_FILE_NAME = "server.crt";
    public static final String KEY_FILE_NAME = "server.key";
    /** The only protocol {@link #serverContext()} negotiates. */
    public static final String PROTOCOL = Tls13OnlyContext.PROTOCOL;

    /** Signature used to prove that a configured key belongs to the configured certificate. */
    private static final Map<String, String> PAIRING_SIGNATURES = Map.of(
            "RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "EdDSA", "EdDSA",
            "Ed25519", "Ed25519", "Ed448", "Ed448");
    private static final String KEY_ALIAS = "server";

    private final List<X509Certificate> chain;
    private final Path certificateFile;
    private final SSLContext serverContext;

    private TlsMaterial(List<X509Certificate> chain, Path certificateFile, SSLContext serverContext) {
        this.chain = List.copyOf(chain);
        this.certificateFile = certificateFile;
        this.serverContext = serverContext;
    }

    private static TlsMaterial of(List<X509Certificate> chain, PrivateKey key, Path certificateFile) throws IOException {
        return new TlsMaterial(chain, certificateFile, buildServerContext(key, chain));
    }

    /**
     * Loads a configured PEM certificate chain (leaf first) and private key (PKCS#8, encrypted
     * PKCS#8, PKCS#1 RSA or SEC1 EC) and checks that the key belongs to the leaf certificate.
     *
     * @param keyPassword password of an encrypted key; null for an unencrypted one
     * @throws IOException a file is unreadable, holds no certificate or key, cannot be decrypted,
     *                     or the key does not match the certificate
     */
    public static TlsMaterial fromPemFiles(Path certificateChainFile, Path privateKeyFile, char[] keyPassword) throws IOException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateChainFile);
        PrivateKey key = PemFiles.readPrivateKey(privateKeyFile, keyPassword);
        requireMatchingPair(key, chain.get(0), certificateChainFile, privateKeyFile);
        return of(chain, key, certificateChainFile);
    }

    /**
     * Reuses {@code tls/server.crt} + {@code tls/server.key} under {@code dataDirectory}, or
     * generates and persists a self-signed pair there (key file owner-only where POSIX). The key
     * is written first, so a key without a certificate is an interrupted first start: nobody can
     * have pinned that certificate, and a new pair is generated.
     *
     * @param extraNames host names or IP literals to add to the generated certificate's SANs
     * @throws IOException the files cannot be read or written, or the certificate exists without its key
     */
    public static TlsMaterial loadOrGenerate(Path dataDirectory, Collection<String> extraNames) throws IOException {
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path certificate = directory.resolve(CERTIFICATE_FILE_NAME);
        Path key = directory.resolve(KEY_FILE_NAME);
        if (Files.exists(certificate)) {
            if (!Files.exists(key)) {
                // Regenerating would silently break clients that pinned this certificate.
                throw new IOException("found " + certificate + " without " + key
                        + "; restore the key, or delete the certificate to generate a new pair");
            }
            return fromPemFiles(certificate, key, null);
        }
        SelfSignedCertificate.Generated generated = SelfSignedCertificate.generate(extraNames);
        AtomicFiles.createPrivateDirectory(directory);
        AtomicFiles.writeSecret(key, PemFiles.toPem(generated.privateKey()).getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.writePublic(certificate, PemFiles.toPem(List.of(generated.certificate())).getBytes(StandardCharsets.US_ASCII));
        return of(List.of(generated.certificate()), generated.privateKey(), certificate);
    }

    /** A fresh self-signed pair that lives only in memory. */
    public static TlsMaterial ephemeral(Collection<String> extraNames) {
        SelfSignedCertificate.Generated generated = SelfSignedCertificate.generate(extraNames);
        try {
            return of(List.of(generated.certificate()), generated.privateKey(), null);
        } catch (IOException e) {
            throw new IllegalStateException("SunJSSE refused a freshly generated EC P-256 certificate", e);
        }
    }

    /** The server (leaf) certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Leaf first, then any intermediates as configured. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** The leaf certificate as one PEM block: what a client pins ({@code sslrootcert}). */
    public String certificatePem() {
        return PemFiles.toPem(List.of(certificate()));
    }

    /** The PEM file the certificate was read from or written to; null for {@link #ephemeral} material. */
    public Path certificateFile() {
        return certificateFile;
    }

    /**
     * A SunJSSE context for the server side: TLS 1.3 only on every engine, socket and server
     * socket it creates, no client certificate requested. The same instance on every call.
     */
    public SSLContext serverContext() {
        return serverContext;
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + certificate().getSubjectX500Principal().getName()
                + (certificateFile == null ? ", in memory" : ", " + certificateFile) + "]";
    }

    private static void requireMatchingPair(PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile)
            throws IOException {
        String algorithm = PAIRING_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            throw new IOException(keyFile + ": unsupported private key algorithm " + key.getAlgorithm());
        }
        String mismatch = "the private key in " + keyFile + " does not belong to the first certificate in " + certificateFile;
        boolean matches;
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A certificate whose key is of another type than the private key lands here.
            throw new IOException(mismatch, e);
        }
        if (!matches) {
            throw new IOException(mismatch);
        }
    }

    private static SSLContext buildServerContext(PrivateKey key, List<X509Certificate> chain) throws IOException {
        try {
            // The key store exists only in memory, so its password protects nothing; any value works.
            char[] password = KEY_ALIAS.toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX", "SunJSSE");
            keyManagers.init(store, password);
            SSLContext context = SSLContext.getInstance(PROTOCOL, "SunJSSE");
            // No trust managers: the server never requests or verifies client certificates.
            context.init(keyManagers.getKeyManagers(), null, null);
            return Tls13OnlyContext.wrap(context);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // IllegalArgumentException: the key store refuses a chain whose issuers and subjects do not link up.
            throw new IOException("the key and certificate chain cannot be used for TLS: " + e.getMessage(), e);
        }
    }
}
