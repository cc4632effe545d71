package io.scratchbird.demo.catalog;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Spring Data JPA, plus ScratchBird's vector, JSONB and range functions in HQL (docs/hibernate.md). */
public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findBySku(String sku);

    List<Product> findAllByOrderByNameAsc();

    /**
     * Nearest neighbours by cosine distance of the embeddings, the product itself excluded, ties by id:
     * answered through the HNSW index {@code product_embedding_hnsw} (SearchIndexes).
     */
    @Query("select p from Product p where p.id <> :id order by cosine_distance(p.embedding, :embedding), p.id")
    List<Product> findSimilar(@Param("id") long id, @Param("embedding") float[] embedding, Limit limit);

    /** A JSONB attribute compared as text: {@code json_value(attributes, '$.color') = 'red'}. */
    @Query("select p from Product p where json_value(p.attributes, :path) = :value order by p.name")
    List<Product> findByAttribute(@Param("path") String jsonPath, @Param("value") String value);

    /** Products whose availability range contains the day. */
    @Query("select p from Product p where range_contains_element(p.availability, :day) order by p.name")
    List<Product> findAvailableOn(@Param("day") LocalDate day);
}
