package io.scratchbird.spring.data;

/**
 * An entity found by a vector search, with its distance to the query vector in the search's
 * {@link Metric} (smaller is nearer).
 */
public record Scored<T>(T entity, double distance) {
}
