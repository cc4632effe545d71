package io.scratchbird.spring.data;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.core.RepositoryMethodContext;
import org.springframework.data.repository.core.support.RepositoryMetadataAccess;
import org.springframework.util.Assert;

/**
 * The implementation of {@link VectorSearchRepository}, registered for every repository that extends
 * it through {@code META-INF/spring.factories}. It learns the repository's domain type from
 * {@link RepositoryMethodContext} (implementing {@link RepositoryMetadataAccess} turns that on).
 */
public class VectorSearchRepositoryImpl<T> implements VectorSearchRepository<T>, RepositoryMetadataAccess {

    private final EntityManager entityManager;

    public VectorSearchRepositoryImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Scored<T>> nearest(String attribute, float[] query, Metric metric, int k) {
        return nearest(attribute, query, metric, k, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Scored<T>> nearest(String attribute, float[] query, Metric metric, int k, Specification<T> filter) {
        Assert.hasText(attribute, "attribute must name the vector attribute");
        Assert.notNull(query, "query vector must not be null");
        Assert.notNull(metric, "metric must not be null");
        Assert.isTrue(k > 0, "k must be positive");
        Class<T> domainType = (Class<T>) RepositoryMethodContext.getContext().getMetadata().getDomainType();
        return search(entityManager, domainType, attribute, query, metric, k, filter);
    }

    /** The query itself, usable without a repository. */
    public static <T> List<Scored<T>> search(EntityManager entityManager, Class<T> domainType, String attribute,
            float[] query, Metric metric, int k, Specification<T> filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<T> root = cq.from(domainType);
        Expression<Double> distance = cb.function(metric.function(), Double.class,
                ScratchBirdSpecifications.path(root, attribute), ScratchBirdSpecifications.bind(cb, query));
        cq.multiselect(root, distance);
        if (filter != null) {
            Predicate predicate = filter.toPredicate(root, cq, cb);
            if (predicate != null) {
                cq.where(predicate);
            }
        }
        cq.orderBy(cb.asc(distance));
        List<Object[]> rows = entityManager.createQuery(cq).setMaxResults(k).getResultList();
        List<Scored<T>> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Scored<>(domainType.cast(row[0]), ((Number) row[1]).doubleValue()));
        }
        return result;
    }
}
