package io.scratchbird.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdDriver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for ScratchBird, applied before {@link DataSourceAutoConfiguration} (and so
 * before Hibernate's): a {@link JdbcConnectionDetails} naming the ScratchBird driver for
 * {@code jdbc:scratchbird:} URLs, an embedded server when no URL is set, driver options for the pool
 * and Hibernate defaults. Backs off when the application defines its own DataSource or
 * JdbcConnectionDetails.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ DataSource.class, ScratchBirdDriver.class })
@EnableConfigurationProperties({ ScratchBirdProperties.class, DataSourceProperties.class })
public class ScratchBirdAutoConfiguration {

    private static final Log log = LogFactory.getLog(ScratchBirdAutoConfiguration.class);

    @Bean
    @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
    static ScratchBirdHikariPostProcessor scratchBirdHikariPostProcessor(
            ObjectProvider<ScratchBirdProperties> properties,
            ObjectProvider<ScratchBirdJdbcConnectionDetails> connectionDetails) {
        return new ScratchBirdHikariPostProcessor(properties, connectionDetails);
    }

    /** A user-set {@code spring.datasource.url=jdbc:scratchbird:…}. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OnScratchBirdUrlCondition.class)
    @ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
    static class UrlConfiguration {

        @Bean
        ScratchBirdJdbcConnectionDetails scratchBirdJdbcConnectionDetails(DataSourceProperties properties) {
            return new ScratchBirdJdbcConnectionDetails(properties.determineUrl(), properties.determineUsername(),
                    properties.determinePassword(), Map.of(), false);
        }
    }

    /** The embedded server, when no URL is set (or {@code scratchbird.embedded.enabled=true}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.scratchbird.embedded.EmbeddedScratchBird")
    @Conditional(OnEmbeddedServerCondition.class)
    @ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
    static class EmbeddedConfiguration {

        @Bean(destroyMethod = "stop")
        @ConditionalOnMissingBean
        EmbeddedScratchBird embeddedScratchBird(ScratchBirdProperties properties) {
            ScratchBirdProperties.Embedded embedded = properties.getEmbedded();
            EmbeddedScratchBird.Builder builder = EmbeddedScratchBird.builder()
                    .bindAddress(embedded.getBindAddress())
                    .port(embedded.getPort())
                    .user(embedded.getUser(), embedded.getPassword())
                    .referenceQuirks(embedded.isReferenceQuirks());
            String where;
            if (embedded.isInMemory()) {
                builder.inMemory();
                where = "in memory";
            } else {
                Path dir = Path.of(embedded.getDataDir()).toAbsolutePath().normalize();
                builder.dataDirectory(dir);
                where = "data directory " + dir;
            }
            EmbeddedScratchBird server = builder.start();
            log.info("Started embedded ScratchBird server on port " + server.port() + " (" + where + "): "
                    + server.jdbcUrl());
            return server;
        }

        @Bean
        ScratchBirdJdbcConnectionDetails scratchBirdJdbcConnectionDetails(EmbeddedScratchBird server,
                ScratchBirdProperties properties) {
            return ScratchBirdJdbcConnectionDetails.forServer(server, properties.getEmbedded().getUser(),
                    properties.getEmbedded().getPassword(), true);
        }
    }

    /** {@code scratchbird.client.*} meters; see {@link ScratchBirdClientMetrics}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ScratchBirdClientMetrics scratchBirdClientMetrics(ObjectProvider<MeterRegistry> registries) {
            return new ScratchBirdClientMetrics(registries);
        }
    }

    /** A Micrometer Observation per statement; see {@link ScratchBirdObservations}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ScratchBirdObservations scratchBirdObservations(ObjectProvider<ObservationRegistry> registries) {
            return new ScratchBirdObservations(registries);
        }
    }

    /** Hibernate defaults; see docs/hibernate.md. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer",
            "io.scratchbird.hibernate.JsonDirtinessStrategy" })
    static class HibernateConfiguration {

        @Bean
        ScratchBirdHibernatePropertiesCustomizer scratchBirdHibernatePropertiesCustomizer() {
            return new ScratchBirdHibernatePropertiesCustomizer();
        }
    }
}
