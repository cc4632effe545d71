package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code scratchbird.client.*} meters from the driver's statement hooks. */
class ScratchBirdClientMetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScratchBirdAutoConfiguration.class, DataSourceAutoConfiguration.class))
            .withPropertyValues("scratchbird.embedded.in-memory=true");

    @Test
    void statementsAreTimedByOutcomeAndSqlStateClass() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create table m (id integer primary key)");
                statement.executeUpdate("insert into m (id) values (1)");
                statement.executeUpdate("insert into m (id) values (2)");
                assertThatThrownBy(() -> statement.execute("select * from no_such_table")).isInstanceOf(SQLException.class);
            }
            assertThat(meters.get("scratchbird.client.statements").tag("outcome", "success").timer().count())
                    .isGreaterThanOrEqualTo(3);
            assertThat(meters.get("scratchbird.client.statements").tag("outcome", "error").tag("sqlstate.class", "42")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get("scratchbird.client.rows").counter().count()).isGreaterThanOrEqualTo(2);
            // Tagged by the HikariCP pool that opened the connection.
            assertThat(meters.get("scratchbird.client.statements").tag("pool", "scratchbird").tag("outcome", "error")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get("scratchbird.client.rows").tag("pool", "scratchbird").counter().count())
                    .isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void trafficAndPreparedStatementCacheAreCounted() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create table c (id integer primary key, note varchar(100))");
                }
                try (var insert = connection.prepareStatement("insert into c (id, note) values (?, ?)")) {
                    for (int i = 0; i < 8; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "x".repeat(50));
                        insert.executeUpdate();
                    }
                }
            }
            assertThat(meters.get("scratchbird.client.bytes").tag("direction", "sent").tag("pool", "scratchbird")
                    .counter().count()).isGreaterThan(3 * 50);
            assertThat(meters.get("scratchbird.client.bytes").tag("direction", "received").counter().count())
                    .isGreaterThan(0);
            // Executions parse until prepareThreshold (5, as PgJDBC) keeps the statement; later ones reuse it.
            assertThat(meters.get("scratchbird.client.prepared.cache").tag("result", "miss").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(meters.get("scratchbird.client.prepared.cache").tag("result", "hit").counter().count())
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void poolTagFollowsThePoolName() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("spring.datasource.hikari.pool-name=orders").run(context -> {
                    try (Connection connection = context.getBean(DataSource.class).getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute("select 1");
                    }
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("scratchbird.client.statements").tag("pool", "orders").timer().count())
                            .isGreaterThanOrEqualTo(1);
                });
    }

    @Test
    void listenerIsRemovedWhenTheContextCloses() {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).run(context -> assertThat(context).hasSingleBean(ScratchBirdClientMetrics.class));
        double before = meters.find("scratchbird.client.statements").timers().stream().mapToDouble(t -> t.count()).sum();
        runner.withPropertyValues("scratchbird.embedded.in-memory=true").run(context -> {
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create table n (id integer primary key)");
            }
        });
        double after = meters.find("scratchbird.client.statements").timers().stream().mapToDouble(t -> t.count()).sum();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void absentWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScratchBirdClientMetrics.class));
    }
}
