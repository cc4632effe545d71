package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.jdbc.ConnectionUrl;
import io.scratchbird.jdbc.ScratchBirdProperty;

import java.sql.SQLException;
import java.util.Properties;

/**
 * URL and connection-property parsing: any URL text and any property values yield a parsed URL or
 * an {@link SQLException}, never another exception; a parsed URL's {@code toString()} never shows
 * a password.
 */
class ConnectionUrlFuzzTest {

    private static final ScratchBirdProperty[] PROPERTIES = ScratchBirdProperty.values();

    @FuzzTest(maxDuration = "10s")
    void parse(FuzzedDataProvider data) {
        Properties info = new Properties();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            info.setProperty(PROPERTIES[data.consumeInt(0, PROPERTIES.length - 1)].propertyName(), data.consumeString(40));
        }
        String url = data.consumeRemainingAsString();
        if (data.remainingBytes() == 0 && !url.startsWith(ConnectionUrl.PREFIX) && url.length() > 3) {
            url = ConnectionUrl.PREFIX + url;
        }
        ConnectionUrl parsed;
        try {
            parsed = ConnectionUrl.parse(url, info);
        } catch (SQLException expected) {
            return;
        }
        for (ScratchBirdProperty p : PROPERTIES) {
            try {
                p.get(parsed.properties());
            } catch (SQLException expected) {
                // an invalid value is reported, not thrown as something else
            }
        }
        String shown = parsed.toString();
        int q = shown.indexOf('?');
        for (String pair : q < 0 ? new String[0] : shown.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            boolean secret = ScratchBirdProperty.forName(name).map(ScratchBirdProperty::isSecret).orElse(false);
            if (secret && !pair.substring(eq + 1).equals("***")) {
                throw new AssertionError("toString() shows the secret " + name + ": " + shown);
            }
        }
    }
}
