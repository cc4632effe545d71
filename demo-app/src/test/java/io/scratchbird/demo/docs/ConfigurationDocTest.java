package io.scratchbird.demo.docs;

import io.scratchbird.jdbc.ScratchBirdProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md cannot go stale: it must carry the driver's property table exactly as
 * {@link ScratchBirdProperty#documentation()} generates it, and name every {@code scratchbird.*}
 * property of the starter's generated configuration metadata.
 */
class ConfigurationDocTest {

    static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void everyDriverPropertyIsDocumentedAsTheRegistryDescribesIt() throws Exception {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (ScratchBirdProperty p : ScratchBirdProperty.values()) {
            if (!doc.contains("| `" + p.propertyName() + "` |")) {
                missing.add(p.propertyName());
            }
        }
        assertTrue(missing.isEmpty(), "driver properties missing from docs/configuration.md: " + missing);
        assertTrue(doc.contains(ScratchBirdProperty.documentation()),
                "regenerate the driver table in docs/configuration.md from ScratchBirdProperty.documentation()");
    }

    @Test
    void everyStarterPropertyOfTheConfigurationMetadataIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        TreeSet<String> names = new TreeSet<>();
        List<URL> sources = Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"));
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : sources) {
            try (InputStream in = url.openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                for (JsonNode p : properties) {
                    String name = p.path("name").asString();
                    if (name.startsWith("scratchbird.")) {
                        names.add(name);
                    }
                }
            }
        }
        assertFalse(names.isEmpty(), "no scratchbird.* property in any META-INF/spring-configuration-metadata.json of " + sources);
        List<String> missing = names.stream()
                .filter(n -> !Pattern.compile("`" + Pattern.quote(n) + "(\\.\\*)?`").matcher(doc).find())
                .toList();
        assertTrue(missing.isEmpty(), "scratchbird.* properties missing from docs/configuration.md: " + missing);
    }
}
