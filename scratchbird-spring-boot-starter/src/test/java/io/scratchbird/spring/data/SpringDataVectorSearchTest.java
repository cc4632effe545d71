package io.scratchbird.spring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import io.scratchbird.spring.data.app.Product;
import io.scratchbird.spring.data.app.ProductRepository;
import io.scratchbird.spring.data.app.ProductSearchRepository;
import io.scratchbird.spring.data.app.RepositoryTestApplication;
import io.scratchbird.types.Range;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Vector;

/**
 * Spring Data JPA 4's own vector search ({@code …Near}/{@code …Within} derived queries returning
 * {@link SearchResults}) on ScratchBird: Spring Data renders {@code euclidean_distance},
 * {@code cosine_distance} and {@code negative_inner_product} HQL functions, which the dialect
 * registers (no hibernate-vector needed).
 */
@SpringBootTest(classes = RepositoryTestApplication.class, properties = {
        "scratchbird.embedded.in-memory=true",
        "spring.jpa.hibernate.ddl-auto=create-drop" })
class SpringDataVectorSearchTest {

    @Autowired
    ProductRepository products;

    @Autowired
    ProductSearchRepository search;

    @BeforeEach
    void data() {
        products.deleteAll();
        products.save(new Product("x", "axis", Map.of(), Range.all(), Range.all(), 1f, 0f, 0f));
        products.save(new Product("xy", "diagonal", Map.of(), Range.all(), Range.all(), 1f, 1f, 0f));
        products.save(new Product("y", "axis", Map.of(), Range.all(), Range.all(), 0f, 1f, 0f));
        products.save(new Product("z", "axis", Map.of(), Range.all(), Range.all(), 0f, 0f, 3f));
    }

    @Test
    void nearWithEuclideanScore() {
        SearchResults<Product> results = search.searchByEmbeddingNear(Vector.of(1f, 0.1f, 0f),
                Score.of(1.1, ScoringFunction.euclidean()));
        assertThat(results.getContent()).extracting(r -> r.getContent().getName()).containsExactly("x", "xy");
        SearchResult<Product> first = results.getContent().get(0);
        assertThat(first.getScore().getValue()).isCloseTo(0.1, within(1e-5));
    }

    @Test
    void nearWithCosineFilterAndLimit() {
        SearchResults<Product> results = search.searchByCategoryAndEmbeddingNear("axis", Vector.of(1f, 0.2f, 0f),
                Score.of(2.0, ScoringFunction.cosine()), Limit.of(2));
        assertThat(results.getContent()).extracting(r -> r.getContent().getName()).containsExactly("x", "y");
    }

    @Test
    void withinSimilarityRange() {
        SearchResults<Product> results = search.searchByEmbeddingWithin(Vector.of(0f, 1f, 0f),
                Similarity.between(0.7, 1.0, ScoringFunction.cosine()));
        assertThat(results.getContent()).extracting(r -> r.getContent().getName()).containsExactly("y", "xy");
    }
}
