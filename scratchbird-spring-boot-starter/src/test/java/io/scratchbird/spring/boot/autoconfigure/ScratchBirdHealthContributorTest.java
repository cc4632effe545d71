package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code scratchbird} health contributor. */
class ScratchBirdHealthContributorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScratchBirdAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    ScratchBirdHealthContributorAutoConfiguration.class));

    @Test
    void embeddedServerIsUpWithVersionRoleAndPing() {
        runner.withPropertyValues("scratchbird.embedded.in-memory=true").run(context -> {
            Health health = context.getBean("scratchbirdHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("role", "primary").containsEntry("embedded", true)
                    .containsKeys("version", "pingMillis");
            assertThat(health.getDetails().get("version")).isNotEqualTo("unknown");
            assertThat((Double) health.getDetails().get("pingMillis")).isGreaterThanOrEqualTo(0.0);
        });
    }

    @Test
    void nonScratchBirdDataSourceIsUnknown() {
        runner.withPropertyValues("scratchbird.embedded.enabled=false").run(context -> {
            Health health = context.getBean("scratchbirdHealthIndicator", HealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void canBeDisabled() {
        runner.withPropertyValues("scratchbird.embedded.in-memory=true", "management.health.scratchbird.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("scratchbirdHealthIndicator"));
    }

    @Test
    void absentWithoutSpringBootHealth() {
        runner.withPropertyValues("scratchbird.embedded.in-memory=true")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("scratchbirdHealthIndicator"));
    }
}
