package io.scratchbird.embedded.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Generates the embedded server's self-signed certificate with BouncyCastle: an EC P-256 key,
 * {@code CN=ScratchBird embedded server}, valid for ten years, and subject alternative names
 * {@code localhost}, this machine's host name, {@code 127.0.0.1}, {@code ::1} and any names the
 * caller adds (IP literals become IP entries, everything else a DNS entry).
 *
 * <p>It is an end-entity certificate (CA:false, serverAuth) that clients trust by pinning it
 * ({@code sslrootcert}); its SANs let {@code verify-full} succeed for local connections.
 */
final class SelfSignedCertificate {

    static final String SUBJECT = "CN=ScratchBird embedded server";
    static final Duration VALIDITY = Duration.ofDays(3650);
    /** Backdating tolerates clients whose clocks run a little behind ours. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A generated key and its certificate. */
    record Generated(PrivateKey privateKey, X509Certificate certificate) {
    }

    private SelfSignedCertificate() {
    }

    static Generated generate(Collection<String> extraNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();

            Instant now = Instant.now();
            X500Name subject = new X500Name(SUBJECT);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(extraNames));

            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keys.getPrivate())));
            return new Generated(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            // The JDK always has EC P-256 and ECDSA; failing here is a broken runtime, not bad input.
            throw new IllegalStateException("cannot generate the self-signed server certificate", e);
        }
    }

    /** {@code localhost}, the host name, the loopback addresses, then the caller's names, without duplicates. */
    static Set<String> defaultNamesPlus(Collection<String> extraNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        localHostName().ifPresent(names::add);
        names.add("127.0.0.1");
        names.add("::1");
        names.addAll(extraNames);
        return names;
    }

    private static GeneralNames subjectAlternativeNames(Collection<String> extraNames) {
        return new GeneralNames(defaultNamesPlus(extraNames).stream()
                .map(name -> new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }

    private static Optional<String> localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.isBlank() || IPAddress.isValid(name) ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            // No resolvable host name (e.g. a container without /etc/hosts entry): loopback names suffice.
            return Optional.empty();
        }
    }

    /** A positive random 127-bit serial: unique in practice, within RFC 5280's 20-octet limit. */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).setBit(0);
    }
}
