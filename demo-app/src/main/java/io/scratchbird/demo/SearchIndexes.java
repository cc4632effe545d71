package io.scratchbird.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The HNSW vector index behind "similar products" (docs/embedded-sql.md, "Vector indexes"). JPA's
 * {@code @Index} cannot name an index method, so it is created here, outside any transaction (index
 * DDL commits), once: later starts find it in the catalog and rebuild it from the rows.
 */
@Component
@Order(0)
public class SearchIndexes implements ApplicationRunner {

    static final String PRODUCT_EMBEDDING = "product_embedding_hnsw";

    private final JdbcTemplate jdbc;

    public SearchIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + PRODUCT_EMBEDDING + " ON product USING HNSW (embedding)");
    }
}
