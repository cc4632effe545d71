package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Connections to an embedded server the way an application makes them: through DriverManager. */
final class Servers {

    private Servers() {
    }

    /** Properties that log in as the development user and pin the server's certificate. */
    static Properties login(EmbeddedScratchBird server) {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedScratchBird.DEFAULT_USER);
        p.setProperty("password", EmbeddedScratchBird.DEFAULT_PASSWORD);
        if (server.tlsEnabled()) {
            p.setProperty("sslmode", "verify-full");
            p.setProperty("sslrootcert", server.certificatePem());
        }
        return p;
    }

    static Connection connect(EmbeddedScratchBird server) throws SQLException {
        return DriverManager.getConnection(hostUrl(server), login(server));
    }

    /** Connects with {@link #login} plus (or overridden by) {@code extra}. */
    static Connection connect(EmbeddedScratchBird server, Map<String, String> extra) throws SQLException {
        Properties p = login(server);
        extra.forEach(p::setProperty);
        return DriverManager.getConnection(hostUrl(server), p);
    }

    /** The server's URL with {@code localhost}, which the generated certificate names. */
    static String hostUrl(EmbeddedScratchBird server) {
        return server.jdbcUrl().replace("127.0.0.1", "localhost");
    }

    /** A local port nothing listens on (just released by the operating system). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
