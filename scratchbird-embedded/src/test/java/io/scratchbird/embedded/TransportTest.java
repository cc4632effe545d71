package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.message.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct TLS 1.3 (spec 2.2) and the plaintext sniff (spec 2.3). */
class TransportTest {

    @RegisterExtension
    static ScratchBirdExtension tls = ScratchBirdExtension.inMemory();

    @RegisterExtension
    static ScratchBirdExtension plain = ScratchBirdExtension.configured(EmbeddedScratchBird.Builder::plaintext);

    @Test
    void tls13IsNegotiated() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", tls.server().port())) {
            SSLSocket s = (SSLSocket) SbwpTestClient.trusting(tls.server()).getSocketFactory()
                    .createSocket(raw, "localhost", tls.server().port(), true);
            s.startHandshake();
            assertEquals("TLSv1.3", s.getSession().getProtocol());
        }
    }

    @Test
    void tls12IsRefused() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, SbwpTestClient.trustManagers(tls.server()), null);
        try (Socket raw = new Socket("127.0.0.1", tls.server().port())) {
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "localhost", tls.server().port(), true);
            s.setEnabledProtocols(new String[]{"TLSv1.2"});
            assertThrows(SSLException.class, s::startHandshake);
        }
    }

    @Test
    void plaintextSbwpToATlsListenerIsDroppedSilently() throws Exception {
        try (Socket s = new Socket("127.0.0.1", tls.server().port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(io.scratchbird.wire.message.Messages.toFrame(Query.of("select 1"), 0, 0, new java.util.UUID(0, 0), 0).toBytes());
            out.flush();
            assertEquals(-1, s.getInputStream().read(), "nothing is sent back");
        }
    }

    @Test
    void plaintextServerServesSbwpAndBannersOtherClients() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(plain.server())) {
            assertNull(SbwpTestClient.error(c.query("select 1")));
        }
        try (Socket s = new Socket("127.0.0.1", plain.server().port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            byte[] banner = in.readAllBytes();
            assertEquals("ScratchBird SBSQL parser ready\n", new String(banner, StandardCharsets.US_ASCII),
                    "a client that does not speak first gets the text banner, then the connection closes");
        }
        assertTrue(plain.server().jdbcUrl().endsWith("?sslmode=disable"));
    }

    @Test
    void persistedCertificateSurvivesRestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String first;
        try (EmbeddedScratchBird s = EmbeddedScratchBird.builder().dataDirectory(dir).port(0).start()) {
            first = s.certificatePem();
            assertTrue(java.nio.file.Files.exists(s.certificateFile()));
        }
        try (EmbeddedScratchBird s = EmbeddedScratchBird.builder().dataDirectory(dir).port(0).start()) {
            assertEquals(first, s.certificatePem(), "clients can pin the certificate");
        }
    }
}
