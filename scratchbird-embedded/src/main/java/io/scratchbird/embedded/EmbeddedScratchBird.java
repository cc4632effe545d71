package io.scratchbird.embedded;

import io.scratchbird.embedded.net.Listener;
import io.scratchbird.embedded.security.AuthThrottle;
import io.scratchbird.embedded.security.TlsMaterial;
import io.scratchbird.embedded.security.UserStore;
import io.scratchbird.embedded.session.ServerContext;
import io.scratchbird.embedded.session.SessionSettings;
import io.scratchbird.embedded.sql.SqlEngine;
import io.scratchbird.embedded.storage.H2SqlEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-process ScratchBird-compatible server: a real TCP listener speaking SBWP v1.1 over
 * direct TLS 1.3 with SCRAM-SHA-256, executing SBsql on durable storage.
 *
 * <pre>{@code
 * try (EmbeddedScratchBird db = EmbeddedScratchBird.builder().inMemory().start()) {
 *     String url = db.jdbcUrl();   // jdbc:scratchbird://127.0.0.1:<port>/default
 * }
 * }</pre>
 *
 * Development defaults: database {@code default}, user {@code sysdba}, password
 * {@code masterkey} (ScratchBird's reference credentials), bind address 127.0.0.1, port 3092,
 * TLS on with a self-signed certificate persisted in the data directory, SCRAM-SHA-256.
 */
public final class EmbeddedScratchBird implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "default";
    public static final String DEFAULT_USER = "sysdba";
    public static final String DEFAULT_PASSWORD = "masterkey";
    public static final int DEFAULT_PORT = 3092;

    private static final System.Logger LOG = System.getLogger(EmbeddedScratchBird.class.getName());

    private final Builder config;
    private final SqlEngine engine;
    private final ServerContext context;
    private final TlsMaterial tls;
    private final Listener listener;
    private volatile boolean stopped;

    private EmbeddedScratchBird(Builder b) throws IOException {
        this.config = b;
        UserStore users = b.dataDirectory == null ? UserStore.inMemory() : UserStore.open(b.dataDirectory);
        for (Map.Entry<String, String> u : b.users.entrySet()) {
            users.bootstrap(u.getKey(), u.getValue());
        }
        if (b.plaintext) {
            tls = null;
            LOG.log(System.Logger.Level.WARNING, "*** ScratchBird embedded server is running WITHOUT TLS: passwords and data "
                    + "cross the network in clear text. Use this only for local benchmarks. ***");
        } else if (b.certificateFile != null) {
            tls = TlsMaterial.fromPemFiles(b.certificateFile, b.privateKeyFile, b.privateKeyPassword);
        } else if (b.dataDirectory != null) {
            tls = TlsMaterial.loadOrGenerate(b.dataDirectory, b.hostNames);
        } else {
            tls = TlsMaterial.ephemeral(b.hostNames);
        }
        try {
            this.engine = b.dataDirectory == null ? H2SqlEngine.inMemory() : H2SqlEngine.open(b.dataDirectory);
        } catch (io.scratchbird.embedded.sql.EngineException e) {
            throw new IOException("could not open storage: " + e.getMessage(), e);
        }
        try {
            SessionSettings settings = new SessionSettings(b.referenceQuirks, b.authMethod, b.maxConnections, b.role,
                    DEFAULT_DATABASE, b.maxParameters, b.idleInTransactionTimeout);
            this.context = new ServerContext(settings, engine, new UserStoreCredentials(users),
                    new AuthThrottle(b.authFailureLimit, b.authFailureWindow));
            this.listener = new Listener(InetAddress.getByName(b.bindAddress), b.port,
                    tls == null ? null : tls.serverContext(), context);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "ScratchBird embedded server listening on {0}:{1} ({2}, {3}){4}",
                b.bindAddress, String.valueOf(listener.port()), tls == null ? "plaintext" : "TLS 1.3",
                b.dataDirectory == null ? "in memory" : "data in " + b.dataDirectory,
                b.referenceQuirks ? ", reference-quirks mode" : "");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the ephemeral one when 0 was configured). */
    public int port() {
        return listener.port();
    }

    public String host() {
        return config.bindAddress.contains(":") ? "[" + config.bindAddress + "]" : config.bindAddress;
    }

    /**
     * A JDBC URL for this server: {@code jdbc:scratchbird://host:port/default}, with
     * {@code sslmode=disable} when the server runs without TLS.
     */
    public String jdbcUrl() {
        return "jdbc:scratchbird://" + host() + ":" + port() + "/" + DEFAULT_DATABASE + (tls == null ? "?sslmode=disable" : "");
    }

    public boolean tlsEnabled() {
        return tls != null;
    }

    /** The server certificate, for clients that pin it; null without TLS. */
    public X509Certificate certificate() {
        return tls == null ? null : tls.certificate();
    }

    /** The server certificate in PEM form; null without TLS. */
    public String certificatePem() {
        return tls == null ? null : tls.certificatePem();
    }

    /** Where the certificate is persisted (usable as {@code sslrootcert}); null in memory or without TLS. */
    public Path certificateFile() {
        return tls == null ? null : tls.certificateFile();
    }

    public Path dataDirectory() {
        return config.dataDirectory;
    }

    /** Number of authenticated sessions now open. */
    public int activeSessions() {
        return context.activeSessions();
    }

    /** Stops accepting, closes every session (rolling back open transactions) and closes storage. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        listener.close();
        context.closeAll();
        engine.close();
        LOG.log(System.Logger.Level.INFO, "ScratchBird embedded server on port {0} stopped", String.valueOf(listener.port()));
    }

    @Override
    public void close() {
        stop();
    }

    /** Configuration of an embedded server; {@link #start()} builds and starts it. */
    public static final class Builder {

        private Path dataDirectory;
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean plaintext;
        private Path certificateFile;
        private Path privateKeyFile;
        private char[] privateKeyPassword;
        private final List<String> hostNames = new ArrayList<>();
        private int authMethod = 3;
        private boolean referenceQuirks;
        private int maxConnections = 500;
        private int authFailureLimit = AuthThrottle.DEFAULT_MAX_FAILURES;
        private java.time.Duration authFailureWindow = AuthThrottle.DEFAULT_WINDOW;
        private String role = "primary";
        private int maxParameters = SessionSettings.MAX_PARAMETERS_LIMIT;
        private java.time.Duration idleInTransactionTimeout = SessionSettings.DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT;

        private Builder() {
        }

        /** Durable storage in this directory (created if missing). */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Storage in memory: gone when the server stops. The default. */
        public Builder inMemory() {
            this.dataDirectory = null;
            return this;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** TCP port; 0 picks a free ephemeral port (see {@link EmbeddedScratchBird#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Adds a user (created at first start; the password given here wins over a stored one). */
        public Builder user(String name, String password) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("user name must not be empty");
            }
            users.put(name, Objects.requireNonNull(password, "password"));
            return this;
        }

        /** Serve plaintext SBWP instead of TLS 1.3: for local benchmarks only. */
        public Builder plaintext() {
            this.plaintext = true;
            return this;
        }

        /** Use this PEM certificate chain and private key instead of a generated certificate. */
        public Builder tlsCertificate(Path certificateChainPem, Path privateKeyPem, char[] keyPassword) {
            this.certificateFile = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            this.privateKeyFile = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            this.privateKeyPassword = keyPassword;
            return this;
        }

        /** Extra host names for the generated certificate's subject alternative names. */
        public Builder hostName(String name) {
            hostNames.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** SBWP authentication method: 3 = SCRAM-SHA-256 (default) or 1 = PASSWORD. */
        public Builder authMethod(int method) {
            if (method != 1 && method != 3) {
                throw new IllegalArgumentException("authentication method must be 1 (PASSWORD) or 3 (SCRAM-SHA-256), got " + method);
            }
            this.authMethod = method;
            return this;
        }

        /** Behave byte-for-byte like today's upstream server (spec 13.2); implies PASSWORD auth. */
        public Builder referenceQuirks(boolean on) {
            this.referenceQuirks = on;
            return this;
        }

        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * Authentication throttling: after {@code maxFailures} failed logins for the same client
         * address and user name within {@code window}, further attempts for that pair are refused
         * (SQLSTATE 28P01, detail {@code SECURITY.AUTHENTICATION.THROTTLED}) until {@code window}
         * has passed since the last failure. Default: 10 per minute.
         */
        public Builder authFailureLimit(int maxFailures, java.time.Duration window) {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
            }
            this.authFailureLimit = maxFailures;
            this.authFailureWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Most parameters one statement may have (markers in its text, types declared by PARSE,
         * values supplied by BIND or an array-bind packet): 1 to 65,535, the default and the
         * most the wire's {@code u16} counts can carry. More are refused with SQLSTATE
         * {@code 54023} (too many parameters); the session stays usable.
         */
        public Builder maxParametersPerStatement(int max) {
            if (max < 1 || max > SessionSettings.MAX_PARAMETERS_LIMIT) {
                throw new IllegalArgumentException("maxParametersPerStatement must be 1-"
                        + SessionSettings.MAX_PARAMETERS_LIMIT + ", got " + max);
            }
            this.maxParameters = max;
            return this;
        }

        /**
         * Ends a session that stays idle (no frame from its client) for this long while a
         * transaction is open: the transaction rolls back, its locks are released, the client is
         * sent ERROR {@code 25P03} (idle-in-transaction session timeout) and the connection closes.
         * Protects against clients that vanish without closing (half-open TCP). Default 5 minutes;
         * {@link java.time.Duration#ZERO} disables it. Sessions idle outside a transaction are not
         * affected.
         */
        public Builder idleInTransactionTimeout(java.time.Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idleInTransactionTimeout must not be negative, got " + timeout);
            }
            this.idleInTransactionTimeout = timeout;
            return this;
        }

        /** The role reported to clients: {@code primary} (default) or {@code secondary}. */
        public Builder role(String role) {
            if (!"primary".equals(role) && !"secondary".equals(role)) {
                throw new IllegalArgumentException("role must be primary or secondary, got " + role);
            }
            this.role = role;
            return this;
        }

        public EmbeddedScratchBird start() {
            if (users.isEmpty()) {
                users.put(DEFAULT_USER, DEFAULT_PASSWORD);
            }
            try {
                if (dataDirectory != null) {
                    Files.createDirectories(dataDirectory);
                }
                return new EmbeddedScratchBird(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the ScratchBird embedded server: " + e.getMessage(), e);
            }
        }
    }
}
