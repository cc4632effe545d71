package io.scratchbird.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A store catalogue on ScratchBird: products with JSONB attributes, an availability range and a
 * vector embedding; stores with a location. No database URL is configured, so the starter runs the
 * embedded server, keeping its data in {@code ./scratchbird-data}.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
