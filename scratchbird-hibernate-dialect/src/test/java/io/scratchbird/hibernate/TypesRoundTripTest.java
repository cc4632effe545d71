package io.scratchbird.hibernate;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.hibernate.model.Document;
import io.scratchbird.hibernate.model.Embedding;
import io.scratchbird.hibernate.model.Item;
import io.scratchbird.hibernate.model.Place;
import io.scratchbird.hibernate.model.Slot;
import io.scratchbird.types.Range;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mapped type written by Hibernate, read back in a fresh session, equal to what was written. */
class TypesRoundTripTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static HibernateHarness h;

    @BeforeAll
    static void start() {
        h = new HibernateHarness(db.server(), "create-drop",
                Item.class, Document.class, Slot.class, Place.class, Embedding.class);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void theDialectIsResolvedFromTheDriverMetadata() {
        var dialect = ((SessionFactoryImplementor) h.sessionFactory).getJdbcServices().getDialect();
        assertInstanceOf(ScratchBirdDialect.class, dialect);
    }

    @Test
    void ordinaryTypes() {
        Item item = new Item("SKU-1", "Grüße, 世界 \uD83D\uDE00");
        item.price = new BigDecimal("1234567890.25");
        item.active = true;
        item.quantity = Integer.MIN_VALUE;
        item.views = Long.MAX_VALUE;
        item.shelf = Short.MAX_VALUE;
        item.grade = Byte.MIN_VALUE;
        item.rating = 4.123456789012345;
        item.weight = 1.5f;
        item.status = Item.Status.LIVE;
        item.releaseDate = LocalDate.of(1999, 12, 31);
        item.openingTime = LocalTime.of(8, 30, 15, 123_456_000);
        item.localStamp = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000);
        item.offsetStamp = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(5));
        item.instant = Instant.parse("2001-09-09T01:46:40.123456Z");
        item.shelfLife = Duration.ofDays(3).plusSeconds(7);
        item.reference = UUID.randomUUID();
        item.description = "x".repeat(100_000);
        item.picture = new byte[70_000];
        item.picture[69_999] = 7;
        item.notes = "plain text";
        item.checksum = "abc".getBytes(StandardCharsets.UTF_8);
        h.sessionFactory.inTransaction(s -> s.persist(item));
        assertNotNull(item.id);

        Item read = h.sessionFactory.fromTransaction(s -> s.find(Item.class, item.id));
        assertEquals(item.sku, read.sku);
        assertEquals(item.name, read.name);
        assertEquals(item.price, read.price);
        assertTrue(read.active);
        assertEquals(item.quantity, read.quantity);
        assertEquals(item.views, read.views);
        assertEquals(item.shelf, read.shelf);
        assertEquals(item.grade, read.grade);
        assertEquals(item.rating, read.rating);
        assertEquals(item.weight, read.weight);
        assertNull(read.optionalWeight);
        assertEquals(item.status, read.status);
        assertEquals(item.releaseDate, read.releaseDate);
        assertEquals(item.openingTime, read.openingTime);
        assertEquals(item.localStamp, read.localStamp);
        assertEquals(item.offsetStamp.toInstant(), read.offsetStamp.toInstant());
        assertEquals(item.instant, read.instant);
        assertEquals(item.shelfLife, read.shelfLife);
        assertEquals(item.reference, read.reference);
        assertEquals(item.description, read.description);
        assertArrayEquals(item.picture, read.picture);
        assertEquals(item.notes, read.notes);
        assertArrayEquals(item.checksum, read.checksum);
        assertEquals(0, read.version);
    }

    @Test
    void jsonAttributes() {
        Document d = new Document("spec");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("color", "red");
        attributes.put("size", 42);
        attributes.put("nested", Map.of("ok", true));
        attributes.put("list", List.of(1, 2, 3));
        attributes.put("unicode", "ünï \"quoted\" \\ back");
        d.attributes = attributes;
        d.dimensions = new Document.Dimensions(2.5, 4, "cm");
        d.settings = new Document.Settings("dark", 14, List.of("a", "b"));
        d.tags = List.of("x", "y");
        h.sessionFactory.inTransaction(s -> s.persist(d));

        Document read = h.sessionFactory.fromTransaction(s -> s.find(Document.class, d.id));
        assertEquals(attributes, read.attributes);
        assertEquals(d.dimensions, read.dimensions);
        assertEquals("dark", read.settings.theme);
        assertEquals(14, read.settings.fontSize);
        assertEquals(List.of("a", "b"), read.settings.plugins);
        assertEquals(List.of("x", "y"), read.tags);

        Document empty = new Document("nulls");
        h.sessionFactory.inTransaction(s -> s.persist(empty));
        Document readEmpty = h.sessionFactory.fromTransaction(s -> s.find(Document.class, empty.id));
        assertNull(readEmpty.attributes);
        assertNull(readEmpty.dimensions);
    }

    @Test
    void ranges() {
        Slot slot = new Slot("all kinds");
        slot.seats = Range.closedOpen(1, 10);
        slot.ticketNumbers = Range.atLeast(5_000_000_000L);
        slot.priceBand = Range.closed(new BigDecimal("9.99"), new BigDecimal("19.99"));
        slot.days = Range.closed(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
        slot.localHours = Range.closedOpen(LocalDateTime.of(2025, 1, 1, 9, 0), LocalDateTime.of(2025, 1, 1, 17, 30));
        slot.hours = Range.closedOpen(OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2025, 1, 1, 17, 0, 0, 0, ZoneOffset.UTC));
        h.sessionFactory.inTransaction(s -> s.persist(slot));

        Slot read = h.sessionFactory.fromTransaction(s -> s.find(Slot.class, slot.id));
        assertEquals(slot.seats, read.seats);
        assertEquals(slot.ticketNumbers, read.ticketNumbers);
        assertEquals(0, slot.priceBand.lower().compareTo(read.priceBand.lower()));
        assertEquals(0, slot.priceBand.upper().compareTo(read.priceBand.upper()));
        // daterange is discrete: [a,b] is stored canonically as [a,b+1).
        assertEquals(Range.closedOpen(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)), read.days);
        assertEquals(slot.localHours, read.localHours);
        assertEquals(slot.hours.lower().toInstant(), read.hours.lower().toInstant());
        assertEquals(slot.hours.upper().toInstant(), read.hours.upper().toInstant());

        Slot edge = new Slot("empty and unbounded");
        edge.seats = Range.empty();
        edge.ticketNumbers = Range.all();
        edge.days = Range.lessThan(LocalDate.of(2030, 1, 1));
        h.sessionFactory.inTransaction(s -> s.persist(edge));
        Slot readEdge = h.sessionFactory.fromTransaction(s -> s.find(Slot.class, edge.id));
        assertTrue(readEdge.seats.isEmpty());
        assertEquals(Range.all(), readEdge.ticketNumbers);
        assertEquals(edge.days, readEdge.days);
        assertNull(readEdge.priceBand);
    }

    @Test
    void geometries() {
        GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        Place p = new Place("office");
        p.location = wgs84.createPoint(new Coordinate(2.2945, 48.8584));
        p.area = wgs84.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(0, 1),
                new Coordinate(1, 1), new Coordinate(1, 0), new Coordinate(0, 0)});
        p.anyShape = new GeometryFactory(new PrecisionModel(), 3857).createLineString(
                new Coordinate[] {new Coordinate(0, 0), new Coordinate(10, 10)});
        p.driverShape = io.scratchbird.types.Geometry.point(1, 2, 4326);
        h.sessionFactory.inTransaction(s -> s.persist(p));

        Place read = h.sessionFactory.fromTransaction(s -> s.find(Place.class, p.id));
        assertInstanceOf(Point.class, read.location);
        assertTrue(p.location.equalsExact(read.location));
        assertEquals(4326, read.location.getSRID());
        assertInstanceOf(Polygon.class, read.area);
        assertTrue(p.area.equalsExact(read.area));
        assertEquals(3857, read.anyShape.getSRID());
        assertEquals(p.driverShape, read.driverShape);
    }

    @Test
    void vectors() {
        Embedding e = new Embedding("v", 0.25f, -1.5f, 3e-7f);
        h.sessionFactory.inTransaction(s -> s.persist(e));
        Embedding read = h.sessionFactory.fromTransaction(s -> s.find(Embedding.class, e.id));
        assertArrayEquals(e.vector, read.vector);
    }
}
