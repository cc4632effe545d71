package io.scratchbird.spring.data.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Products with JSON, range and vector attributes, and their repositories. */
@SpringBootApplication
public class RepositoryTestApplication {
}
