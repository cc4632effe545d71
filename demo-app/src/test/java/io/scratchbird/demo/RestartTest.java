package io.scratchbird.demo;

import io.scratchbird.demo.catalog.CatalogService;
import io.scratchbird.demo.catalog.NewProduct;
import io.scratchbird.demo.catalog.ProductRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue is seeded once and, with what users added, survives a restart of the application. */
class RestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DemoApplication.class)
                .properties(Map.of("spring.main.web-application-type", "none",
                        "scratchbird.embedded.data-dir", data.toString()))
                .run();
    }

    @Test
    void seedOnceKeepEverything() {
        long seeded;
        try (var first = start()) {
            seeded = first.getBean(ProductRepository.class).count();
            assertEquals(8, seeded);
            first.getBean(CatalogService.class).create(new NewProduct("PINE-SHELF", "Pine shelf", null,
                    new BigDecimal("45.00"), Map.of("color", "natural"), null, null, null));
        }
        try (var second = start()) {
            ProductRepository products = second.getBean(ProductRepository.class);
            assertEquals(seeded + 1, products.count());
            assertTrue(products.findBySku("PINE-SHELF").isPresent());
        }
    }
}
