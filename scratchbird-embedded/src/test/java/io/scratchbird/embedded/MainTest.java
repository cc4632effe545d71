package io.scratchbird.embedded;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone server's command line. */
class MainTest {

    @Test
    void helpListsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(Main.parse(new String[]{"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[]{"--data", "--memory", "--port", "--bind", "--user", "--password", "--auth",
                "--tls-cert", "--tls-key", "--plaintext", "--quirks", "--max-connections", "--role", "--max-parameters", "--idle-in-transaction-timeout"}) {
            assertTrue(help.contains(option), option + " is documented");
        }
    }

    @Test
    void optionsConfigureTheServer() throws Exception {
        EmbeddedScratchBird.Builder b = Main.parse(new String[]{"--memory", "--port", "0", "--user", "u", "--password", "p",
                "--auth", "password", "--quirks"}, System.out);
        assertNotNull(b);
        try (EmbeddedScratchBird server = b.start(); SbwpTestClient c = SbwpTestClient.connect(server, "u", "p", 0)) {
            assertNull(SbwpTestClient.error(c.query("select 1")));
        }
    }

    @Test
    void badOptionsFailWithAClearMessage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[]{"--prot", "1"}, System.out));
        assertTrue(unknown.getMessage().contains("--prot"));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> Main.parse(new String[]{"--port", "abc"}, System.out));
        assertTrue(notANumber.getMessage().contains("--port needs a number"));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--port"}, System.out));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--tls-cert", "x.pem"}, System.out));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--auth", "md5"}, System.out));
    }
}
