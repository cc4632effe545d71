package io.scratchbird.spring.data;

import java.util.List;

import org.springframework.data.jpa.domain.Specification;

/**
 * A Spring Data repository fragment for k-nearest-neighbour search over a vector attribute
 * ({@code float[]} mapped with {@code @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = n)}). Extend it
 * next to {@code JpaRepository}:
 *
 * <pre>{@code
 * interface ProductRepository extends JpaRepository<Product, Long>, VectorSearchRepository<Product> {
 * }
 *
 * List<Scored<Product>> top5 = products.nearest("embedding", query, Metric.COSINE, 5);
 * }</pre>
 *
 * The implementation ({@link VectorSearchRepositoryImpl}) is contributed through
 * {@code META-INF/spring.factories}, so nothing has to be scanned or declared. It runs one Criteria
 * query: {@code select e, <metric>(e.attr, :query) ... order by 2 limit k}, which the dialect renders
 * as {@code order by l2_distance(col, ?) limit ?} (never the {@code <->} operators).
 *
 * @param <T> the repository's domain type
 */
public interface VectorSearchRepository<T> {

    /** The {@code k} entities whose {@code attribute} is nearest to {@code query}, nearest first. */
    List<Scored<T>> nearest(String attribute, float[] query, Metric metric, int k);

    /** As {@link #nearest(String, float[], Metric, int)}, among the entities {@code filter} selects. */
    List<Scored<T>> nearest(String attribute, float[] query, Metric metric, int k, Specification<T> filter);
}
