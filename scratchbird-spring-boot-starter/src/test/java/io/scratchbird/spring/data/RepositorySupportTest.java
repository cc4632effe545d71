package io.scratchbird.spring.data;

import static io.scratchbird.spring.data.ScratchBirdSpecifications.jsonContains;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.jsonPathEquals;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.jsonPathExists;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.rangeContains;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.rangeContainsRange;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.rangeOverlaps;
import static io.scratchbird.spring.data.ScratchBirdSpecifications.vectorWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.scratchbird.spring.data.app.Product;
import io.scratchbird.spring.data.app.ProductRepository;
import io.scratchbird.spring.data.app.RepositoryTestApplication;
import io.scratchbird.types.Range;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;

/**
 * The starter's repository support against the embedded server: JSON path / containment, range and
 * vector Specifications, and the {@link VectorSearchRepository} fragment (top-k by each metric, with
 * and without a filter).
 */
@SpringBootTest(classes = RepositoryTestApplication.class, properties = {
        "scratchbird.embedded.in-memory=true",
        "spring.jpa.hibernate.ddl-auto=create-drop" })
class RepositorySupportTest {

    @Autowired
    ProductRepository products;

    @BeforeEach
    void data() {
        products.deleteAll();
        products.save(new Product("red shirt", "clothes", Map.of("color", "red", "size", Map.of("w", 3)),
                Range.closedOpen(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)), Range.closedOpen(1, 5), 1f, 0f, 0f));
        products.save(new Product("blue shirt", "clothes", Map.of("color", "blue", "size", Map.of("w", 4)),
                Range.closedOpen(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 6, 1)), Range.closedOpen(4, 10), 0.9f, 0.1f, 0f));
        products.save(new Product("red mug", "kitchen", Map.of("color", "red", "material", "ceramic"),
                Range.closedOpen(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 1)), Range.closedOpen(10, 20), 0f, 1f, 0f));
        products.save(new Product("green lamp", "home", Map.of("color", "green", "on sale", true),
                Range.atLeast(LocalDate.of(2024, 1, 1)), Range.closedOpen(20, 30), 0f, 0f, 2f));
    }

    private List<String> names(List<Product> found) {
        return found.stream().map(Product::getName).sorted().toList();
    }

    @Test
    void jsonPathPredicates() {
        assertThat(names(products.findAll(jsonPathEquals("attributes", "$.color", "red"))))
                .containsExactly("red mug", "red shirt");
        assertThat(names(products.findAll(jsonPathEquals("attributes", "$.size.w", 4)))).containsExactly("blue shirt");
        assertThat(names(products.findAll(jsonPathExists("attributes", "$.material")))).containsExactly("red mug");
        assertThat(names(products.findAll(Specification_not(jsonPathExists("attributes", "$.size")))))
                .containsExactly("green lamp", "red mug");
    }

    private static <T> org.springframework.data.jpa.domain.Specification<T> Specification_not(
            org.springframework.data.jpa.domain.Specification<T> spec) {
        return org.springframework.data.jpa.domain.Specification.not(spec);
    }

    @Test
    void jsonContainment() {
        assertThat(names(products.findAll(jsonContains("attributes", Map.of("color", "red", "size", Map.of("w", 3))))))
                .containsExactly("red shirt");
        assertThat(names(products.findAll(jsonContains("attributes", Map.of("color", "green", "on sale", true)))))
                .containsExactly("green lamp");
        assertThat(products.findAll(jsonContains("attributes", Map.of("color", "red", "material", "steel")))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> jsonContains("attributes", Map.of("tags", List.of("a"))))
                .withMessageContaining("array containment");
    }

    @Test
    void rangePredicates() {
        assertThat(names(products.findAll(rangeContains("validity", LocalDate.of(2025, 2, 14)))))
                .containsExactly("blue shirt", "green lamp", "red shirt");
        assertThat(names(products.findAll(rangeContains("sizes", 4)))).containsExactly("blue shirt", "red shirt");
        assertThat(names(products.findAll(rangeOverlaps("validity",
                Range.closedOpen(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 8, 1))))))
                .containsExactly("green lamp", "red mug");
        assertThat(names(products.findAll(rangeContainsRange("sizes", Range.closed(5, 9))))).containsExactly("blue shirt");
        assertThat(names(products.findAll(ScratchBirdSpecifications.<Product>rangeContains("validity", LocalDate.of(2025, 2, 14))
                .and(jsonPathEquals("attributes", "$.color", "red"))))).containsExactly("red shirt");
    }

    @Test
    void nearestByEachMetric() {
        float[] query = { 1f, 0.05f, 0f };
        List<Scored<Product>> l2 = products.nearest("embedding", query, Metric.L2, 2);
        assertThat(l2).extracting(s -> s.entity().getName()).containsExactly("red shirt", "blue shirt");
        assertThat(l2.get(0).distance()).isCloseTo(0.05, within(1e-5));

        List<Scored<Product>> cosine = products.nearest("embedding", query, Metric.COSINE, 3);
        assertThat(cosine).extracting(s -> s.entity().getName()).containsExactly("red shirt", "blue shirt", "red mug");
        assertThat(cosine.get(0).distance()).isLessThan(cosine.get(1).distance());

        // Inner product: the largest product first; the lamp's long vector wins for a query along z.
        List<Scored<Product>> inner = products.nearest("embedding", new float[] { 0f, 0.5f, 1f }, Metric.INNER_PRODUCT, 2);
        assertThat(inner).extracting(s -> s.entity().getName()).containsExactly("green lamp", "red mug");
        assertThat(inner.get(0).distance()).isCloseTo(-2.0, within(1e-6));
    }

    @Test
    void nearestWithFilter() {
        float[] query = { 0f, 1f, 0f };
        List<Scored<Product>> clothes = products.nearest("embedding", query, Metric.L2, 5,
                (root, q, cb) -> cb.equal(root.get("category"), "clothes"));
        assertThat(clothes).extracting(s -> s.entity().getName()).containsExactly("blue shirt", "red shirt");

        List<Scored<Product>> redInSummer = products.nearest("embedding", query, Metric.COSINE, 5,
                ScratchBirdSpecifications.<Product>jsonPathEquals("attributes", "$.color", "red").and(rangeContains("validity", LocalDate.of(2025, 6, 1))));
        assertThat(redInSummer).extracting(s -> s.entity().getName()).containsExactly("red mug");

        assertThat(names(products.findAll(vectorWithin("embedding", new float[] { 1f, 0f, 0f }, Metric.L2, 0.5),
                Sort.by("name")))).containsExactly("blue shirt", "red shirt");
    }
}
