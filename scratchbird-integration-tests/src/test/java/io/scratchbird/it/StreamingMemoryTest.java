package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: {@code setFetchSize(n > 0)} on a forward-only result streams through a suspended portal
 * with bounded client memory, with and without autocommit, and closing the result early closes the
 * portal without draining it.
 */
class StreamingMemoryTest {

    private static final long ROWS = 10_000_000L;
    private static final long SUM = ROWS * (ROWS + 1) / 2;
    private static final long CHILD_LIMIT_SECONDS = 300;

    private static EmbeddedScratchBird server;

    @BeforeAll
    static void start() {
        server = EmbeddedScratchBird.builder().inMemory().port(0).plaintext().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "autoCommit={0}")
    @ValueSource(booleans = {true, false})
    void tenMillionRowsStreamThroughA64MegabyteHeap(boolean autoCommit) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamingChild.class.getName(), server.jdbcUrl(), EmbeddedScratchBird.DEFAULT_USER,
                EmbeddedScratchBird.DEFAULT_PASSWORD, String.valueOf(autoCommit), String.valueOf(ROWS));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
        boolean finished = child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        String out = output.get(30, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("StreamingMemoryTest autoCommit=" + autoCommit + ": child JVM took " + millis
                + " ms; output: " + out.strip());
        assertTrue(finished, "child still running after " + CHILD_LIMIT_SECONDS + " s; output: " + out);
        assertEquals(0, child.exitValue(), "child output: " + out);
        assertTrue(out.contains("rows=" + ROWS + " sum=" + SUM), "child output: " + out);
    }

    @ParameterizedTest(name = "autoCommit={0}")
    @ValueSource(booleans = {true, false})
    void closingAfterTenRowsDoesNotDrainThePortal(boolean autoCommit) throws SQLException {
        try (Connection c = Servers.connect(server)) {
            c.setAutoCommit(autoCommit);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                ResultSet rs = s.executeQuery("select x from system_range(1, " + ROWS + ")");
                for (int i = 1; i <= 10; i++) {
                    assertTrue(rs.next());
                    assertEquals(i, rs.getLong(1));
                }
                long start = System.nanoTime();
                rs.close();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.println("StreamingMemoryTest autoCommit=" + autoCommit + ": rs.close() after 10 of "
                        + ROWS + " rows took " + millis + " ms");
                assertTrue(millis < 2_000, "rs.close() took " + millis + " ms");
                assertTrue(rs.isClosed());
            }
            assertEquals(7, Queries.longValue(c, "select 7"));
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5);
                try (ResultSet rs = s.executeQuery("select x from system_range(1, 12)")) {
                    long sum = 0;
                    while (rs.next()) {
                        sum += rs.getLong(1);
                    }
                    assertEquals(78, sum);
                }
            }
            if (!autoCommit) {
                c.commit();
            }
            assertTrue(c.isValid(5));
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }
}
