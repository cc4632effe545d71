package io.scratchbird.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The conditions of {@link ScratchBirdAutoConfiguration}, with the real DataSource auto-configuration. */
class ScratchBirdAutoConfigurationTest {

    private static EmbeddedScratchBird external;
    @TempDir
    static Path tmp;
    private static Path certificate;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ScratchBirdAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @BeforeAll
    static void startExternalServer() throws IOException {
        external = EmbeddedScratchBird.builder().inMemory().port(0).start();
        certificate = Files.writeString(tmp.resolve("server.crt"), external.certificatePem());
    }

    @AfterAll
    static void stopExternalServer() {
        external.stop();
    }

    private static String externalUrl() {
        return external.jdbcUrl().replace("//127.0.0.1:", "//localhost:");
    }

    @Test
    void embeddedServerStartsWithoutUrlAndStopsWithTheContext() {
        int[] port = new int[1];
        runner.withPropertyValues("scratchbird.embedded.in-memory=true").run(context -> {
            assertThat(context).hasSingleBean(EmbeddedScratchBird.class).hasSingleBean(ScratchBirdJdbcConnectionDetails.class);
            EmbeddedScratchBird server = context.getBean(EmbeddedScratchBird.class);
            port[0] = server.port();
            assertThat(port[0]).isPositive().isNotEqualTo(EmbeddedScratchBird.DEFAULT_PORT);
            HikariDataSource hikari = context.getBean(HikariDataSource.class);
            assertThat(hikari.getDataSourceProperties()).containsEntry("sslmode", "verify-full");
            try (Connection connection = hikari.getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        });
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port[0]), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void featureNotSupportedDoesNotEvictThePooledConnection() {
        runner.withPropertyValues("scratchbird.embedded.in-memory=true").run(context -> {
            HikariDataSource hikari = context.getBean(HikariDataSource.class);
            assertThat(hikari.getExceptionOverrideClassName()).isEqualTo(ScratchBirdSqlExceptionOverride.class.getName());
            Object first;
            try (Connection connection = hikari.getConnection()) {
                first = connection.unwrap(ScratchBirdConnection.class);
                assertThatThrownBy(connection::createNClob).isInstanceOf(SQLFeatureNotSupportedException.class);
            }
            try (Connection connection = hikari.getConnection()) {
                assertThat(connection.unwrap(ScratchBirdConnection.class)).isSameAs(first);
                assertThat(connection.isValid(5)).isTrue();
            }
        });
    }

    @Test
    void embeddedServerUsesTheDataDirectory() {
        Path dir = tmp.resolve("data");
        runner.withPropertyValues("scratchbird.embedded.data-dir=" + dir, "scratchbird.embedded.user=app",
                "scratchbird.embedded.password=app-secret").run(context -> {
            assertThat(context.getBean(EmbeddedScratchBird.class).dataDirectory()).isEqualTo(dir);
            HikariDataSource hikari = context.getBean(HikariDataSource.class);
            assertThat(hikari.getUsername()).isEqualTo("app");
            try (Connection connection = hikari.getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        });
        assertThat(dir).isDirectory();
    }

    @Test
    void explicitScratchBirdUrlUsesTheScratchBirdDriverDespiteH2() {
        runner.withPropertyValues("spring.datasource.url=" + externalUrl(), "spring.datasource.username=sysdba",
                "spring.datasource.password=masterkey", "scratchbird.ssl-mode=verify-full",
                "scratchbird.ssl-root-cert=" + certificate).run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedScratchBird.class);
            assertThat(context.getBean(JdbcConnectionDetails.class).getDriverClassName())
                    .isEqualTo("io.scratchbird.jdbc.ScratchBirdDriver");
            HikariDataSource hikari = context.getBean(HikariDataSource.class);
            assertThat(hikari.getJdbcUrl()).isEqualTo(externalUrl());
            assertThat(hikari.getDriverClassName()).isEqualTo("io.scratchbird.jdbc.ScratchBirdDriver");
            assertThat(hikari.getDataSourceProperties()).containsEntry("sslmode", "verify-full")
                    .containsEntry("sslrootcert", certificate.toString());
            try (Connection connection = hikari.getConnection()) {
                assertThat(connection.getMetaData().getDatabaseProductName()).containsIgnoringCase("scratchbird");
            }
        });
    }

    @Test
    void hikariDataSourcePropertiesWinOverScratchBirdProperties() {
        runner.withPropertyValues("spring.datasource.url=" + externalUrl(), "scratchbird.ssl-mode=disable",
                "spring.datasource.hikari.data-source-properties.sslmode=verify-ca").run(context -> {
            assertThat(context.getBean(HikariDataSource.class).getDataSourceProperties())
                    .containsEntry("sslmode", "verify-ca");
        });
    }

    @Test
    void embeddedDisabledLeavesBootDefaults() {
        runner.withPropertyValues("scratchbird.embedded.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedScratchBird.class)
                    .doesNotHaveBean(ScratchBirdJdbcConnectionDetails.class);
            assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).startsWith("jdbc:h2:mem:");
        });
    }

    @Test
    void otherUrlIsLeftAlone() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:other").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedScratchBird.class)
                    .doesNotHaveBean(ScratchBirdJdbcConnectionDetails.class);
            HikariDataSource hikari = context.getBean(HikariDataSource.class);
            assertThat(hikari.getDataSourceProperties()).doesNotContainKey("sslmode");
            assertThat(hikari.getPoolName()).isNotEqualTo("scratchbird");
        });
    }

    @Test
    void backsOffForUserDataSource() {
        runner.withUserConfiguration(UserDataSource.class).run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedScratchBird.class)
                    .doesNotHaveBean(ScratchBirdJdbcConnectionDetails.class)
                    .hasSingleBean(DataSource.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
        });
    }

    @Test
    void withoutEmbeddedModuleAndUrlNothingIsStarted() {
        runner.withClassLoader(new FilteredClassLoader(EmbeddedScratchBird.class)).run(context -> {
            assertThat(context).doesNotHaveBean(ScratchBirdJdbcConnectionDetails.class);
            assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).startsWith("jdbc:h2:mem:");
        });
    }

    @Test
    void invalidEmbeddedModeFails() {
        runner.withPropertyValues("scratchbird.embedded.enabled=sometimes").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void hibernateCustomizerKeepsUserSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.query.hql.json_functions_enabled", "false");
        new ScratchBirdHibernatePropertiesCustomizer().customize(settings);
        assertThat(settings).containsEntry("hibernate.query.hql.json_functions_enabled", "false")
                .containsEntry("hibernate.entity_dirtiness_strategy", "io.scratchbird.hibernate.JsonDirtinessStrategy");
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDataSource {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:user");
        }
    }
}
