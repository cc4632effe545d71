package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A Micrometer Observation per statement when an ObservationRegistry bean is present. */
class ScratchBirdObservationsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScratchBirdAutoConfiguration.class, DataSourceAutoConfiguration.class))
            .withPropertyValues("scratchbird.embedded.in-memory=true");

    /** Contexts of stopped statement observations, collected by a handler on the test registry. */
    private static final Map<ObservationRegistry, List<Observation.Context>> STOPPED = new ConcurrentHashMap<>();

    private static TestObservationRegistry registry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        STOPPED.put(registry, stopped);
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return registry;
    }

    private static List<Observation.Context> observations(TestObservationRegistry registry) {
        return STOPPED.get(registry).stream().filter(c -> ScratchBirdObservations.NAME.equals(c.getName())).toList();
    }

    private static String low(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static String high(Observation.Context context, String key) {
        KeyValue value = context.getHighCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    @Test
    void everyStatementIsObservedWithOutcomeSqlStateClassAndSql() {
        TestObservationRegistry registry = registry();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create table obs (id integer primary key, name varchar(20))");
                try (PreparedStatement insert = connection.prepareStatement("insert into obs (id, name) values (?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "secret-value");
                    insert.executeUpdate();
                }
                assertThatThrownBy(() -> statement.execute("select * from no_such_table")).isInstanceOf(SQLException.class);
            }
            List<Observation.Context> seen = observations(registry);
            Observation.Context insert = seen.stream()
                    .filter(c -> "insert into obs (id, name) values (?, ?)".equals(high(c, "db.statement"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no observation for the insert: " + seen));
            assertThat(low(insert, "outcome")).isEqualTo("success");
            assertThat(low(insert, "sqlstate.class")).isEqualTo("none");
            assertThat(low(insert, "db.system")).isEqualTo("scratchbird");
            assertThat(low(insert, "pool")).isEqualTo("scratchbird");
            assertThat(insert.getContextualName()).isEqualTo("scratchbird statement");
            assertThat(insert.getError()).isNull();
            // Parameter values never appear in the observation.
            assertThat(insert.getAllKeyValues().stream().map(KeyValue::getValue)).doesNotContain("secret-value");

            Observation.Context failed = seen.stream()
                    .filter(c -> "select * from no_such_table".equals(high(c, "db.statement"))).findFirst().orElseThrow();
            assertThat(low(failed, "outcome")).isEqualTo("error");
            assertThat(low(failed, "sqlstate.class")).isEqualTo("42");
            assertThat(failed.getError()).hasMessageStartingWith("SQLSTATE 42");

            // Started and stopped (TestObservationRegistry also validates every lifecycle call).
            TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo(ScratchBirdObservations.NAME)
                    .that().hasBeenStarted().hasBeenStopped();
        });
    }

    @Test
    void statementObservationNestsUnderTheCurrentObservation() {
        TestObservationRegistry registry = registry();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            Observation parent = Observation.start("request", registry);
            try (Observation.Scope scope = parent.openScope();
                    Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            } finally {
                parent.stop();
            }
            Observation.Context select = observations(registry).stream()
                    .filter(c -> "select 1".equals(high(c, "db.statement"))).findFirst().orElseThrow();
            assertThat(select.getParentObservation()).isSameAs(parent);
        });
    }

    @Test
    void listenerIsRemovedWhenTheContextCloses() {
        TestObservationRegistry registry = registry();
        runner.withBean(ObservationRegistry.class, () -> registry)
                .run(context -> assertThat(context).hasSingleBean(ScratchBirdObservations.class));
        int before = observations(registry).size();
        runner.run(context -> {
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
        });
        assertThat(observations(registry)).hasSize(before);
    }

    @Test
    void nothingWithoutARegistryOrWithoutMicrometerObservation() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
        });
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ScratchBirdObservations.class));
    }
}
