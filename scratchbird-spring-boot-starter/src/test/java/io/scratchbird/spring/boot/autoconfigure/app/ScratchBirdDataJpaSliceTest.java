package io.scratchbird.spring.boot.autoconfigure.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.spring.boot.test.ScratchBirdDataJpaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/** {@link ScratchBirdDataJpaTest}: the JPA slice on a fresh in-memory embedded server, not H2. */
@ScratchBirdDataJpaTest
class ScratchBirdDataJpaSliceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedScratchBird server;

    @Autowired
    NoteRepository notes;

    @Autowired
    TestEntityManager entityManager;

    @Test
    void sliceRunsOnTheEmbeddedServer() throws Exception {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl())
                .isEqualTo("jdbc:scratchbird://localhost:" + server.port() + "/default");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("ScratchBird");
        }
    }

    @Test
    void repositoryAndTestEntityManager() {
        Note note = entityManager.persistFlushFind(new Note("slice", 4));
        assertThat(notes.findByStarsGreaterThanOrderByTitle(3)).extracting(Note::getTitle).containsExactly("slice");
        assertThat(note.getId()).isNotNull();
    }

    @Test
    void eachTestIsRolledBack() {
        // Runs in any order with the test above: its row never survives its transaction.
        assertThat(notes.findByStarsGreaterThanOrderByTitle(3)).isEmpty();
    }
}
