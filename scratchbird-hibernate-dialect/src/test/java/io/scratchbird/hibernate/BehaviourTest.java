package io.scratchbird.hibernate;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.hibernate.model.Author;
import io.scratchbird.hibernate.model.Book;
import io.scratchbird.hibernate.model.Document;
import io.scratchbird.hibernate.model.Item;
import io.scratchbird.hibernate.model.Truck;
import io.scratchbird.hibernate.model.Vehicle;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.LockTimeoutException;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.StaleObjectStateException;
import org.hibernate.Timeouts;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generators, batching, locking, optimistic versions, constraint translation, dirty checking. */
class BehaviourTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static HibernateHarness h;
    static int firstStatement;

    @BeforeAll
    static void start() {
        firstStatement = HibernateHarness.mark();
        h = new HibernateHarness(db.server(), "create-drop",
                Map.of(AvailableSettings.STATEMENT_BATCH_SIZE, 20, AvailableSettings.ORDER_INSERTS, true,
                        AvailableSettings.CHECK_NULLABILITY, false,
                        AvailableSettings.CUSTOM_ENTITY_DIRTINESS_STRATEGY, JsonDirtinessStrategy.class.getName()),
                Item.class, Document.class, Author.class, Book.class, Vehicle.class, Truck.class);
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
    void identityAndSequenceGenerators() {
        int mark = HibernateHarness.mark();
        Item a = new Item("GEN-A", "a");
        Item b = new Item("GEN-B", "b");
        h.sessionFactory.inTransaction(s -> {
            s.persist(a);
            s.persist(b);
        });
        assertTrue(b.id > a.id);
        List<Document> docs = List.of(new Document("s1"), new Document("s2"), new Document("s3"),
                new Document("s4"), new Document("s5"), new Document("s6"));
        h.sessionFactory.inTransaction(s -> docs.forEach(s::persist));
        assertEquals(6, docs.stream().map(d -> d.id).distinct().count());
        List<String> sent = HibernateHarness.since(mark);
        assertTrue(sent.stream().anyMatch(q -> q.contains("next value for document_seq")), sent::toString);
        assertTrue(sent.stream().anyMatch(q -> q.startsWith("insert into item") && q.toLowerCase().endsWith("returning id")), sent::toString);
    }

    @Test
    void batchedInserts() {
        int mark = HibernateHarness.EVENTS.size();
        h.sessionFactory.inTransaction(s -> {
            for (int i = 0; i < 100; i++) {
                s.persist(new Author(10_000L + i, "author " + i));
            }
        });
        List<Integer> batchSizes;
        synchronized (HibernateHarness.EVENTS) {
            batchSizes = HibernateHarness.EVENTS.subList(mark, HibernateHarness.EVENTS.size()).stream()
                    .filter(e -> e.sql().startsWith("insert into Author"))
                    .map(e -> e.batchSize()).collect(Collectors.toList());
        }
        assertEquals(List.of(20, 20, 20, 20, 20), batchSizes);
        Long count = h.sessionFactory.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Author a where a.id >= 10000", Long.class).getSingleResult());
        assertEquals(100, count);
    }

    @Test
    void optimisticLocking() {
        Item item = new Item("OPT-1", "v0");
        h.sessionFactory.inTransaction(s -> s.persist(item));
        Session first = h.sessionFactory.openSession();
        Session second = h.sessionFactory.openSession();
        try {
            first.beginTransaction();
            second.beginTransaction();
            Item one = first.find(Item.class, item.id);
            Item two = second.find(Item.class, item.id);
            one.name = "first";
            first.getTransaction().commit();
            two.name = "second";
            RuntimeException e = assertThrows(RuntimeException.class, () -> second.getTransaction().commit());
            assertTrue(e instanceof OptimisticLockException || e.getCause() instanceof StaleObjectStateException, e::toString);
        } finally {
            first.close();
            second.close();
        }
        Item read = h.sessionFactory.fromTransaction(s -> s.find(Item.class, item.id));
        assertEquals("first", read.name);
        assertEquals(1, read.version);
    }

    @Test
    void pessimisticLocks() throws Exception {
        h.sessionFactory.inTransaction(s -> s.persist(new Author(1L, "locked")));
        int mark = HibernateHarness.mark();
        Session holder = h.sessionFactory.openSession();
        Session other = h.sessionFactory.openSession();
        try {
            holder.beginTransaction();
            assertNotNull(holder.find(Author.class, 1L, LockModeType.PESSIMISTIC_WRITE));

            other.beginTransaction();
            RuntimeException nowait = assertThrows(RuntimeException.class,
                    () -> other.find(Author.class, 1L, LockModeType.PESSIMISTIC_WRITE, Timeouts.NO_WAIT));
            assertTrue(isLockFailure(nowait), nowait::toString);
            other.getTransaction().rollback();

            other.beginTransaction();
            List<Author> skipped = other.createSelectionQuery("from Author a where a.id = 1", Author.class)
                    .setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList();
            assertTrue(skipped.isEmpty(), "a locked row is skipped");
            other.getTransaction().rollback();

            other.beginTransaction();
            RuntimeException timedOut = assertThrows(RuntimeException.class,
                    () -> other.find(Author.class, 1L, LockModeType.PESSIMISTIC_READ, jakarta.persistence.Timeout.milliseconds(200)));
            assertTrue(isLockFailure(timedOut), timedOut::toString);
            other.getTransaction().rollback();
            holder.getTransaction().commit();

            other.beginTransaction();
            Author now = other.find(Author.class, 1L, LockMode.UPGRADE_NOWAIT);
            assertEquals("locked", now.name);
            other.getTransaction().commit();
        } finally {
            holder.close();
            other.close();
        }
        List<String> sent = HibernateHarness.since(mark);
        assertTrue(sent.stream().anyMatch(q -> q.endsWith(" for update")), sent::toString);
        assertTrue(sent.stream().anyMatch(q -> q.endsWith(" for update nowait")), sent::toString);
        assertTrue(sent.stream().anyMatch(q -> q.endsWith(" for update skip locked")), sent::toString);
    }

    /** Hibernate's native API raises its own lock exceptions, JPA's API the jakarta ones. */
    private static boolean isLockFailure(RuntimeException e) {
        return e instanceof PessimisticLockException || e instanceof LockTimeoutException
                || e instanceof org.hibernate.PessimisticLockException || e instanceof org.hibernate.exception.LockTimeoutException;
    }

    @Test
    void constraintViolationsNameTheirConstraint() {
        h.sessionFactory.inTransaction(s -> s.persist(new Item("DUP-1", "first")));
        ConstraintViolationException unique = violation(() ->
                h.sessionFactory.inTransaction(s -> s.persist(new Item("DUP-1", "second"))));
        assertEquals(ConstraintKind.UNIQUE, unique.getKind());
        assertEquals("uk_item_sku", unique.getConstraintName());

        ConstraintViolationException fk = violation(() ->
                h.sessionFactory.inTransaction(s -> s.persist(new Book(1L, "orphan", s.getReference(Author.class, 999_999L)))));
        assertEquals(ConstraintKind.FOREIGN_KEY, fk.getKind());
        assertEquals("fk_book_author", fk.getConstraintName());

        ConstraintViolationException notNull = violation(() ->
                h.sessionFactory.inTransaction(s -> s.persist(new Author(5L, null))));
        assertEquals(ConstraintKind.NOT_NULL, notNull.getKind());
        assertEquals("name", notNull.getConstraintName().toLowerCase());

        // The connection that failed is still usable: the pool keeps working.
        assertEquals(1L, h.sessionFactory.<Long>fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Item i where i.sku = 'DUP-1'", Long.class).getSingleResult()));
    }

    private static ConstraintViolationException violation(Runnable r) {
        RuntimeException e = assertThrows(RuntimeException.class, r::run);
        Throwable t = e;
        while (t != null && !(t instanceof ConstraintViolationException)) {
            t = t.getCause();
        }
        return assertInstanceOf(ConstraintViolationException.class, t, e::toString);
    }

    @Test
    void unchangedJsonIsNotDirty() {
        Document d = new Document("dirty-check");
        d.attributes = Map.of("a", 1, "b", List.of("x"));
        d.dimensions = new Document.Dimensions(1, 2, "m");
        d.settings = new Document.Settings("light", 12, List.of("p"));
        d.tags = List.of("t");
        h.sessionFactory.inTransaction(s -> s.persist(d));
        int mark = HibernateHarness.mark();
        h.sessionFactory.inTransaction(s -> {
            Document loaded = s.find(Document.class, d.id);
            assertEquals("light", loaded.settings.theme);
        });
        assertTrue(HibernateHarness.since(mark).stream().noneMatch(q -> q.startsWith("update")),
                () -> "spurious update: " + HibernateHarness.since(mark));
        h.sessionFactory.inTransaction(s -> s.find(Document.class, d.id).settings.fontSize = 20);
        assertEquals(20, h.sessionFactory.fromTransaction(s -> s.find(Document.class, d.id)).settings.fontSize);
    }

    @Test
    void bulkDeleteAcrossJoinedTablesStaysInTheTransaction() {
        h.sessionFactory.inTransaction(s -> {
            s.persist(new Truck(1L, "volvo", 3));
            s.persist(new Truck(2L, "scania", 4));
        });
        Session session = h.sessionFactory.openSession();
        try {
            session.beginTransaction();
            session.persist(new Author(77L, "rolled back"));
            session.flush();
            int deleted = session.createMutationQuery("delete from Truck t where t.axles > 3").executeUpdate();
            assertEquals(1, deleted);
            session.getTransaction().rollback();
        } finally {
            session.close();
        }
        assertEquals(null, h.sessionFactory.<Author>fromTransaction(s -> s.find(Author.class, 77L)));
        assertEquals(2L, h.sessionFactory.<Long>fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Truck", Long.class).getSingleResult()));
        int deleted = h.sessionFactory.fromTransaction(s -> s.createMutationQuery(
                "delete from Truck t where t.axles > 3").executeUpdate());
        assertEquals(1, deleted);
        assertEquals(1L, h.sessionFactory.<Long>fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from Vehicle", Long.class).getSingleResult()));
    }
}
