package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.DriverPropertyInfo;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The property registry: metadata, name resolution, typed validation and secrecy. */
class ScratchBirdPropertyTest {

    @ParameterizedTest
    @EnumSource(ScratchBirdProperty.class)
    void everyPropertyIsDocumentedAndItsDefaultIsValid(ScratchBirdProperty p) throws SQLException {
        assertFalse(p.description().isBlank());
        assertTrue(p.description().endsWith("."), p.description());
        assertFalse(p.description().contains("\n"));
        assertNotNull(p.defaultText());
        assertEquals(p.defaultValue(), p.normalize(p.defaultValue()), "the default is in canonical form");
        assertEquals(p, ScratchBirdProperty.forName(p.propertyName()).orElseThrow());
        for (String alias : p.aliases()) {
            assertEquals(p, ScratchBirdProperty.forName(alias).orElseThrow());
            assertEquals(p, ScratchBirdProperty.forName(alias.toUpperCase()).orElseThrow());
        }
        assertTrue(ScratchBirdProperty.documentation().contains("| `" + p.propertyName() + "` |"));
        assertFalse(p.allowedValues().isBlank());
    }

    @Test
    void pgJdbcNamesAreCanonical() {
        for (String name : List.of("user", "password", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword",
                "connectTimeout", "socketTimeout", "loginTimeout", "tcpKeepAlive", "ApplicationName", "currentSchema",
                "defaultRowFetchSize", "prepareThreshold", "preparedStatementCacheQueries",
                "preparedStatementCacheSizeMiB", "targetServerType", "loadBalanceHosts", "hostRecheckSeconds",
                "readOnly", "binaryTransfer", "loggerLevel", "reWriteBatchedInserts", "cancelSignalTimeout", "ssl")) {
            assertEquals(name, ScratchBirdProperty.forName(name).orElseThrow().propertyName());
        }
        assertEquals(ScratchBirdProperty.APPLICATION_NAME, ScratchBirdProperty.forName("applicationName").orElseThrow());
    }

    @Test
    void documentationHasOneRowPerProperty() {
        String doc = ScratchBirdProperty.documentation();
        assertEquals(ScratchBirdProperty.values().length + 2, doc.split("\n").length);
        assertTrue(doc.contains("| `user` | `username` | text | none | Database user name sent at startup. |"), doc);
        assertTrue(doc.contains("Secret: never logged."));
    }

    @Test
    void aliasesAndCaseResolve() throws SQLException {
        assertEquals("bob", ScratchBirdProperty.USER.get(TestProperties.of("username", "bob")));
        assertEquals("bob", ScratchBirdProperty.USER.get(TestProperties.of("USER", "bob")));
        assertEquals("7", ScratchBirdProperty.CONNECT_TIMEOUT.get(TestProperties.of("connect_timeout", "7")));
        assertEquals("s", ScratchBirdProperty.CURRENT_SCHEMA.get(TestProperties.of("search_path", "s")));
        assertTrue(ScratchBirdProperty.forName("nonsense").isEmpty());
        assertTrue(ScratchBirdProperty.forName(null).isEmpty());
    }

    @Test
    void theCanonicalNameBeatsAnAliasWhichBeatsAnotherCase() throws SQLException {
        assertEquals("a", ScratchBirdProperty.USER.get(TestProperties.of("user", "a", "username", "b", "USER", "c")));
        assertEquals("b", ScratchBirdProperty.USER.get(TestProperties.of("username", "b", "USER", "c")));
        assertEquals("c", ScratchBirdProperty.USER.get(TestProperties.of("USER", "c", "uSeR", "d")), "ties break by key order");
    }

    @Test
    void setReplacesEverySpelling() throws SQLException {
        Properties p = TestProperties.of("username", "b", "USER", "c", "other", "x");
        ScratchBirdProperty.USER.set(p, "a");
        assertEquals(TestProperties.of("user", "a", "other", "x"), p);
        assertEquals("a", ScratchBirdProperty.USER.get(p));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connectTimeout | soon | Invalid value 'soon' for connection property connectTimeout: expected a whole number of seconds from 0 to 2147483",
            "connectTimeout | -1 | expected a whole number of seconds from 0 to 2147483",
            "socketTimeout | 2147484 | expected a whole number of seconds from 0 to 2147483",
            "sslmode | sometimes | Invalid value 'sometimes' for connection property sslmode: expected one of disable, allow, prefer, require, verify-ca, verify-full",
            "ssl | maybe | connection property ssl: expected one of true, false, disable, allow",
            "tcpKeepAlive | maybe | connection property tcpKeepAlive: expected true or false (also on/off, yes/no, 1/0)",
            "prepareThreshold | -2 | expected a whole number from -1 to 2147483647",
            "defaultRowFetchSize | 1e3 | expected a whole number from 0 to 2147483647",
            "requireAuth | password,kerberos | expected a comma-separated list of password, scram-sha-256, scram-sha-512, token",
            "targetServerType | master | expected one of any, primary, secondary, preferPrimary, preferSecondary",
            "loggerLevel | LOUD | expected one of OFF, INFO, DEBUG, TRACE",
            "timezone | Mars/Olympus_Mons | expected a time-zone id"})
    void invalidValuesNamePropertyValueAndAllowedValues(String name, String value, String expected) {
        ScratchBirdProperty p = ScratchBirdProperty.forName(name).orElseThrow();
        SQLException e = assertThrows(SQLDataException.class, () -> p.get(TestProperties.of(name, value)));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertThrows(SQLDataException.class, () -> ScratchBirdProperty.validateAll(TestProperties.of(name, value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tcpKeepAlive | TRUE | true", "tcpKeepAlive | off | false", "tcpKeepAlive | 1 | true", "tcpKeepAlive | No | false",
            "connectTimeout | ' 30 ' | 30",
            "sslmode | Verify-Full | verify-full",
            "ssl | '' | true", "ssl | on | true", "ssl | 0 | false", "ssl | REQUIRE | require",
            "loggerLevel | debug | DEBUG",
            "targetServerType | PREFERSECONDARY | preferSecondary",
            "requireAuth | ' SCRAM-SHA-256 , password,password' | scram-sha-256,password",
            "timezone | Europe/Berlin | Europe/Berlin",
            "currentSchema | ' spaced ' | ' spaced '"})
    void valuesAreNormalised(String name, String raw, String canonical) throws SQLException {
        assertEquals(canonical, ScratchBirdProperty.forName(name).orElseThrow().normalize(raw));
    }

    @Test
    void anEmptyTypedValueMeansTheDefault() throws SQLException {
        assertNull(ScratchBirdProperty.CONNECT_TIMEOUT.normalize("  "));
        assertEquals(10, ScratchBirdProperty.CONNECT_TIMEOUT.getInt(TestProperties.of("connectTimeout", "")));
        assertEquals("", ScratchBirdProperty.PASSWORD.get(TestProperties.of("password", "")), "an empty password is a value");
    }

    @Test
    void typedGetters() throws SQLException {
        Properties none = new Properties();
        assertEquals(10, ScratchBirdProperty.CONNECT_TIMEOUT.getInt(none));
        assertEquals(Duration.ofSeconds(10), ScratchBirdProperty.CONNECT_TIMEOUT.getDuration(none));
        assertEquals(Duration.ofSeconds(3), ScratchBirdProperty.SOCKET_TIMEOUT.getDuration(TestProperties.of("socketTimeout", "3")));
        assertEquals(5, ScratchBirdProperty.PREPARE_THRESHOLD.getInt(none));
        assertEquals(256, ScratchBirdProperty.PREPARED_STATEMENT_CACHE_QUERIES.getInt(none));
        assertEquals(5, ScratchBirdProperty.PREPARED_STATEMENT_CACHE_SIZE_MIB.getInt(none));
        assertTrue(ScratchBirdProperty.TCP_KEEP_ALIVE.getBoolean(none));
        assertTrue(ScratchBirdProperty.BINARY_TRANSFER.getBoolean(none));
        assertFalse(ScratchBirdProperty.READ_ONLY.getBoolean(none));
        assertTrue(ScratchBirdProperty.READ_ONLY.getBoolean(TestProperties.of("readOnly", "yes")));
        assertEquals("prefer", ScratchBirdProperty.SSL_MODE.get(none));
        assertEquals("ScratchBird JDBC Driver", ScratchBirdProperty.APPLICATION_NAME.get(none));
        assertEquals(List.of(), ScratchBirdProperty.REQUIRE_AUTH.getList(none));
        assertEquals(List.of("token", "password"), ScratchBirdProperty.REQUIRE_AUTH.getList(TestProperties.of("require_auth", "token,password")));
        assertEquals(ZoneId.systemDefault(), ScratchBirdProperty.TIMEZONE.getZoneId(none));
        assertEquals(ZoneId.of("UTC"), ScratchBirdProperty.TIMEZONE.getZoneId(TestProperties.of("timezone", "UTC")));
        assertNull(ScratchBirdProperty.USER.get(none));
        assertThrows(IllegalStateException.class, () -> ScratchBirdProperty.USER.getInt(none));
        assertThrows(IllegalStateException.class, () -> ScratchBirdProperty.PREPARE_THRESHOLD.getDuration(none));
    }

    @Test
    void onlyCredentialsAreSecret() {
        Set<ScratchBirdProperty> secret = EnumSet.noneOf(ScratchBirdProperty.class);
        for (ScratchBirdProperty p : ScratchBirdProperty.values()) {
            if (p.isSecret()) {
                secret.add(p);
            }
        }
        assertEquals(EnumSet.of(ScratchBirdProperty.PASSWORD, ScratchBirdProperty.SSL_PASSWORD, ScratchBirdProperty.AUTH_TOKEN),
                secret);
        assertEquals("***", ScratchBirdProperty.PASSWORD.displayValue("hunter2"));
        assertEquals("alice", ScratchBirdProperty.USER.displayValue("alice"));
        assertFalse(ScratchBirdProperty.PASSWORD.invalidValue("hunter2").getMessage().contains("hunter2"));
        assertTrue(ScratchBirdProperty.PASSWORD.invalidValue("hunter2").getMessage().contains("(value hidden)"));
    }

    @Test
    void driverPropertyInfoComesFromTheRegistryAndHidesSecrets() {
        DriverPropertyInfo[] infos = ScratchBirdProperty.toDriverPropertyInfo(
                TestProperties.of("username", "alice", "password", "hunter2", "bearer_token", "t0k3n", "connectTimeout", "3"));
        assertEquals(ScratchBirdProperty.values().length, infos.length);
        for (DriverPropertyInfo info : infos) {
            ScratchBirdProperty p = ScratchBirdProperty.forName(info.name).orElseThrow();
            assertEquals(p.propertyName(), info.name);
            assertEquals(p.description(), info.description);
            assertFalse(info.required);
            if (p.isSecret()) {
                assertNull(info.value, info.name);
            }
        }
        assertEquals("alice", info(infos, "user").value);
        assertEquals("3", info(infos, "connectTimeout").value);
        assertEquals("10", info(infos, "cancelSignalTimeout").value);
        assertArrayEquals(new String[] {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"},
                info(infos, "sslmode").choices);
        assertArrayEquals(new String[] {"true", "false"}, info(infos, "tcpKeepAlive").choices);
        assertNull(info(infos, "user").choices);
        assertEquals(ScratchBirdProperty.values().length, ScratchBirdProperty.toDriverPropertyInfo(null).length);
    }

    private static DriverPropertyInfo info(DriverPropertyInfo[] infos, String name) {
        return Arrays.stream(infos).filter(i -> i.name.equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sslmod", "SSLMODEE", "conectTimeout", "usr"})
    void closeMisspellingsGetASuggestion(String key) {
        assertNotNull(ScratchBirdProperty.closestName(key), key);
    }

    @Test
    void suggestionsNameTheCanonicalProperty() {
        assertEquals("sslmode", ScratchBirdProperty.closestName("sslmod"));
        assertEquals("defaultRowFetchSize", ScratchBirdProperty.closestName("fetch-size"));
        assertNull(ScratchBirdProperty.closestName("completelyUnrelated"));
    }
}
