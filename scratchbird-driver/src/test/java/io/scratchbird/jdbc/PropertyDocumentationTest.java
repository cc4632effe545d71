package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/jdbc-driver.md carries the property table generated from the registry, so it cannot go stale. */
class PropertyDocumentationTest {

    @Test
    void theGuideListsEveryPropertyAsTheRegistryDescribesIt() throws Exception {
        Path guide = Path.of("..", "docs", "jdbc-driver.md");
        String doc = Files.readString(guide);
        assertTrue(doc.contains(ScratchBirdProperty.documentation()),
                "regenerate the table in docs/jdbc-driver.md from ScratchBirdProperty.documentation()");
    }
}
