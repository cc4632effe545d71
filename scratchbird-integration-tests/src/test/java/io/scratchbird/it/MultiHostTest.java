package io.scratchbird.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.session.HostChooser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-host URLs: failover on connect, targetServerType driven by the reported server.role,
 * loadBalanceHosts, the error when no host qualifies, and a pool surviving a server restart.
 * One primary and two secondaries, plaintext, in memory, per test.
 */
class MultiHostTest {

    private EmbeddedScratchBird primary;
    private EmbeddedScratchBird secondary1;
    private EmbeddedScratchBird secondary2;
    private int down;

    @BeforeEach
    void startServers() throws Exception {
        HostChooser.forgetAll();
        primary = start("primary", 0);
        secondary1 = start("secondary", 0);
        secondary2 = start("secondary", 0);
        name(primary, "p");
        name(secondary1, "s1");
        name(secondary2, "s2");
        down = Servers.closedPort();
    }

    @AfterEach
    void stopServers() {
        for (EmbeddedScratchBird s : new EmbeddedScratchBird[] {primary, secondary1, secondary2}) {
            if (s != null) {
                s.close();
            }
        }
        HostChooser.forgetAll();
    }

    private static EmbeddedScratchBird start(String role, int port) {
        return EmbeddedScratchBird.builder().inMemory().plaintext().role(role).port(port).start();
    }

    /** Each server holds a row naming it, so a connection can tell where it landed. */
    private static void name(EmbeddedScratchBird server, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(server.port()), login()); Statement s = c.createStatement()) {
            s.execute("create table server_name (name varchar(10))");
            s.execute("insert into server_name values ('" + name + "')");
        }
    }

    private static String serverName(Connection c) throws SQLException {
        return Queries.stringValue(c, "select name from server_name");
    }

    private static Properties login() {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedScratchBird.DEFAULT_USER);
        p.setProperty("password", EmbeddedScratchBird.DEFAULT_PASSWORD);
        p.setProperty("sslmode", "disable");
        p.setProperty("connectTimeout", "2");
        return p;
    }

    private static String url(int... ports) {
        StringBuilder url = new StringBuilder("jdbc:scratchbird://");
        for (int i = 0; i < ports.length; i++) {
            url.append(i == 0 ? "" : ",").append("localhost:").append(ports[i]);
        }
        return url.append("/default").toString();
    }

    private String landOn(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, login())) {
            return serverName(c);
        }
    }

    @Test
    void theFirstLiveHostIsUsedWhenTheFirstListedIsDown() throws Exception {
        assertEquals("s1", landOn(url(down, secondary1.port(), primary.port())));
        assertEquals("p", landOn(url(down, primary.port(), secondary1.port())));
    }

    @Test
    void targetServerTypePrimaryPicksThePrimaryWhereverItIsListed() throws Exception {
        String q = "?targetServerType=primary";
        assertEquals("p", landOn(url(primary.port(), secondary1.port(), secondary2.port()) + q));
        assertEquals("p", landOn(url(secondary1.port(), primary.port(), secondary2.port()) + q));
        assertEquals("p", landOn(url(down, secondary1.port(), secondary2.port(), primary.port()) + q));
        // and again, now that the roles are remembered
        assertEquals("p", landOn(url(secondary2.port(), secondary1.port(), primary.port()) + q));
    }

    @Test
    void targetServerTypeSecondaryPicksASecondary() throws Exception {
        String q = "?targetServerType=secondary";
        assertEquals("s1", landOn(url(primary.port(), secondary1.port(), secondary2.port()) + q));
        assertEquals("s2", landOn(url(down, primary.port(), secondary2.port(), secondary1.port()) + q));
        assertEquals("p", landOn(url(primary.port(), secondary1.port()) + "?targetServerType=any"));
    }

    @Test
    void preferSecondaryFallsBackToThePrimaryWhenTheSecondariesAreStopped() throws Exception {
        String hosts = url(primary.port(), secondary1.port(), secondary2.port()) + "?targetServerType=preferSecondary";
        assertEquals("s1", landOn(hosts));
        secondary1.stop();
        assertEquals("s2", landOn(hosts));
        secondary2.stop();
        assertEquals("p", landOn(hosts));
        assertEquals("p", landOn(hosts));
        // preferPrimary: the primary, else a secondary
        assertEquals("p", landOn(url(down, primary.port()) + "?targetServerType=preferPrimary"));
    }

    @Test
    void loadBalanceHostsSpreadsConnectionsOverTheSecondaries() throws Exception {
        String hosts = url(primary.port(), secondary1.port(), secondary2.port(), down)
                + "?targetServerType=secondary&loadBalanceHosts=true";
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            used.add(landOn(hosts));
        }
        assertEquals(Set.of("s1", "s2"), used);
    }

    @Test
    void whenNoHostQualifiesTheErrorNamesEachHostAndWhy() throws Exception {
        String hosts = url(down, secondary1.port(), secondary2.port()) + "?targetServerType=primary";
        SQLException e = assertThrows(SQLException.class, () -> landOn(hosts));
        assertEquals("08001", e.getSQLState());
        String m = e.getMessage();
        assertTrue(m.contains("primary"), m);
        assertTrue(m.contains("localhost:" + down + " (down"), m);
        assertTrue(m.contains("localhost:" + secondary1.port() + " (secondary, wrong role)"), m);
        assertTrue(m.contains("localhost:" + secondary2.port() + " (secondary, wrong role)"), m);
        assertFalse(m.contains(EmbeddedScratchBird.DEFAULT_PASSWORD), m);

        SQLException none = assertThrows(SQLException.class,
                () -> landOn(url(primary.port(), down) + "?targetServerType=secondary"));
        assertTrue(none.getMessage().contains("localhost:" + primary.port() + " (primary, wrong role)"), none.getMessage());
    }

    @Test
    void wrongCredentialsAreNotRetriedOnTheNextHost() {
        Properties p = login();
        p.setProperty("password", "wrong");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(secondary1.port(), primary.port()), p));
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void aPoolOverSeveralHostsKeepsServingAcrossAServerRestart() throws Exception {
        int primaryPort = primary.port();
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url(primaryPort, secondary1.port()) + "?sslmode=disable&connectTimeout=2");
        cfg.setUsername(EmbeddedScratchBird.DEFAULT_USER);
        cfg.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
        cfg.setPoolName("sb-multi-host");
        cfg.setMaximumPoolSize(3);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(1_500);
        cfg.setValidationTimeout(1_000);
        cfg.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            assertEquals("p", eventually(pool, "p"));

            primary.stop();   // the pool moves to the next host
            assertEquals("s1", eventually(pool, "s1"));

            primary = EmbeddedScratchBird.builder().inMemory().plaintext().port(primaryPort).start();
            assertEquals(primaryPort, primary.port());
            name(primary, "p2");
            secondary1.stop();   // the pool moves back to the restarted server
            assertEquals("p2", eventually(pool, "p2"));
            try (Connection c = pool.getConnection()) {
                assertTrue(c.isValid(1));
                assertEquals("1", Queries.stringValue(c, "select 1"));
            }
        }
    }

    /** Queries the pool until a connection lands on {@code expected}, for up to 15 s; the last name seen. */
    private static String eventually(HikariDataSource pool, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String seen = null;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = pool.getConnection()) {
                seen = serverName(c);
                if (expected.equals(seen)) {
                    return seen;
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pool did not reach " + expected + " within 15 s; last seen " + seen, last);
    }
}
