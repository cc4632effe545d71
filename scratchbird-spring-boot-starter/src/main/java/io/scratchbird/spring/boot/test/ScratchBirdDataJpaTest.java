package io.scratchbird.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * {@link DataJpaTest @DataJpaTest} against a fresh in-memory embedded ScratchBird server instead of
 * the H2 database Boot substitutes by default: the JPA slice plus the starter's auto-configuration
 * (registered for the slice in {@code AutoConfigureDataJpa.imports}),
 * {@code @AutoConfigureTestDatabase(replace = NONE)}, {@code scratchbird.embedded.in-memory=true} and
 * {@code spring.jpa.hibernate.ddl-auto=create-drop} (Boot creates the schema by default only for
 * databases it knows as embedded, such as H2; override with {@code @TestPropertySource}).
 * Each test runs in a transaction rolled back at its end, as with {@code @DataJpaTest}. The test
 * context (and so the server) is cached and shared by test classes with the same configuration.
 *
 * <p>Needs {@code spring-boot-data-jpa-test} (from {@code spring-boot-starter-data-jpa-test}) and
 * {@code scratchbird-embedded} on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJpaTest(properties = { "scratchbird.embedded.in-memory=true", "spring.jpa.hibernate.ddl-auto=create-drop" })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface ScratchBirdDataJpaTest {
}
