package io.scratchbird.spring.boot.autoconfigure;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import io.scratchbird.jdbc.ScratchBirdConnection;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code scratchbird} health contributor: borrows a connection, PINGs the server (via
 * {@link Connection#isValid(int)}) and reports the server version and role, the PING latency and
 * whether the server is the embedded one. A DataSource that is not ScratchBird reports UNKNOWN.
 */
public class ScratchBirdHealthIndicator extends AbstractHealthIndicator {

    private static final int PING_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final boolean embedded;

    public ScratchBirdHealthIndicator(DataSource dataSource, boolean embedded) {
        super("ScratchBird health check failed");
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(ScratchBirdConnection.class)) {
                builder.status(Status.UNKNOWN).withDetail("reason", "the DataSource does not connect to ScratchBird");
                return;
            }
            Map<String, String> parameters = connection.unwrap(ScratchBirdConnection.class).serverParameters();
            long start = System.nanoTime();
            boolean valid = connection.isValid(PING_TIMEOUT_SECONDS);
            double pingMillis = (System.nanoTime() - start) / 1_000_000.0;
            (valid ? builder.up() : builder.down().withDetail("reason", "PING failed"))
                    .withDetail("version", parameters.getOrDefault("server.version", "unknown"))
                    .withDetail("role", parameters.getOrDefault("server.role", "unknown"))
                    .withDetail("pingMillis", Math.round(pingMillis * 1000) / 1000.0)
                    .withDetail("embedded", embedded);
        }
    }
}
