package io.scratchbird.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scratchbird.*} settings: driver options applied to every pooled ScratchBird connection, and
 * the embedded server started when no {@code spring.datasource.url} is set.
 */
@ConfigurationProperties("scratchbird")
public class ScratchBirdProperties {

    /**
     * TLS mode of the driver (disable, allow, prefer, require, verify-ca, verify-full). Passed as the
     * "sslmode" connection property to connections to a jdbc:scratchbird: URL; unset leaves the
     * driver default. Ignored for the embedded server, which is always pinned with verify-full.
     */
    private String sslMode;

    /**
     * Trusted certificates for verify-ca / verify-full: a PEM file path, inline PEM text, or "system"
     * for the JVM trust store. Passed as the "sslrootcert" connection property.
     */
    private String sslRootCert;

    /**
     * Further driver connection properties (any name the ScratchBird driver documents), applied to
     * connections to a jdbc:scratchbird: URL. spring.datasource.hikari.data-source-properties wins
     * over these on conflict.
     */
    private Map<String, String> driverProperties = new LinkedHashMap<>();

    private final Embedded embedded = new Embedded();

    public String getSslMode() {
        return sslMode;
    }

    public void setSslMode(String sslMode) {
        this.sslMode = sslMode;
    }

    public String getSslRootCert() {
        return sslRootCert;
    }

    public void setSslRootCert(String sslRootCert) {
        this.sslRootCert = sslRootCert;
    }

    public Map<String, String> getDriverProperties() {
        return driverProperties;
    }

    public void setDriverProperties(Map<String, String> driverProperties) {
        this.driverProperties = driverProperties;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    /** Driver connection properties from {@code scratchbird.*}, in the driver's own spelling. */
    Map<String, String> connectionProperties() {
        Map<String, String> result = new LinkedHashMap<>(driverProperties);
        if (sslMode != null && !sslMode.isBlank()) {
            result.put("sslmode", sslMode);
        }
        if (sslRootCert != null && !sslRootCert.isBlank()) {
            result.put("sslrootcert", sslRootCert);
        }
        return result;
    }

    /** When the embedded server starts. */
    public enum EmbeddedMode {
        /** Start it when scratchbird-embedded is on the classpath and no spring.datasource.url is set. */
        AUTO,
        /** Start it and point the DataSource at it even when spring.datasource.url is set. */
        TRUE,
        /** Never start it. */
        FALSE
    }

    /** {@code scratchbird.embedded.*}: the in-process server used when no URL is configured. */
    public static class Embedded {

        /**
         * Whether to start the embedded server: auto (when no spring.datasource.url is set), true
         * (always, overriding spring.datasource.url) or false (never).
         */
        private EmbeddedMode enabled = EmbeddedMode.AUTO;

        /** TCP port of the embedded server; 0 picks a free ephemeral port (logged at startup). */
        private int port = 0;

        /** Address the embedded server listens on. */
        private String bindAddress = "127.0.0.1";

        /** Data directory of the embedded server, relative to the working directory unless absolute. */
        private String dataDir = "./scratchbird-data";

        /** Keep the embedded server's data in memory only (data-dir is then ignored). */
        private boolean inMemory = false;

        /** Bootstrap user of the embedded server, also used by the DataSource. */
        private String user = "sysdba";

        /** Password of the bootstrap user, also used by the DataSource. */
        private String password = "masterkey";

        /**
         * Byte-compatible with today's upstream server (PASSWORD auth, inferred result types, generic
         * SQLSTATEs); see docs/embedded-server.md.
         */
        private boolean referenceQuirks = false;

        public EmbeddedMode getEnabled() {
            return enabled;
        }

        public void setEnabled(EmbeddedMode enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getBindAddress() {
            return bindAddress;
        }

        public void setBindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
        }

        public String getDataDir() {
            return dataDir;
        }

        public void setDataDir(String dataDir) {
            this.dataDir = dataDir;
        }

        public boolean isInMemory() {
            return inMemory;
        }

        public void setInMemory(boolean inMemory) {
            this.inMemory = inMemory;
        }

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isReferenceQuirks() {
            return referenceQuirks;
        }

        public void setReferenceQuirks(boolean referenceQuirks) {
            this.referenceQuirks = referenceQuirks;
        }
    }
}
