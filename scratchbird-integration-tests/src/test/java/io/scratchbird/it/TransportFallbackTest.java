package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sslmode=allow|prefer}: SBWP has no in-band TLS negotiation, so the driver makes a second
 * attempt with the other transport; {@code require} never falls back to plaintext.
 */
class TransportFallbackTest {

    @RegisterExtension
    static ScratchBirdExtension tls = ScratchBirdExtension.inMemory();

    @RegisterExtension
    static ScratchBirdExtension plain = ScratchBirdExtension.configured(EmbeddedScratchBird.Builder::plaintext);

    private static Connection connect(EmbeddedScratchBird server, String mode) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedScratchBird.DEFAULT_USER);
        p.setProperty("password", EmbeddedScratchBird.DEFAULT_PASSWORD);
        p.setProperty("sslmode", mode);
        String url = "jdbc:scratchbird://localhost:" + server.port() + "/default";
        return DriverManager.getConnection(url, p);
    }

    @Test
    void preferAndAllowReachBothKindsOfServer() throws Exception {
        for (String mode : new String[]{"prefer", "allow"}) {
            for (EmbeddedScratchBird server : new EmbeddedScratchBird[]{tls.server(), plain.server()}) {
                try (Connection c = connect(server, mode)) {
                    assertTrue(c.isValid(5), mode + " against " + (server.tlsEnabled() ? "TLS" : "plaintext"));
                }
            }
        }
    }

    @Test
    void requireNeverFallsBackToPlaintext() {
        SQLException e = assertThrows(SQLException.class, () -> connect(plain.server(), "require").close());
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
    }

    @Test
    void disableCannotTalkToATlsServer() {
        SQLException e = assertThrows(SQLException.class, () -> connect(tls.server(), "disable").close());
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
    }
}
