package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.ScratchBirdProperty;
import io.scratchbird.jdbc.SqlExceptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificate or key material named by a connection property: the contents of a PEM (or DER)
 * file, or PEM text given inline as the property's value. It knows how to describe itself in
 * messages ({@code sslrootcert file /etc/db/ca.pem}) without ever showing its content, and
 * reads the certificates it holds.
 */
final class PemSource {

    /** Certificate and key files are a few KiB; a larger file is certainly the wrong one. */
    private static final long MAX_SIZE = 1 << 20;

    private final String description;
    private final byte[] bytes;

    private PemSource(String description, byte[] bytes) {
        this.description = description;
        this.bytes = bytes;
    }

    /**
     * Reads the material a property names.
     *
     * @param inlineAllowed whether a value starting with {@code -----BEGIN} is PEM text itself
     *                      (certificates only: a key would put a secret into the configuration)
     * @throws SQLException 08001 naming the property and file when it is missing, unreadable or too large
     */
    static PemSource load(ScratchBirdProperty property, String value, boolean inlineAllowed) throws SQLException {
        String name = property.propertyName();
        if (value.trim().startsWith("-----BEGIN")) {
            if (!inlineAllowed) {
                // Never echo the value: it is probably a private key.
                throw SqlExceptions.cannotConnect(name + " must name a file; inline PEM text is accepted for certificates only", null);
            }
            return new PemSource(name + " (inline PEM)", value.getBytes(StandardCharsets.US_ASCII));
        }
        String description = name + " file " + value;
        try {
            Path file = Path.of(value);
            if (Files.size(file) > MAX_SIZE) {
                throw SqlExceptions.cannotConnect(description + " is larger than 1 MiB; it is not a certificate or key file", null);
            }
            return new PemSource(description, Files.readAllBytes(file));
        } catch (NoSuchFileException | InvalidPathException e) {
            throw SqlExceptions.cannotConnect(description + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw SqlExceptions.cannotConnect("cannot read " + description + ": permission denied", e);
        } catch (IOException e) {
            throw SqlExceptions.cannotConnect("cannot read " + description + ": " + e.getMessage(), e);
        }
    }

    /** For messages, such as {@code sslcert file /home/a/client.pem} or {@code sslrootcert (inline PEM)}. */
    String description() {
        return description;
    }

    boolean isPem() {
        return Pem.looksLikePem(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** The PEM blocks. */
    List<Pem.Block> blocks() throws SQLException {
        try {
            return Pem.parse(new String(bytes, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw garbled(e.getMessage(), null);
        }
    }

    /** The raw bytes, for DER content. */
    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The X.509 certificates, in file order: the {@code CERTIFICATE} blocks of PEM content, or
     * the certificate(s) of DER content.
     *
     * @throws SQLException 08001 when there is none or one cannot be parsed
     */
    List<X509Certificate> certificates() throws SQLException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            if (isPem()) {
                for (Pem.Block block : blocks()) {
                    if (block.type().equals("CERTIFICATE") || block.type().equals("X509 CERTIFICATE")) {
                        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                    }
                }
            } else if (bytes.length > 0 && bytes[0] == 0x30) {
                // Starts like a DER SEQUENCE: a binary certificate (or several).
                factory.generateCertificates(new ByteArrayInputStream(bytes))
                        .forEach(c -> out.add((X509Certificate) c));
            }
        } catch (CertificateException e) {
            throw garbled("invalid certificate (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw garbled("no certificate found (expected a PEM '-----BEGIN CERTIFICATE-----' block)", null);
        }
        return out;
    }

    /** 08001: the content is not what the property needs. */
    SQLException garbled(String problem, Throwable cause) {
        return SqlExceptions.cannotConnect(description + ": " + problem, cause);
    }
}
