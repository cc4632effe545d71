package io.scratchbird.spring.data;

/**
 * Vector distance metrics of SBsql, each rendered through the Hibernate dialect's HQL function of
 * the same name (see docs/hibernate.md). Smaller is always nearer.
 */
public enum Metric {

    /** Euclidean distance, {@code l2_distance(a, b)}. */
    L2("l2_distance"),
    /** Cosine distance ({@code 1 - cosine similarity}), {@code cosine_distance(a, b)}; zero vectors are refused by the server. */
    COSINE("cosine_distance"),
    /**
     * Inner product, ordered largest first: the distance is {@code negative_inner_product(a, b)},
     * so the nearest neighbour has the most negative distance.
     */
    INNER_PRODUCT("negative_inner_product");

    private final String function;

    Metric(String function) {
        this.function = function;
    }

    /** The HQL function that computes this metric's distance. */
    public String function() {
        return function;
    }
}
