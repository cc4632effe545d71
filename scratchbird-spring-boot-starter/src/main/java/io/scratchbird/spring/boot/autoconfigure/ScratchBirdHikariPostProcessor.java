package io.scratchbird.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives a HikariCP pool that connects to a {@code jdbc:scratchbird:} URL the {@code scratchbird.*}
 * driver options and the connection properties of {@link ScratchBirdJdbcConnectionDetails} (the
 * embedded server's pinned certificate), names the pool {@code scratchbird} when nothing else
 * named it, and keeps "feature not supported" answers from evicting connections
 * ({@link ScratchBirdSqlExceptionOverride}). Properties set with {@code spring.datasource.hikari.data-source-properties} win.
 */
class ScratchBirdHikariPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<ScratchBirdProperties> properties;
    private final ObjectProvider<ScratchBirdJdbcConnectionDetails> connectionDetails;

    ScratchBirdHikariPostProcessor(ObjectProvider<ScratchBirdProperties> properties,
            ObjectProvider<ScratchBirdJdbcConnectionDetails> connectionDetails) {
        this.properties = properties;
        this.connectionDetails = connectionDetails;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && ScratchBirdJdbcConnectionDetails.isScratchBirdUrl(hikari.getJdbcUrl())) {
            Map<String, String> wanted = new LinkedHashMap<>();
            ScratchBirdProperties props = properties.getIfAvailable();
            ScratchBirdJdbcConnectionDetails details = connectionDetails.getIfAvailable();
            if (props != null) {
                wanted.putAll(props.connectionProperties());
            }
            if (details != null) {
                // The embedded server's pinned certificate replaces scratchbird.ssl-mode / ssl-root-cert.
                wanted.putAll(details.getConnectionProperties());
            }
            Properties existing = hikari.getDataSourceProperties();
            wanted.forEach((name, value) -> {
                if (!existing.containsKey(name)) {
                    hikari.addDataSourceProperty(name, value);
                }
            });
            if (hikari.getPoolName() == null) {
                hikari.setPoolName("scratchbird");
            }
            if (hikari.getExceptionOverrideClassName() == null && hikari.getExceptionOverride() == null) {
                hikari.setExceptionOverrideClassName(ScratchBirdSqlExceptionOverride.class.getName());
            }
            recordPoolOfConnections(hikari);
        }
        return bean;
    }

    /**
     * Lets the statement hooks tag meters by pool ({@link PoolNames}): the pool gets the driver
     * DataSource HikariCP would otherwise build from the URL, wrapped to record the pool of each
     * connection. Left alone when the pool already has a DataSource or DataSource class, or has started.
     */
    private static void recordPoolOfConnections(HikariDataSource hikari) {
        if (hikari.getDataSource() != null || hikari.getDataSourceClassName() != null || hikari.isRunning()) {
            return;
        }
        String driver = hikari.getDriverClassName() != null ? hikari.getDriverClassName()
                : ScratchBirdJdbcConnectionDetails.DRIVER_CLASS_NAME;
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        try {
            hikari.setDataSource(new PoolNames.Recording(new DriverDataSource(hikari.getJdbcUrl(), driver, properties,
                    hikari.getUsername(), hikari.getPassword()), hikari.getPoolName()));
        }
        catch (RuntimeException ex) {
            // Configuration sealed or driver not loadable here: keep HikariCP's own DataSource (pool tag "unknown").
        }
    }
}
