package io.scratchbird.spring.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.scratchbird.types.Range;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.Assert;

/**
 * JPA {@link Specification} factories for ScratchBird's JSON, range and vector types, built on the
 * Hibernate dialect's HQL functions ({@code json_value}, {@code json_exists},
 * {@code range_contains_element}, {@code range_contains}, {@code range_overlaps}, {@code l2_distance}
 * …; see docs/hibernate.md) — SBsql's portable functions, never PostgreSQL's {@code @>}/{@code &&}
 * operators. Use them with {@code JpaSpecificationExecutor} or as the filter of
 * {@link VectorSearchRepository#nearest(String, float[], Metric, int, Specification)}:
 *
 * <pre>{@code
 * products.findAll(jsonPathEquals("attributes", "$.color", "red").and(rangeContains("validity", today)));
 * }</pre>
 *
 * Attributes are entity attribute names; a dotted name ({@code "details.attributes"}) walks
 * embeddables and to-one associations.
 */
public final class ScratchBirdSpecifications {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ScratchBirdSpecifications() {
    }

    // ---- JSON ----

    /**
     * The scalar at SQL/JSON {@code jsonPath} (lax mode: {@code $.a.b}, {@code $.list[0]}) of the JSON
     * attribute equals {@code value}, compared as text ({@code json_value} returns the scalar's text:
     * {@code 3}, {@code 2.5}, {@code true}, {@code red}).
     */
    public static <T> Specification<T> jsonPathEquals(String attribute, String jsonPath, Object value) {
        Assert.hasText(jsonPath, "jsonPath must not be empty");
        Assert.notNull(value, "value must not be null (use jsonPathExists(...).not() for absence)");
        return (root, query, cb) -> cb.equal(jsonValue(cb, path(root, attribute), jsonPath), String.valueOf(value));
    }

    /** The JSON attribute has an item at SQL/JSON {@code jsonPath} ({@code json_exists}). */
    public static <T> Specification<T> jsonPathExists(String attribute, String jsonPath) {
        Assert.hasText(jsonPath, "jsonPath must not be empty");
        return (root, query, cb) -> cb.isTrue(cb.function("json_exists", Boolean.class, path(root, attribute),
                cb.literal(jsonPath)));
    }

    /**
     * JSONB containment of an object fragment, like PostgreSQL's {@code doc @> '{"a":{"b":1}}'} for
     * objects: every scalar leaf of {@code fragment} (nested maps are walked) must be present with an
     * equal value. SBsql's {@code @>} is profile-only and its JSON path subset has no filters, so
     * array containment cannot be expressed portably: a list anywhere in {@code fragment} is refused.
     */
    public static <T> Specification<T> jsonContains(String attribute, Map<String, ?> fragment) {
        Assert.notEmpty(fragment, "fragment must not be empty");
        List<String[]> leaves = new ArrayList<>();
        flatten("$", fragment, leaves);
        return (root, query, cb) -> {
            Expression<?> doc = path(root, attribute);
            List<Predicate> predicates = new ArrayList<>();
            for (String[] leaf : leaves) {
                predicates.add(cb.equal(jsonValue(cb, doc, leaf[0]), leaf[1]));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static void flatten(String prefix, Map<String, ?> map, List<String[]> leaves) {
        map.forEach((key, value) -> {
            String path = prefix + (PLAIN_KEY.matcher(key).matches() ? "." + key
                    : ".\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                flatten(path, typed, leaves);
            } else if (value instanceof Iterable<?> || (value != null && value.getClass().isArray())) {
                throw new IllegalArgumentException("jsonContains cannot express array containment at " + path
                        + " (SBsql has no portable @> and no JSON path filters); use jsonPathEquals on an element path");
            } else if (value == null) {
                throw new IllegalArgumentException("jsonContains cannot match a JSON null at " + path);
            } else {
                leaves.add(new String[] { path, String.valueOf(value) });
            }
        });
    }

    private static Expression<String> jsonValue(CriteriaBuilder cb, Expression<?> doc, String jsonPath) {
        return cb.function("json_value", String.class, doc, cb.literal(jsonPath));
    }

    // ---- ranges ----

    /** The range attribute contains the element {@code value} ({@code range_contains_element}). */
    public static <T> Specification<T> rangeContains(String attribute, Object value) {
        Assert.notNull(value, "value must not be null");
        return (root, query, cb) -> cb.isTrue(cb.function("range_contains_element", Boolean.class,
                path(root, attribute), bind(cb, value)));
    }

    /** The range attribute contains the whole of {@code range} ({@code range_contains}). */
    public static <T> Specification<T> rangeContainsRange(String attribute, Range<?> range) {
        Assert.notNull(range, "range must not be null");
        return (root, query, cb) -> cb.isTrue(cb.function("range_contains", Boolean.class, path(root, attribute),
                bind(cb, range)));
    }

    /** The range attribute overlaps {@code range} ({@code range_overlaps}). */
    public static <T> Specification<T> rangeOverlaps(String attribute, Range<?> range) {
        Assert.notNull(range, "range must not be null");
        return (root, query, cb) -> cb.isTrue(cb.function("range_overlaps", Boolean.class, path(root, attribute),
                bind(cb, range)));
    }

    // ---- vectors ----

    /** The vector attribute lies within {@code maxDistance} of {@code query} in {@code metric}. */
    public static <T> Specification<T> vectorWithin(String attribute, float[] query, Metric metric, double maxDistance) {
        Assert.notNull(query, "query must not be null");
        Assert.notNull(metric, "metric must not be null");
        return (root, q, cb) -> cb.le(cb.function(metric.function(), Double.class, path(root, attribute),
                bind(cb, query)), maxDistance);
    }

    /**
     * A value bound as a JDBC parameter. {@code cb.literal(...)} would let Hibernate render some values
     * inline, and a range renders as bare {@code [a,b)} text, which is not SBsql.
     */
    static <V> Expression<V> bind(CriteriaBuilder cb, V value) {
        if (cb instanceof HibernateCriteriaBuilder hibernate) {
            return hibernate.value(value);
        }
        return cb.literal(value);
    }

    /** Resolves a possibly dotted attribute name against {@code root}. */
    static <X> Path<X> path(Root<?> root, String attribute) {
        Assert.hasText(attribute, "attribute must not be empty");
        Path<?> path = root;
        for (String part : attribute.split("\\.")) {
            path = path.get(part);
        }
        @SuppressWarnings("unchecked")
        Path<X> typed = (Path<X>) path;
        return typed;
    }
}
