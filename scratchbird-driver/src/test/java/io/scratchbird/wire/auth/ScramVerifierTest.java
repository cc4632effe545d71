package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScramVerifierTest {

    /** RFC 7677's user: StoredKey/ServerKey as PostgreSQL would store them for "pencil" with that salt. */
    private static final String RFC_7677_VERIFIER = "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"
            + "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";

    @Test
    void rfc7677UsersVerifierHasThePublishedTextForm() throws ScramException {
        ScramVerifier derived = ScramVerifier.derive(ScramMechanism.SHA_256, "pencil",
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        assertEquals(RFC_7677_VERIFIER, derived.encode());
        assertEquals(derived, ScramVerifier.parse(RFC_7677_VERIFIER));
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void textFormRoundTrips(ScramMechanism mechanism) throws ScramException {
        ScramVerifier v = ScramVerifier.create(mechanism, "pw", 5000);
        String line = v.encode();
        assertTrue(line.startsWith(mechanism.mechanismName() + "$5000:"), line);
        ScramVerifier parsed = ScramVerifier.parse(line);
        assertEquals(v, parsed);
        assertArrayEquals(v.salt(), parsed.salt());
        assertArrayEquals(v.storedKey(), parsed.storedKey());
        assertArrayEquals(v.serverKey(), parsed.serverKey());
        assertEquals(ScramVerifier.SALT_LENGTH, parsed.salt().length);
    }

    @ParameterizedTest
    @EnumSource(ScramMechanism.class)
    void verifiesOnlyItsOwnPassword(ScramMechanism mechanism) {
        ScramVerifier v = ScramVerifier.create(mechanism, "correct horse");
        assertTrue(v.verifiesPassword("correct horse"));
        assertFalse(v.verifiesPassword("correct horse "));
        assertFalse(v.verifiesPassword(""));
    }

    @Test
    void emptyPasswordWorks() {
        assertTrue(ScramVerifier.create(ScramMechanism.SHA_256, "").verifiesPassword(""));
    }

    @Test
    void freshSaltsDiffer() {
        assertNotEquals(ScramVerifier.create(ScramMechanism.SHA_256, "pw"), ScramVerifier.create(ScramMechanism.SHA_256, "pw"));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        ScramVerifier v = ScramVerifier.create(ScramMechanism.SHA_256, "pw");
        String s = v.toString();
        assertEquals("ScramVerifier[SCRAM-SHA-256, 4096 iterations]", s);
        assertFalse(s.contains(Base64.getEncoder().encodeToString(v.storedKey())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plaintext password",
            "pa$$word",
            "SCRAM-SHA-1$4096:W22ZaJ0SNY7soEsUEjb6gQ==$AAAA:AAAA",
            "SCRAM-SHA-256$4096$W22ZaJ0SNY7soEsUEjb6gQ==$a:b",
            "SCRAM-SHA-256$many:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
            "SCRAM-SHA-256$1024:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
            "SCRAM-SHA-256$4096:$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
            "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$AAAA:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
            "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:***",
            "SCRAM-SHA-512$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
    })
    void malformedTextFormsAreRefusedWithoutEchoingThem(String line) {
        ScramException e = assertThrows(ScramException.class, () -> ScramVerifier.parse(line));
        assertEquals(Reason.MALFORMED_VERIFIER, e.reason());
        // A misplaced plaintext password must not end up in a log through this message.
        assertFalse(e.getMessage().contains("word"), e.getMessage());
    }

    @Test
    void iterationCountsOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScramVerifier.create(ScramMechanism.SHA_256, "pw", 4095));
        assertThrows(IllegalArgumentException.class,
                () -> ScramVerifier.create(ScramMechanism.SHA_256, "pw", ScramVerifier.MAX_ITERATIONS + 1));
    }
}
