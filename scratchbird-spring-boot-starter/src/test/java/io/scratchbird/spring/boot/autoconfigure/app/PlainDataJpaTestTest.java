package io.scratchbird.spring.boot.autoconfigure.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/**
 * Plain {@code @DataJpaTest} with H2 on the test class path: Boot's default
 * ({@code @AutoConfigureTestDatabase(replace = NON_TEST)}) swaps the DataSource for an embedded H2
 * database, and the starter does not fight that; use {@link io.scratchbird.spring.boot.test.ScratchBirdDataJpaTest}
 * (or {@code @AutoConfigureTestDatabase(replace = NONE)}) to test against ScratchBird. The starter's
 * embedded server still starts (unused) in this slice, hence in-memory here.
 */
@DataJpaTest(properties = "scratchbird.embedded.in-memory=true")
class PlainDataJpaTestTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    NoteRepository notes;

    @Test
    void bootReplacesTheDataSourceWithH2() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        notes.save(new Note("on h2", 1));
        assertThat(notes.count()).isEqualTo(1);
    }
}
