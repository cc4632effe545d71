package io.scratchbird.hibernate;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.hibernate.model.Author;
import io.scratchbird.hibernate.model.Book;
import io.scratchbird.hibernate.model.Document;
import io.scratchbird.hibernate.model.Embedding;
import io.scratchbird.hibernate.model.Item;
import io.scratchbird.hibernate.model.Place;
import io.scratchbird.hibernate.model.Slot;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hbm2ddl create, then validate and update against what the driver's metadata reports. */
class SchemaToolingTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static final Class<?>[] MODEL = {Item.class, Document.class, Slot.class, Place.class, Embedding.class,
            Author.class, Book.class};

    @Test
    void createdSchemaValidatesThenUpdateAddsWhatIsMissing() {
        new HibernateHarness(db.server(), "create", MODEL).close();
        // Every column type the dialect emitted is recognised again from DatabaseMetaData.
        new HibernateHarness(db.server(), "validate", MODEL).close();
        // update on an unchanged schema changes nothing.
        int mark = HibernateHarness.mark();
        new HibernateHarness(db.server(), "update", MODEL).close();
        assertTrue(HibernateHarness.since(mark).stream().noneMatch(q -> q.startsWith("alter table") || q.startsWith("create table")),
                () -> "update changed an up-to-date schema: " + HibernateHarness.since(mark));

        // A new column: validate refuses, update adds it, validate then accepts.
        SchemaManagementException missing = assertThrows(SchemaManagementException.class,
                () -> new HibernateHarness(db.server(), "validate", io.scratchbird.hibernate.model.v2.Author.class).close());
        assertTrue(missing.getMessage().contains("email"), missing::getMessage);
        new HibernateHarness(db.server(), "update", io.scratchbird.hibernate.model.v2.Author.class).close();
        new HibernateHarness(db.server(), "validate", io.scratchbird.hibernate.model.v2.Author.class).close();

        try (var h = new HibernateHarness(db.server(), "none", io.scratchbird.hibernate.model.v2.Author.class)) {
            h.sessionFactory.inTransaction(s -> {
                var a = new io.scratchbird.hibernate.model.v2.Author();
                a.id = 1L;
                a.name = "n";
                a.email = "e@example.com";
                s.persist(a);
            });
            assertEquals("e@example.com", h.sessionFactory.fromTransaction(
                    s -> s.find(io.scratchbird.hibernate.model.v2.Author.class, 1L)).email);
        }
    }
}
