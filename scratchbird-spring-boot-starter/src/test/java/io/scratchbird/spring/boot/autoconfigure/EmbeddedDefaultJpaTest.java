package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.spring.boot.autoconfigure.app.Note;
import io.scratchbird.spring.boot.autoconfigure.app.NoteRepository;
import io.scratchbird.spring.boot.autoconfigure.app.TestApplication;
import io.scratchbird.hibernate.ScratchBirdDialect;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * No spring.datasource.url, scratchbird-embedded and H2 on the classpath: the embedded ScratchBird
 * server starts, HikariCP points at it over pinned TLS, and a JPA repository works with create-drop.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "scratchbird.embedded.in-memory=true",
        "spring.jpa.hibernate.ddl-auto=create-drop" })
class EmbeddedDefaultJpaTest {

    @Autowired
    EmbeddedScratchBird server;

    @Autowired
    DataSource dataSource;

    @Autowired
    NoteRepository notes;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void dataSourceIsPinnedToTheEmbeddedServer() throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:scratchbird://localhost:" + server.port() + "/default");
        assertThat(hikari.getDriverClassName()).isEqualTo("io.scratchbird.jdbc.ScratchBirdDriver");
        assertThat(hikari.getUsername()).isEqualTo("sysdba");
        assertThat(hikari.getPoolName()).isEqualTo("scratchbird");
        assertThat(hikari.getDataSourceProperties()).containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", server.certificatePem());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:scratchbird:");
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void repositoryCrud() {
        Note saved = notes.save(new Note("first", 3));
        notes.save(new Note("second", 5));
        notes.save(new Note("third", 1));
        assertThat(saved.getId()).isNotNull();

        assertThat(notes.findById(saved.getId())).get().extracting(Note::getTitle).isEqualTo("first");
        List<Note> good = notes.findByStarsGreaterThanOrderByTitle(2);
        assertThat(good).extracting(Note::getTitle).containsExactly("first", "second");

        saved.setTitle("renamed");
        notes.save(saved);
        assertThat(notes.findById(saved.getId())).get().extracting(Note::getTitle).isEqualTo("renamed");

        notes.deleteById(saved.getId());
        assertThat(notes.findById(saved.getId())).isEmpty();
        assertThat(notes.count()).isEqualTo(2);
        notes.deleteAll();
        assertThat(notes.count()).isZero();
    }

    @Test
    void hibernateDefaultsApplied() {
        assertThat(entityManagerFactory.getProperties())
                .containsEntry("hibernate.entity_dirtiness_strategy", "io.scratchbird.hibernate.JsonDirtinessStrategy")
                .containsEntry("hibernate.query.hql.json_functions_enabled", "true");
        assertThat(entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
                .isInstanceOf(ScratchBirdDialect.class);
    }
}
