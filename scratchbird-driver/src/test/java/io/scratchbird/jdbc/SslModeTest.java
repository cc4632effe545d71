package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The effective TLS mode from sslmode/ssl, and what each mode means. */
class SslModeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | '' | PREFER",
            "verify-ca | '' | VERIFY_CA",
            "DISABLE | '' | DISABLE",
            "require | false | REQUIRE",
            "'' | true | VERIFY_FULL", "'' | TRUE | VERIFY_FULL", "'' | on | VERIFY_FULL", "'' | 1 | VERIFY_FULL",
            "'' | yes | VERIFY_FULL", "'' | <bare> | VERIFY_FULL",
            "'' | false | DISABLE", "'' | off | DISABLE", "'' | 0 | DISABLE", "'' | no | DISABLE",
            "'' | require | REQUIRE", "'' | disable | DISABLE", "'' | verify-ca | VERIFY_CA"})
    void effectiveMode(String sslmode, String ssl, SslMode expected) throws SQLException {
        Properties p = new Properties();
        if (!sslmode.isEmpty()) {
            p.setProperty("sslmode", sslmode);
        }
        if (!ssl.isEmpty()) {
            p.setProperty("ssl", ssl.equals("<bare>") ? "" : ssl);
        }
        assertEquals(expected, SslMode.from(p));
    }

    @Test
    void invalidValuesNameTheirProperty() {
        SQLException mode = assertThrows(SQLException.class, () -> SslMode.from(TestProperties.of("sslmode", "sometimes")));
        assertEquals("22023", mode.getSQLState());
        assertTrue(mode.getMessage().contains("sslmode"), mode.getMessage());
        SQLException ssl = assertThrows(SQLException.class, () -> SslMode.from(TestProperties.of("ssl", "sometimes")));
        assertTrue(ssl.getMessage().contains("connection property ssl:"), ssl.getMessage());
        assertThrows(SQLException.class, () -> SslMode.of(""));
        assertThrows(SQLException.class, () -> SslMode.of(null));
    }

    /** mode | TLS first | fallback | verifies chain without / with sslrootcert | verifies host. */
    @ParameterizedTest
    @CsvSource({
            "DISABLE, false, false, false, false, false",
            "ALLOW, false, true, false, false, false",
            "PREFER, true, true, false, false, false",
            "REQUIRE, true, false, false, true, false",
            "VERIFY_CA, true, false, true, true, false",
            "VERIFY_FULL, true, false, true, true, true"})
    void semantics(SslMode mode, boolean tlsFirst, boolean fallback, boolean verifiesBare, boolean verifiesWithRoot,
                   boolean verifiesHost) throws SQLException {
        assertEquals(tlsFirst, mode.attemptTlsFirst());
        assertEquals(fallback, mode.fallbackAllowed());
        assertEquals(verifiesBare, mode.verifiesCertificate(false));
        assertEquals(verifiesWithRoot, mode.verifiesCertificate(true));
        assertEquals(verifiesHost, mode.verifiesHostName());
        assertEquals(mode, SslMode.of(mode.value()));
        assertEquals(mode.value(), mode.toString());
    }
}
