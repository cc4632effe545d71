package io.scratchbird.spring.data.app;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.Repository;

/** Spring Data JPA 4's own vector search (derived queries returning SearchResults). */
public interface ProductSearchRepository extends Repository<Product, Long> {

    SearchResults<Product> searchByEmbeddingNear(Vector vector, Score score);

    SearchResults<Product> searchByCategoryAndEmbeddingNear(String category, Vector vector, Score score, Limit limit);

    SearchResults<Product> searchByEmbeddingWithin(Vector vector, Range<Similarity> range);
}
