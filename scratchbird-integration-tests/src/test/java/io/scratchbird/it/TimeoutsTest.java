package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: connect, login, socket and network timeouts, and {@code abort}. Bounds are generous:
 * they prove that nothing hangs, not how fast the driver is.
 */
class TimeoutsTest {

    /** Runs for hours unless stopped. */
    private static final String ENDLESS = "select count(*) from system_range(1, 5000) a, system_range(1, 5000) b, "
            + "system_range(1, 5000) c";
    private static final long BOUND_MILLIS = 20_000;

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    /** A loopback server that accepts connections and never writes a byte. */
    private int silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        cleanup.add(server);
        Thread acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    cleanup.add(s);   // held open, never answered
                }
            } catch (IOException ignored) {
                // closed by the test
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private static Properties props(Map<String, String> values) {
        Properties p = new Properties();
        p.setProperty("user", "sysdba");
        p.setProperty("password", "not-used");
        p.setProperty("sslmode", "disable");
        values.forEach(p::setProperty);
        return p;
    }

    private static void assertConnectionState(SQLException e) {
        assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"), "expected 08xxx, got " + e.getSQLState()
                + ": " + e);
    }

    @Test
    void aClosedPortFailsFastWith08001() throws IOException {
        String url = "jdbc:scratchbird://127.0.0.1:" + Servers.closedPort() + "/default";
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, props(Map.of("connectTimeout", "5"))));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals("08001", e.getSQLState(), e.toString());
        assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
    }

    @Test
    void loginTimeoutBoundsAServerThatNeverAnswers() throws IOException {
        String url = "jdbc:scratchbird://127.0.0.1:" + silentServer() + "/default";
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, props(Map.of("loginTimeout", "1"))));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertConnectionState(e);
        assertTrue(millis >= 900, "gave up before the login timeout: " + millis + " ms");
        assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
    }

    @Test
    void connectFailsWithinTheTimeoutsWhenTheServerStopsAnswering() throws IOException {
        String url = "jdbc:scratchbird://127.0.0.1:" + silentServer() + "/default";
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url,
                props(Map.of("socketTimeout", "1", "connectTimeout", "2", "loginTimeout", "3"))));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertConnectionState(e);
        assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
    }

    @Test
    void aNetworkTimeoutEndsALongQueryAndClosesTheConnection() throws SQLException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
            c.setNetworkTimeout(executor, 500);
            assertEquals(500, c.getNetworkTimeout());
            long t0 = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertConnectionState(e);
            assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
            assertTrue(c.isClosed(), "PgJDBC semantics: a network timeout closes the connection");
            SQLException after = assertThrows(SQLException.class, () -> c.createStatement().executeQuery("select 1"));
            assertConnectionState(after);
        } finally {
            executor.shutdownNow();
        }
        try (Connection c = Servers.connect(db.server())) {
            assertEquals(1, Queries.longValue(c, "select 1"), "the server is fine");
        }
    }

    @Test
    void abortFromAnotherThreadEndsARunningQueryAndClosesTheConnection() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        ExecutorService aborter = Executors.newSingleThreadExecutor();
        try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
            var aborted = aborter.submit(() -> {
                Thread.sleep(500);   // let the statement get going
                c.abort(executor);
                return null;
            });
            long t0 = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            aborted.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
            assertConnectionState(e);
            assertTrue(millis < BOUND_MILLIS, "took " + millis + " ms");
            assertTrue(c.isClosed());
        } finally {
            executor.shutdownNow();
            aborter.shutdownNow();
        }
    }
}
