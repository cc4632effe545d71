package io.scratchbird.hibernate;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.hibernate.model.Document;
import io.scratchbird.hibernate.model.Embedding;
import io.scratchbird.hibernate.model.Place;
import io.scratchbird.hibernate.model.Slot;
import io.scratchbird.types.Range;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HQL and Criteria with each function family, and pagination in every shape, on real data. */
class QueriesTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static HibernateHarness h;
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    static int firstStatement;

    @BeforeAll
    static void data() {
        firstStatement = HibernateHarness.mark();
        // JSON functions in HQL are a Hibernate "tech preview": applications opt in (the starter does).
        h = new HibernateHarness(db.server(), "create-drop", Map.of("hibernate.query.hql.json_functions_enabled", true),
                Document.class, Slot.class, Place.class, Embedding.class);
        h.sessionFactory.inTransaction(s -> {
            s.persist(new Embedding("x", 1, 0, 0));
            s.persist(new Embedding("y", 0, 1, 0));
            s.persist(new Embedding("z", 0, 0, 1));
            s.persist(new Embedding("xy", 1, 1, 0));
            for (int i = 0; i < 20; i++) {
                Document d = new Document("doc-" + (100 + i));
                d.attributes = Map.of("color", i % 2 == 0 ? "red" : "blue", "size", i);
                d.tags = i % 5 == 0 ? List.of("featured") : List.of();
                s.persist(d);
            }
            Slot a = new Slot("a");
            a.seats = Range.closedOpen(1, 10);
            a.days = Range.closedOpen(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1));
            a.priceBand = Range.closed(new BigDecimal("10"), new BigDecimal("20"));
            Slot b = new Slot("b");
            b.seats = Range.closedOpen(10, 20);
            b.days = Range.closedOpen(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1));
            b.priceBand = Range.closed(new BigDecimal("30"), new BigDecimal("40"));
            s.persist(a);
            s.persist(b);
            Place paris = new Place("paris");
            paris.location = point(2.35, 48.85);
            Place london = new Place("london");
            london.location = point(-0.12, 51.5);
            Place nowhere = new Place("nowhere");
            nowhere.location = point(100, 0);
            s.persist(paris);
            s.persist(london);
            s.persist(nowhere);
        });
    }

    static Point point(double x, double y) {
        return WGS84.createPoint(new Coordinate(x, y));
    }

    @AfterAll
    static void stop() {
        h.close();
        for (String sql : HibernateHarness.since(firstStatement)) {
            for (Pattern p : HibernateHarness.FORBIDDEN) {
                assertFalse(p.matcher(sql).find(), () -> "forbidden form " + p + " in: " + sql);
            }
        }
    }

    @Test
    void nearestNeighboursByEachVectorFunction() {
        float[] q = {0.9f, 0.1f, 0};
        List<String> l2 = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select e.label from Embedding e order by l2_distance(e.vector, :q) limit 2", String.class)
                .setParameter("q", q).getResultList());
        assertEquals(List.of("x", "xy"), l2);
        List<String> cosine = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select e.label from Embedding e order by cosine_distance(e.vector, :q), e.label", String.class)
                .setParameter("q", new float[] {1, 1, 0}).setMaxResults(1).getResultList());
        assertEquals(List.of("xy"), cosine);
        Double ip = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select inner_product(e.vector, :q) from Embedding e where e.label = 'xy'", Double.class)
                .setParameter("q", new float[] {2, 3, 4}).getSingleResult());
        assertEquals(5.0, ip, 1e-9);
        Double negative = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select negative_inner_product(e.vector, :q) from Embedding e where e.label = 'xy'", Double.class)
                .setParameter("q", new float[] {2, 3, 4}).getSingleResult());
        assertEquals(-5.0, negative, 1e-9);
        Integer dims = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select vector_dims(e.vector) from Embedding e where e.label = 'x'", Integer.class).getSingleResult());
        assertEquals(3, dims);
        Double norm = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select vector_norm(e.vector) from Embedding e where e.label = 'xy'", Double.class).getSingleResult());
        assertEquals(Math.sqrt(2), norm, 1e-6);
    }

    @Test
    void vectorSearchThroughCriteria() {
        List<Embedding> nearest = h.sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<Embedding> cq = cb.createQuery(Embedding.class);
            Root<Embedding> e = cq.from(Embedding.class);
            cq.where(cb.notEqual(e.get("label"), "x"));
            cq.orderBy(cb.asc(cb.function("l2_distance", Double.class, e.get("vector"),
                    cb.literal(new float[] {1, 0, 0}))));
            return s.createQuery(cq).setMaxResults(1).getResultList();
        });
        assertEquals("xy", nearest.get(0).label);
    }

    @Test
    void jsonFunctions() {
        Long reds = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Document d where json_value(d.attributes, '$.color') = 'red'", Long.class)
                .getSingleResult());
        assertEquals(10, reds);
        List<String> big = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select d.title from Document d where cast(json_value(d.attributes, '$.size') as integer) >= 18 order by d.title",
                String.class).getResultList());
        assertEquals(List.of("doc-118", "doc-119"), big);
        Long featured = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Document d where json_exists(d.tags, '$[0]')", Long.class).getSingleResult());
        assertEquals(4, featured);
        String tags = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select json_query(d.tags, '$') from Document d where d.title = 'doc-100'", String.class).getSingleResult());
        assertTrue(tags.replace(" ", "").equals("[\"featured\"]"), tags);
        Integer length = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select json_array_length(d.tags) from Document d where d.title = 'doc-105'", Integer.class).getSingleResult());
        assertEquals(1, length);
    }

    @Test
    void rangeFunctions() {
        List<String> withSeatFive = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select s.label from Slot s where range_contains_element(s.seats, 5)", String.class).getResultList());
        assertEquals(List.of("a"), withSeatFive);
        List<String> overlapping = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select s.label from Slot s where range_overlaps(s.days, :r)", String.class)
                .setParameter("r", Range.closed(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 5, 1)))
                .getResultList());
        assertEquals(List.of("b"), overlapping);
        List<String> containing = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select s.label from Slot s where range_contains(s.priceBand, :r)", String.class)
                .setParameter("r", Range.closed(new BigDecimal("12"), new BigDecimal("15")))
                .getResultList());
        assertEquals(List.of("a"), containing);
        String lower = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select range_lower(s.seats) from Slot s where s.label = 'b'", String.class).getSingleResult());
        assertEquals("10", lower);
        Boolean upperInclusive = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select range_upper_inc(s.seats) from Slot s where s.label = 'b'", Boolean.class).getSingleResult());
        assertFalse(upperInclusive);
    }

    @Test
    void spatialFunctions() {
        List<String> near = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.name from Place p where st_dwithin(p.location, :here, 5) order by st_distance(p.location, :here)",
                String.class).setParameter("here", point(2.3, 48.9)).getResultList());
        assertEquals(List.of("paris", "london"), near);
        String wkt = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select st_astext(p.location) from Place p where p.name = 'nowhere'", String.class).getSingleResult());
        assertEquals("POINT (100 0)", wkt.replace("POINT(", "POINT ("));
        Integer srid = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select st_srid(p.location) from Place p where p.name = 'paris'", Integer.class).getSingleResult());
        assertEquals(4326, srid);
        List<String> inside = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select p.name from Place p where st_within(p.location, st_geomfromtext('POLYGON((0 40, 10 40, 10 60, 0 60, 0 40))', 4326))",
                String.class).getResultList());
        assertEquals(List.of("paris"), inside);
        Long touching = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Place p where st_intersects(p.location, :here)", Long.class)
                .setParameter("here", point(-0.12, 51.5)).getSingleResult());
        assertEquals(1, touching);
    }

    @Test
    void paginationInEveryShape() {
        String hql = "select d.title from Document d order by d.title";
        int mark = HibernateHarness.mark();
        List<String> firstPage = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(hql, String.class)
                .setMaxResults(3).getResultList());
        assertEquals(List.of("doc-100", "doc-101", "doc-102"), firstPage);
        List<String> thirdPage = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(hql, String.class)
                .setFirstResult(6).setMaxResults(3).getResultList());
        assertEquals(List.of("doc-106", "doc-107", "doc-108"), thirdPage);
        List<String> tail = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(hql, String.class)
                .setFirstResult(18).getResultList());
        assertEquals(List.of("doc-118", "doc-119"), tail);
        List<String> hqlLimit = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                hql + " offset 1 rows fetch first 2 rows only", String.class).getResultList());
        assertEquals(List.of("doc-101", "doc-102"), hqlLimit);
        List<String> offsetOnlyInHql = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                hql + " offset 19", String.class).getResultList());
        assertEquals(List.of("doc-119"), offsetOnlyInHql);
        List<Object> nativeLimited = h.sessionFactory.fromTransaction(s -> s.createNativeQuery(
                "select title from Document order by title", Object.class).setFirstResult(2).setMaxResults(1).getResultList());
        assertEquals(List.of("doc-102"), nativeLimited);

        List<String> sent = HibernateHarness.since(mark);
        assertTrue(sent.stream().anyMatch(q -> q.contains(" limit ? offset ?")), sent::toString);
        assertTrue(sent.stream().anyMatch(q -> q.matches(".* limit \\d+ offset \\?.*")), sent::toString);
    }

    @Test
    void fetchWithTiesIsEmulated() {
        List<String> tied = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select d.title from Document d order by cast(json_value(d.attributes, '$.color') as string) fetch first 1 rows with ties",
                String.class).getResultList());
        assertEquals(10, tied.size());
    }
}
