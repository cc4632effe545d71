package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.spring.boot.autoconfigure.app.Note;
import io.scratchbird.spring.boot.autoconfigure.app.NoteRepository;
import io.scratchbird.spring.boot.autoconfigure.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A server started outside the Spring test (by the embedded module's JUnit extension), connected
 * through {@link ScratchBirdJdbcConnectionDetails#forServer}: the starter backs off from its own
 * embedded server and pins TLS to the external server's certificate.
 */
@SpringBootTest(classes = { TestApplication.class, ExternalServerConnectionDetailsTest.Db.class },
        // create, not create-drop: the extension stops the server after the class while Spring keeps the
        // context cached until the JVM exits, and a drop at that point would wait for a connection.
        properties = "spring.jpa.hibernate.ddl-auto=create")
class ExternalServerConnectionDetailsTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    @TestConfiguration(proxyBeanMethods = false)
    static class Db {

        @Bean
        ScratchBirdJdbcConnectionDetails scratchBird() {
            return ScratchBirdJdbcConnectionDetails.forServer(db.server(), "sysdba", "masterkey");
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    NoteRepository notes;

    @Test
    void usesTheExternalServer() {
        assertThat(context.getBeansOfType(EmbeddedScratchBird.class)).isEmpty();
        HikariDataSource hikari = (HikariDataSource) dataSource;
        assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:scratchbird://localhost:" + db.server().port() + "/default");
        assertThat(hikari.getDataSourceProperties()).containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", db.server().certificatePem());
        int before = db.server().activeSessions();
        notes.save(new Note("external", 2));
        assertThat(notes.findByStarsGreaterThanOrderByTitle(1)).extracting(Note::getTitle).containsExactly("external");
        assertThat(before).isPositive();
    }
}
