package io.scratchbird.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.scratchbird.embedded.EmbeddedScratchBird;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connection details for a ScratchBird server: always names the ScratchBird driver class (so H2 on
 * the classpath cannot claim a {@code jdbc:scratchbird:} URL) and carries connection properties the
 * pool must pass to the driver, such as the pinned certificate of the embedded server.
 */
public final class ScratchBirdJdbcConnectionDetails implements JdbcConnectionDetails {

    /** The driver class named for every {@code jdbc:scratchbird:} URL. */
    public static final String DRIVER_CLASS_NAME = "io.scratchbird.jdbc.ScratchBirdDriver";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Map<String, String> connectionProperties;
    private final boolean embedded;

    public ScratchBirdJdbcConnectionDetails(String jdbcUrl, String username, String password,
            Map<String, String> connectionProperties, boolean embedded) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.connectionProperties = Map.copyOf(connectionProperties);
    }

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getDriverClassName() {
        return DRIVER_CLASS_NAME;
    }

    /**
     * Connection details for an embedded server started elsewhere (for example by
     * {@code io.scratchbird.embedded.junit.ScratchBirdExtension} in a test), with TLS pinned to the
     * server's own certificate exactly as for the embedded default. Declare the result as a bean and
     * the starter backs off from starting its own server:
     *
     * <pre>{@code
     * @RegisterExtension static ScratchBirdExtension db = ScratchBirdExtension.inMemory();
     *
     * @TestConfiguration static class Db {
     *     @Bean ScratchBirdJdbcConnectionDetails scratchBird() {
     *         return ScratchBirdJdbcConnectionDetails.forServer(db.server(), "sysdba", "masterkey");
     *     }
     * }
     * }</pre>
     *
     * Needs {@code scratchbird-embedded} on the class path.
     */
    public static ScratchBirdJdbcConnectionDetails forServer(EmbeddedScratchBird server, String user, String password) {
        return forServer(server, user, password, false);
    }

    static ScratchBirdJdbcConnectionDetails forServer(EmbeddedScratchBird server, String user, String password,
            boolean startedByStarter) {
        // The generated certificate names localhost, not 127.0.0.1, as its host.
        String url = server.jdbcUrl().replace("//127.0.0.1:", "//localhost:");
        Map<String, String> connection = new LinkedHashMap<>();
        if (server.tlsEnabled()) {
            connection.put("sslmode", "verify-full");
            connection.put("sslrootcert", server.certificatePem());
        }
        return new ScratchBirdJdbcConnectionDetails(url, user, password, connection, startedByStarter);
    }

    /** Connection properties to give the driver, in addition to {@code scratchbird.*} ones. */
    public Map<String, String> getConnectionProperties() {
        return connectionProperties;
    }

    /** Whether these details point at the embedded server started by the starter. */
    public boolean isEmbedded() {
        return embedded;
    }

    static boolean isScratchBirdUrl(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:scratchbird:", 0, "jdbc:scratchbird:".length());
    }
}
