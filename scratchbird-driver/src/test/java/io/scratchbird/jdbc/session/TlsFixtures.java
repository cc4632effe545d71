package io.scratchbird.jdbc.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The certificates and keys under {@code src/test/resources/tls}, made by {@code generate.sh}
 * with OpenSSL: test CA {@code ca.crt}, an unrelated {@code other-ca.crt}, server bundles
 * {@code server.p12} (SANs localhost, 127.0.0.1, ::1), {@code server-expired.p12} and the
 * self-signed {@code selfsigned.p12}, client certificates {@code client-rsa.crt} (CN=alice) and
 * {@code client-ec.crt} (CN=bob) with their keys in several forms.
 */
final class TlsFixtures {

    /** Password of every PKCS#12 bundle. */
    static final char[] P12_PASSWORD = "changeit".toCharArray();
    /** Password of {@code client-rsa.enc.pem}. */
    static final String KEY_PASSWORD = "fixture-secret";

    private TlsFixtures() {
    }

    static Path path(String name) {
        URL url = TlsFixtures.class.getResource("/tls/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource tls/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name as a property value. */
    static String file(String name) {
        return path(name).toString();
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String name) {
        try (InputStream in = Files.newInputStream(path(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
