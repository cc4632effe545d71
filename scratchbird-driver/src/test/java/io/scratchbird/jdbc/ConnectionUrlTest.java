package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL forms, decoding, precedence, unknown keys and the errors for malformed URLs. */
class ConnectionUrlTest {

    private static ConnectionUrl parse(String url) throws SQLException {
        return ConnectionUrl.parse(url, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:scratchbird://db.example.com:5000/sales | [db.example.com:5000] | sales",
            "jdbc:scratchbird://db.example.com/sales | [db.example.com:3092] | sales",
            "jdbc:scratchbird://h1:1,h2,[::1]:3,[fe80::1%25eth0]/d | [h1:1, h2:3092, [::1]:3, [fe80::1%eth0]:3092] | d",
            "jdbc:scratchbird://[::1]/demo?sslmode=disable&user=alice | [[::1]:3092] | demo",
            "jdbc:scratchbird://[2001:db8::1.2.3.4]:7/x | [[2001:db8::1.2.3.4]:7] | x",
            "jdbc:scratchbird://127.0.0.1:3050/x | [127.0.0.1:3050] | x",
            "jdbc:scratchbird://my_host-1.local/x | [my_host-1.local:3092] | x",
            "jdbc:scratchbird:sales | [localhost:3092] | sales",
            "jdbc:scratchbird: | [localhost:3092] | ''",
            "jdbc:scratchbird://host/ | [host:3092] | ''",
            "jdbc:scratchbird://host | [host:3092] | ''",
            "jdbc:scratchbird:// | [localhost:3092] | ''",
            "jdbc:scratchbird:///sales | [localhost:3092] | sales",
            "jdbc:scratchbird://:5000/sales | [localhost:5000] | sales",
            "jdbc:scratchbird://host:/sales | [host:3092] | sales",
            "jdbc:scratchbird://host/a/b | [host:3092] | a/b",
            "JDBC:ScratchBird://host/x | [host:3092] | x"})
    void forms(String url, String hosts, String database) throws SQLException {
        ConnectionUrl parsed = parse(url);
        assertEquals(hosts, parsed.hosts().toString());
        assertEquals(database, parsed.database());
    }

    @Test
    void valuesAndTheDatabaseArePercentDecoded() throws SQLException {
        ConnectionUrl url = parse("jdbc:scratchbird://h/my%20db+x?user=j%C3%BCrgen&ApplicationName=a+b%2Bc&password=p%26w%3D");
        assertEquals("my db x", url.database());
        assertEquals(TestProperties.of("user", "jürgen", "ApplicationName", "a b+c", "password", "p&w="), url.properties());
    }

    @Test
    void urlPropertiesWinOverConnectProperties() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:scratchbird://h/d?user=fromUrl&connect_timeout=5",
                TestProperties.of("user", "fromProps", "password", "secret", "connectTimeout", "9"));
        assertEquals(TestProperties.of("user", "fromUrl", "password", "secret", "connectTimeout", "5"), url.properties());
    }

    @Test
    void keysAreNormalisedToCanonicalNamesAndValuesToCanonicalForm() throws SQLException {
        ConnectionUrl url = parse("jdbc:scratchbird://h/d?username=bob&SSLMODE=Verify-Full&tcp_keep_alive=off&fetchSize=50");
        assertEquals(TestProperties.of("user", "bob", "sslmode", "verify-full", "tcpKeepAlive", "false", "defaultRowFetchSize", "50"),
                url.properties());
    }

    @Test
    void withinTheUrlTheLastSpellingWins() throws SQLException {
        assertEquals("b", parse("jdbc:scratchbird://h/d?user=a&user=b").properties().getProperty("user"));
        assertEquals("b", parse("jdbc:scratchbird://h/d?user=a&username=b").properties().getProperty("user"));
    }

    @Test
    void withinConnectPropertiesTheCanonicalNameWins() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:scratchbird://h/d", TestProperties.of("USERNAME", "c", "username", "b", "user", "a"));
        assertEquals("a", url.properties().getProperty("user"));
    }

    @Test
    void aBareKeyIsAnEmptyValueAndEmptyItemsAreSkipped() throws SQLException {
        ConnectionUrl url = parse("jdbc:scratchbird://h/d?&&ssl&user=a&");
        assertEquals(TestProperties.of("ssl", "true", "user", "a"), url.properties());
        assertEquals(SslMode.VERIFY_FULL, SslMode.from(url.properties()));
    }

    @Test
    void anEmptyTypedValueLeavesTheDefault() throws SQLException {
        assertEquals(new Properties(), parse("jdbc:scratchbird://h/d?connectTimeout=").properties());
    }

    @Test
    void unknownKeysAreCollectedByNameOnly() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:scratchbird://h/d?foo=seekrit1&Foo=seekrit2&bar",
                TestProperties.of("baz", "seekrit3", "user", "a"));
        assertEquals(List.of("baz", "foo", "bar"), url.unknownProperties());
        assertEquals(TestProperties.of("user", "a"), url.properties());
        assertFalse(url.toString().contains("seekrit"), url.toString());
    }

    @Test
    void unknownKeysAreWarnedAboutOncePerJvm() throws SQLException {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger("io.scratchbird.jdbc");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            String key = "unknownKey" + System.nanoTime();
            ConnectionUrl url = parse("jdbc:scratchbird://h/d?sslmod=require&" + key + "=1");
            assertEquals(List.of("sslmod", key), url.warnUnknownPropertiesOnce());
            assertEquals(List.of(), parse("jdbc:scratchbird://h/d?SSLMOD=x&" + key + "=2").warnUnknownPropertiesOnce());
            assertEquals(2, records.size());
            assertEquals("Ignoring unknown ScratchBird connection property \"sslmod\"; did you mean \"sslmode\"?",
                    records.get(0).getMessage());
            assertEquals("Ignoring unknown ScratchBird connection property \"" + key + "\"", records.get(1).getMessage());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "jdbc:scratchbird://h:abc/d | invalid port 'abc' in 'h:abc'; expected a number from 1 to 65535",
            "jdbc:scratchbird://h:0/d | invalid port '0'",
            "jdbc:scratchbird://h:65536/d | invalid port '65536'",
            "jdbc:scratchbird://h:-1/d | invalid port '-1'",
            "jdbc:scratchbird://h:0000000080/d | invalid port '0000000080'",
            "jdbc:scratchbird://[::1:3092/d | missing ']' after the IPv6 address in '[::1:3092'",
            "jdbc:scratchbird://[::1]x/d | unexpected 'x' after ']' in '[::1]x'; expected :port",
            "jdbc:scratchbird://::1/d | IPv6 address '::1' must be enclosed in brackets",
            "jdbc:scratchbird://h]/d | misplaced bracket in 'h]'",
            "jdbc:scratchbird://h[1]/d | misplaced bracket",
            "jdbc:scratchbird://[]/d | '[]' does not hold an IPv6 address",
            "jdbc:scratchbird://[example.com]/d | does not hold an IPv6 address",
            "jdbc:scratchbird://[fe80::1%25]/d | does not hold an IPv6 address",
            "jdbc:scratchbird://h1,,h2/d | empty entry in the host list 'h1,,h2'",
            "jdbc:scratchbird://h1,/d | empty entry in the host list",
            "jdbc:scratchbird://bad host/d | invalid character ' ' in host name 'bad host'",
            "jdbc:scratchbird:localhost:3092/demo | without '//' the URL names only a database",
            "jdbc:scratchbird:/demo | without '//'",
            "jdbc:scratchbird://h/d?=x | a query item has a value but no property name",
            "jdbc:scratchbird://h/d%zz | malformed percent-encoding in the database name",
            "jdbc:postgresql://h/d | it does not start with jdbc:scratchbird:"})
    void malformedUrlsAreExplained(String url, String expected) {
        SQLException e = assertThrows(SQLNonTransientConnectionException.class, () -> parse(url));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith("Invalid ScratchBird URL: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("Expected jdbc:scratchbird://host[:port][,host2[:port2]...]/database"
                + "[?property=value&...]"), e.getMessage());
    }

    @Test
    void anEmptyPortAfterBracketsIsTheDefault() throws SQLException {
        assertEquals("[[::1]:3092]", parse("jdbc:scratchbird://[::1]:/d").hosts().toString());
    }

    @Test
    void aNullUrlIsExplained() {
        SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse(null, new Properties()));
        assertTrue(e.getMessage().contains("the URL is null"));
    }

    @Test
    void credentialsInTheUrlAreNeverEchoed() {
        SQLException userInfo = assertThrows(SQLException.class, () -> parse("jdbc:scratchbird://alice:hunter2@h/d"));
        assertTrue(userInfo.getMessage().contains("use the user and password properties"), userInfo.getMessage());
        assertFalse(userInfo.getMessage().contains("hunter2"));
        SQLException badEscape = assertThrows(SQLException.class, () -> parse("jdbc:scratchbird://h/d?password=%zz-hunter2"));
        assertTrue(badEscape.getMessage().contains("malformed percent-encoding in the value of password"));
        assertFalse(badEscape.getMessage().contains("hunter2"));
    }

    @Test
    void invalidPropertyValuesAre22023() {
        SQLException e = assertThrows(SQLException.class, () -> parse("jdbc:scratchbird://h/d?connectTimeout=soon"));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("connectTimeout"));
        assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:scratchbird://h/d", TestProperties.of("ssl", "sometimes")));
    }

    @Test
    void acceptsUrlChecksOnlyThePrefix() {
        assertTrue(ConnectionUrl.acceptsUrl("jdbc:scratchbird://h/d"));
        assertTrue(ConnectionUrl.acceptsUrl("jdbc:scratchbird:bad:url:/x"));
        assertTrue(ConnectionUrl.acceptsUrl("JDBC:SCRATCHBIRD:x"));
        assertFalse(ConnectionUrl.acceptsUrl("jdbc:postgresql://h/d"));
        assertFalse(ConnectionUrl.acceptsUrl("jdbc:scratch"));
        assertFalse(ConnectionUrl.acceptsUrl(null));
    }

    @Test
    void toStringIsCanonicalAndHidesSecrets() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:scratchbird://h1:1,[fe80::1%25eth0]/my%20db?username=alice"
                + "&password=hunter2&ApplicationName=a%26b", TestProperties.of("sslpassword", "k3y", "authToken", "t0k3n"));
        String text = url.toString();
        assertEquals("jdbc:scratchbird://h1:1,[fe80::1%25eth0]:3092/my+db?user=alice&password=***&authToken=***"
                + "&sslpassword=***&ApplicationName=a%26b", text);
        for (String secret : List.of("hunter2", "k3y", "t0k3n")) {
            assertFalse(text.contains(secret));
        }
    }

    @Test
    void toStringParsesBackToTheSameSettings() throws SQLException {
        ConnectionUrl url = parse("jdbc:scratchbird://h1:1,[fe80::1%25eth0],h3/a%2Fb%20c%2B?user=j%C3%BCrgen"
                + "&currentSchema=x,y&loggerLevel=debug");
        ConnectionUrl again = parse(url.toString());
        assertEquals(url.hosts(), again.hosts());
        assertEquals(url.database(), again.database());
        assertEquals(url.properties(), again.properties());
        assertEquals(url.toString(), again.toString());
    }

    @Test
    void propertiesIsACopy() throws SQLException {
        ConnectionUrl url = parse("jdbc:scratchbird://h/d?user=a");
        url.properties().setProperty("user", "changed");
        assertEquals("a", url.properties().getProperty("user"));
    }

    @Test
    void hostSpecChecksItsParts() {
        assertThrows(IllegalArgumentException.class, () -> new HostSpec("", 1));
        assertThrows(IllegalArgumentException.class, () -> new HostSpec("h", 0));
        assertThrows(IllegalArgumentException.class, () -> new HostSpec("h", 65536));
        assertTrue(new HostSpec("::1", 1).isIpv6Literal());
        assertEquals("h:1", new HostSpec("h", 1).toString());
    }
}
