package io.scratchbird.spring.boot.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal application: one entity and one Spring Data JPA repository. */
@SpringBootApplication
public class TestApplication {
}
