package io.scratchbird.hibernate;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.hibernate.model.Author;
import io.scratchbird.hibernate.model.Document;
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
import org.locationtech.jts.geom.PrecisionModel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Criteria with the JSON, range and spatial families; upsert through a stateless session; clock functions. */
class CriteriaAndUpsertTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static HibernateHarness h;
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @BeforeAll
    static void data() {
        h = new HibernateHarness(db.server(), "create-drop", Map.of("hibernate.query.hql.json_functions_enabled", true),
                Document.class, Slot.class, Place.class, Author.class);
        h.sessionFactory.inTransaction(s -> {
            Document d = new Document("red one");
            d.attributes = Map.of("color", "red");
            s.persist(d);
            Document e = new Document("blue one");
            e.attributes = Map.of("color", "blue");
            s.persist(e);
            Slot slot = new Slot("winter");
            slot.days = Range.closedOpen(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1));
            s.persist(slot);
            Place p = new Place("origin");
            p.location = WGS84.createPoint(new Coordinate(0, 0));
            s.persist(p);
            Place q = new Place("far");
            q.location = WGS84.createPoint(new Coordinate(50, 50));
            s.persist(q);
        });
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void jsonRangeAndSpatialThroughCriteria() {
        List<String> red = h.sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<String> cq = cb.createQuery(String.class);
            Root<Document> d = cq.from(Document.class);
            cq.select(d.get("title")).where(cb.equal(
                    cb.function("json_get_text", String.class, d.get("attributes"), cb.literal("color")), "red"));
            return s.createQuery(cq).getResultList();
        });
        assertEquals(List.of("red one"), red);

        List<String> inFebruary = h.sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<String> cq = cb.createQuery(String.class);
            Root<Slot> slot = cq.from(Slot.class);
            cq.select(slot.get("label")).where(cb.isTrue(cb.function("range_contains_element", Boolean.class,
                    slot.get("days"), cb.literal(LocalDate.of(2025, 2, 14)))));
            return s.createQuery(cq).getResultList();
        });
        assertEquals(List.of("winter"), inFebruary);

        List<String> overlapping = h.sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<String> cq = cb.createQuery(String.class);
            Root<Slot> slot = cq.from(Slot.class);
            // A range as a literal in the SQL, not a parameter.
            cq.select(slot.get("label")).where(cb.isTrue(cb.function("range_overlaps", Boolean.class,
                    slot.get("days"), cb.literal(Range.closed(LocalDate.of(2025, 2, 27), LocalDate.of(2025, 3, 5))))));
            return s.createQuery(cq).getResultList();
        });
        assertEquals(List.of("winter"), overlapping);

        List<String> near = h.sessionFactory.fromTransaction(s -> {
            CriteriaBuilder cb = s.getCriteriaBuilder();
            CriteriaQuery<String> cq = cb.createQuery(String.class);
            Root<Place> p = cq.from(Place.class);
            cq.select(p.get("name")).where(cb.isTrue(cb.function("st_dwithin", Boolean.class, p.get("location"),
                    cb.literal(WGS84.createPoint(new Coordinate(1, 1))), cb.literal(5.0))));
            return s.createQuery(cq).getResultList();
        });
        assertEquals(List.of("origin"), near);
    }

    @Test
    void upsertInsertsThenUpdates() {
        int mark = HibernateHarness.mark();
        h.sessionFactory.inStatelessTransaction(s -> s.upsert(new Author(500L, "first")));
        h.sessionFactory.inStatelessTransaction(s -> s.upsert(new Author(500L, "second")));
        assertEquals("second", h.sessionFactory.fromTransaction(s -> s.find(Author.class, 500L)).name);
        assertTrue(HibernateHarness.since(mark).stream().anyMatch(q -> q.startsWith("merge into")),
                () -> HibernateHarness.since(mark).toString());
    }

    @Test
    void clockFunctions() {
        Object[] row = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select local_date, local_datetime, offset_datetime, current_timestamp", Object[].class).getSingleResult());
        assertEquals(LocalDate.now(), row[0]);
        assertTrue(row[1] instanceof LocalDateTime, () -> String.valueOf(row[1]));
        assertTrue(row[2] instanceof OffsetDateTime, () -> String.valueOf(row[2]));
        assertTrue(row[3] != null);
    }
}
