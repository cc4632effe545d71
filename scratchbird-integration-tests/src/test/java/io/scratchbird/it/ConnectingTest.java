package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ScratchBirdDriver;
import io.scratchbird.jdbc.ScratchBirdProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a connection is found and opened: driver registration, URL forms, host lists and property precedence. */
class ConnectingTest {

    @RegisterExtension
    static ScratchBirdExtension first = ScratchBirdExtension.inMemory();

    @RegisterExtension
    static ScratchBirdExtension second = ScratchBirdExtension.inMemory();

    /** Each server holds a row naming it, so a connection can tell where it landed. */
    @BeforeAll
    static void nameServers() throws SQLException {
        for (ScratchBirdExtension db : List.of(first, second)) {
            try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
                s.execute("create table server_name (name varchar(10))");
                s.execute("insert into server_name values ('" + (db == first ? "first" : "second") + "')");
            }
        }
    }

    private static String serverName(Connection c) throws SQLException {
        return Queries.stringValue(c, "select name from server_name");
    }

    /** Trusts both servers' certificates, so one set of properties fits every host of a list. */
    private static Properties loginToBoth() {
        Properties p = Servers.login(first.server());
        p.setProperty("sslrootcert", first.server().certificatePem() + second.server().certificatePem());
        return p;
    }

    @Test
    void theDriverIsRegisteredThroughMetaInfServices() throws SQLException {
        // DriverManager discovers drivers with this ServiceLoader; finding ours here means no Class.forName is needed.
        assertTrue(ServiceLoader.load(Driver.class).stream()
                .anyMatch(p -> p.type().getName().equals("io.scratchbird.jdbc.ScratchBirdDriver")));
        assertInstanceOf(ScratchBirdDriver.class, DriverManager.getDriver(Servers.hostUrl(first.server())));
    }

    @Test
    void urlFormsReachTheServer() throws Exception {
        EmbeddedScratchBird server = first.server();
        Properties login = Servers.login(server);
        List<String> urls = List.of(
                "jdbc:scratchbird://localhost:" + server.port() + "/default",
                "jdbc:scratchbird://127.0.0.1:" + server.port() + "/default",
                "jdbc:scratchbird://localhost:" + server.port() + "/",
                "JDBC:ScratchBird://localhost:" + server.port() + "/default?ApplicationName=url%20forms");
        for (String url : urls) {
            try (Connection c = DriverManager.getConnection(url, login)) {
                assertEquals("first", serverName(c), url);
            }
        }
    }

    @Test
    void anIpv6LiteralInBrackets() throws Exception {
        if (!canBind("::1")) {
            return;   // this machine has no IPv6 loopback: there is nothing to connect to
        }
        try (EmbeddedScratchBird v6 = EmbeddedScratchBird.builder().inMemory().port(0).bindAddress("::1").start();
             Connection c = DriverManager.getConnection("jdbc:scratchbird://[::1]:" + v6.port() + "/default",
                     Servers.login(v6))) {
            assertEquals(6, Queries.longValue(c, "select 6"));
        }
    }

    private static boolean canBind(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void hostsAreTriedInTheirUrlOrder() throws SQLException {
        String url = "jdbc:scratchbird://localhost:" + second.server().port() + ",localhost:" + first.server().port() + "/default";
        try (Connection c = DriverManager.getConnection(url, loginToBoth())) {
            assertEquals("second", serverName(c));
        }
        url = "jdbc:scratchbird://localhost:" + first.server().port() + ",localhost:" + second.server().port() + "/default";
        try (Connection c = DriverManager.getConnection(url, loginToBoth())) {
            assertEquals("first", serverName(c));
        }
    }

    @Test
    void aHostThatIsDownIsSkipped() throws Exception {
        String url = "jdbc:scratchbird://localhost:" + Servers.closedPort() + ",localhost:" + second.server().port() + "/default";
        try (Connection c = DriverManager.getConnection(url, loginToBoth())) {
            assertEquals("second", serverName(c));
        }
    }

    @Test
    void whenEveryHostIsDownTheErrorNamesThemAll() throws Exception {
        int down1 = Servers.closedPort();
        int down2 = Servers.closedPort();
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:scratchbird://localhost:" + down1 + ",localhost:" + down2 + "/default", loginToBoth()));
        assertEquals("08001", e.getSQLState());
        String all = e.getMessage() + Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toList();
        assertTrue(all.contains(":" + down1) && all.contains(":" + down2), all);
    }

    @Test
    void urlPropertiesWinOverConnectProperties() throws SQLException {
        Properties p = Servers.login(first.server());
        p.setProperty("password", "not the password");
        p.setProperty("defaultRowFetchSize", "3");
        String url = Servers.hostUrl(first.server()) + "?password=masterkey&defaultRowFetchSize=7";
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            assertEquals(7, s.getFetchSize());
        }

        Properties right = Servers.login(first.server());
        SQLException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
                () -> DriverManager.getConnection(Servers.hostUrl(first.server()) + "?password=wrong", right));
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void connectPropertiesApplyWhenTheUrlHasNone() throws SQLException {
        Properties p = Servers.login(first.server());
        p.setProperty("defaultRowFetchSize", "3");
        try (Connection c = DriverManager.getConnection(Servers.hostUrl(first.server()), p); Statement s = c.createStatement()) {
            assertEquals(3, s.getFetchSize());
        }
    }

    @Test
    void getPropertyInfoListsTheWholeRegistryWithoutSecrets() throws SQLException {
        Properties p = new Properties();
        p.setProperty("password", "s3cret-value");
        Driver driver = DriverManager.getDriver(Servers.hostUrl(first.server()));
        DriverPropertyInfo[] info = driver.getPropertyInfo(Servers.hostUrl(first.server()) + "?sslmode=require", p);

        List<String> expected = Arrays.stream(ScratchBirdProperty.values()).map(ScratchBirdProperty::propertyName).toList();
        assertEquals(expected, Arrays.stream(info).map(i -> i.name).toList());
        for (DriverPropertyInfo i : info) {
            assertTrue(i.description != null && !i.description.isEmpty(), i.name);
            if (i.name.equals("sslmode")) {
                assertEquals("require", i.value);
                assertTrue(Arrays.asList(i.choices).contains("verify-full"));
            }
            if (i.name.equals("password")) {
                assertNull(i.value, "a secret is never shown");
            }
        }
    }
}
