package io.scratchbird.jdbc;

import java.util.Properties;

/** {@link Properties} from name/value pairs, for the tests of the driver's configuration. */
public final class TestProperties {

    private TestProperties() {
    }

    public static Properties of(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }
}
