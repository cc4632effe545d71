package io.scratchbird.spring.boot.autoconfigure;

import javax.sql.DataSource;

import io.scratchbird.jdbc.ScratchBirdDriver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code scratchbird} health contributor ({@link ScratchBirdHealthIndicator}) when
 * spring-boot-health (actuator) is present and there is one DataSource. Disable it with
 * {@code management.health.scratchbird.enabled=false}.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, ScratchBirdAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator",
        value = ScratchBirdDriver.class)
@ConditionalOnBean(DataSource.class)
public class ScratchBirdHealthContributorAutoConfiguration {

    /** Nested so that the class condition above is checked before this condition's class is loaded. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("scratchbird")
    static class HealthIndicatorConfiguration {

        @Bean
        @ConditionalOnSingleCandidate(DataSource.class)
        @ConditionalOnMissingBean(name = "scratchbirdHealthIndicator")
        ScratchBirdHealthIndicator scratchbirdHealthIndicator(DataSource dataSource,
                ObjectProvider<ScratchBirdJdbcConnectionDetails> connectionDetails) {
            ScratchBirdJdbcConnectionDetails details = connectionDetails.getIfAvailable();
            return new ScratchBirdHealthIndicator(dataSource, details != null && details.isEmbedded());
        }
    }
}
