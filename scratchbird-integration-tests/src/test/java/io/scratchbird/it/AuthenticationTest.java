package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCRAM-SHA-256 and PASSWORD logins, their failures, and passwords kept out of every text the driver produces. */
class AuthenticationTest {

    private static final String USER = "app";
    private static final String SECRET = "Tr0ub4dor-and-3";
    private static final String WRONG = "Wr0ng-guess-77";

    @RegisterExtension
    static ScratchBirdExtension scram = ScratchBirdExtension.configured(b -> b.user(USER, SECRET));

    @RegisterExtension
    static ScratchBirdExtension password = ScratchBirdExtension.configured(b -> b.authMethod(1).user(USER, SECRET));

    @RegisterExtension
    static ScratchBirdExtension quirks = ScratchBirdExtension.configured(b -> b.referenceQuirks(true).user(USER, SECRET));

    private static Properties as(EmbeddedScratchBird server, String user, String pw) {
        Properties p = Servers.login(server);
        p.setProperty("user", user);
        p.setProperty("password", pw);
        return p;
    }

    private static void assertLogsIn(EmbeddedScratchBird server, Properties p) throws SQLException {
        try (Connection c = DriverManager.getConnection(Servers.hostUrl(server), p)) {
            assertEquals(USER, Queries.stringValue(c, "select current_user"));
        }
    }

    private static SQLInvalidAuthorizationSpecException assertRejected(EmbeddedScratchBird server, Properties p,
                                                                       String sqlState) {
        SQLInvalidAuthorizationSpecException e = assertThrows(SQLInvalidAuthorizationSpecException.class,
                () -> DriverManager.getConnection(Servers.hostUrl(server), p).close());
        assertEquals(sqlState, e.getSQLState());
        assertNoSecretIn(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            assertNoSecretIn(t.getMessage());
        }
        return e;
    }

    private static void assertNoSecretIn(String text) {
        if (text != null) {
            assertFalse(text.contains(SECRET) || text.contains(WRONG), text);
        }
    }

    @Test
    void scramLogsInToANormalServer() throws SQLException {
        Properties p = as(scram.server(), USER, SECRET);
        p.setProperty("requireAuth", "scram-sha-256");
        assertLogsIn(scram.server(), p);
    }

    @Test
    void passwordLogsInWhenTheServerAsksForIt() throws SQLException {
        assertLogsIn(password.server(), as(password.server(), USER, SECRET));
        assertLogsIn(quirks.server(), as(quirks.server(), USER, SECRET));
    }

    @Test
    void requireAuthRefusesAWeakerMethodTheServerAsksFor() {
        Properties p = as(password.server(), USER, SECRET);
        p.setProperty("requireAuth", "scram-sha-256");
        SQLInvalidAuthorizationSpecException e = assertRejected(password.server(), p, "28000");
        assertTrue(e.getMessage().contains("requireAuth"), e.getMessage());
    }

    @Test
    void aWrongPasswordIs28P01() {
        assertRejected(scram.server(), as(scram.server(), USER, WRONG), "28P01");
        assertRejected(password.server(), as(password.server(), USER, WRONG), "28P01");
    }

    @Test
    void anUnknownUserLooksLikeAWrongPassword() {
        SQLException unknown = assertRejected(scram.server(), as(scram.server(), "nobody", WRONG), "28P01");
        SQLException wrong = assertRejected(scram.server(), as(scram.server(), USER, WRONG), "28P01");
        assertEquals(wrong.getMessage().replace(USER, "nobody"), unknown.getMessage());
    }

    @Test
    void theReferenceServerReportsAFailedLoginAs28000() {
        assertRejected(quirks.server(), as(quirks.server(), USER, WRONG), "28000");
    }

    @Test
    void thePasswordAppearsInNoToStringNorInTheReportedUrl() throws SQLException {
        Properties p = as(scram.server(), USER, "ignored");
        String url = Servers.hostUrl(scram.server()) + "?password=" + SECRET;
        try (Connection c = DriverManager.getConnection(url, p)) {
            Driver driver = DriverManager.getDriver(url);
            assertNoSecretIn(c.toString());
            assertNoSecretIn(driver.toString());
            assertNoSecretIn(c.getMetaData().getURL());
            assertTrue(c.getMetaData().getURL().startsWith("jdbc:scratchbird://localhost:"), c.getMetaData().getURL());
            assertNoSecretIn(c.getClientInfo().toString());
        }
    }
}
