package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The configuration processor documents every scratchbird.* property. */
class ConfigurationMetadataTest {

    @Test
    void metadataListsScratchBirdProperties() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            root = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : root.get("properties")) {
            names.add(property.get("name").asString());
            if (property.get("name").asString().startsWith("scratchbird.")) {
                assertThat(property.get("description")).as(property.get("name").asString()).isNotNull();
            }
        }
        assertThat(names).contains("scratchbird.ssl-mode", "scratchbird.ssl-root-cert", "scratchbird.driver-properties",
                "scratchbird.embedded.enabled", "scratchbird.embedded.port", "scratchbird.embedded.data-dir",
                "scratchbird.embedded.in-memory", "scratchbird.embedded.user", "scratchbird.embedded.password",
                "scratchbird.embedded.reference-quirks", "scratchbird.embedded.bind-address");
        for (JsonNode property : root.get("properties")) {
            if (property.get("name").asString().equals("scratchbird.embedded.data-dir")) {
                assertThat(property.get("defaultValue").asString()).isEqualTo("./scratchbird-data");
            }
        }
    }
}
