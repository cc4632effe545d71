package io.scratchbird.jdbc;

import java.io.PrintWriter;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for ScratchBird: a bean holding a URL (or its pieces: {@link #setServerNames
 * serverNames}, {@link #setPortNumbers portNumbers}, {@link #setDatabaseName databaseName}) and
 * connection properties, which connects through {@link ScratchBirdDriver} exactly as
 * {@code DriverManager.getConnection(url, properties)} would. It pools nothing: put a pool
 * (HikariCP, …) in front of it.
 *
 * <p>Every property of the driver's registry ({@link ScratchBirdProperty}) can be set with
 * {@link #setProperty(String, String)}; the common ones also have typed bean accessors. Values are
 * checked when a connection is made, as for DriverManager (SQLSTATE 22023). When {@link #setUrl
 * url} is set it wins over the pieces, and properties in its query string win over the bean's,
 * as for DriverManager. Secrets never appear in {@link #toString()}.
 */
public class ScratchBirdDataSource implements DataSource, Serializable {

    private static final long serialVersionUID = 1L;
    private static final ScratchBirdDriver DRIVER = new ScratchBirdDriver();

    private String url;
    private String[] serverNames = {"localhost"};
    private int[] portNumbers = {};
    private String databaseName;
    private final Properties properties = new Properties();
    private String description;
    private transient PrintWriter logWriter;

    // ------------------------------------------------------------------ DataSource

    @Override
    public Connection getConnection() throws SQLException {
        return connect(connectionProperties());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties p = connectionProperties();
        if (user == null) {
            ScratchBirdProperty.USER.set(p, "");
            p.remove("user");
        } else {
            ScratchBirdProperty.USER.set(p, user);
        }
        if (password == null) {
            ScratchBirdProperty.PASSWORD.set(p, "");
            p.remove("password");
        } else {
            ScratchBirdProperty.PASSWORD.set(p, password);
        }
        return connect(p);
    }

    private Connection connect(Properties p) throws SQLException {
        String target = getUrl();
        Connection c = DRIVER.connect(target, p);
        if (c == null) {
            throw new SQLException("not a ScratchBird URL: " + target, "08001");
        }
        return c;
    }

    /** A copy of the properties a connection is made with. */
    protected Properties connectionProperties() {
        Properties p = new Properties();
        synchronized (properties) {
            p.putAll(properties);
        }
        return p;
    }

    /** Maps to the {@code loginTimeout} property (seconds; 0 = no limit). */
    @Override
    public void setLoginTimeout(int seconds) {
        setIntProperty(ScratchBirdProperty.LOGIN_TIMEOUT, Math.max(0, seconds));
    }

    @Override
    public int getLoginTimeout() {
        return intProperty(ScratchBirdProperty.LOGIN_TIMEOUT, 0);
    }

    /** Kept for the DataSource contract; the driver logs through java.util.logging. Not serialized. */
    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("io.scratchbird.jdbc");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ------------------------------------------------------------------ URL

    /** The URL connections are made to: {@link #setUrl url} if set, else one built from the pieces. */
    public String getUrl() {
        if (url != null) {
            return url;
        }
        StringBuilder sb = new StringBuilder("jdbc:scratchbird://");
        String[] hosts = serverNames == null || serverNames.length == 0 ? new String[] {"localhost"} : serverNames;
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String h = hosts[i] == null || hosts[i].isBlank() ? "localhost" : hosts[i].strip();
            sb.append(h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h);
            int port = portNumbers != null && portNumbers.length > 0
                    ? portNumbers[Math.min(i, portNumbers.length - 1)] : 0;
            if (port > 0) {
                sb.append(':').append(port);
            }
        }
        sb.append('/');
        if (databaseName != null) {
            sb.append(URLEncoder.encode(databaseName, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    /** A complete {@code jdbc:scratchbird:} URL; when set, serverNames, portNumbers and databaseName are not used. */
    public void setUrl(String url) {
        this.url = url == null || url.isBlank() ? null : url;
    }

    /** PgJDBC's name for {@link #setUrl}. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getURL() {
        return getUrl();
    }

    public String[] getServerNames() {
        return serverNames.clone();
    }

    public void setServerNames(String... serverNames) {
        this.serverNames = serverNames == null ? new String[] {"localhost"} : serverNames.clone();
    }

    /** One host: the same as {@code setServerNames(serverName)}. */
    public void setServerName(String serverName) {
        setServerNames(serverName);
    }

    public String getServerName() {
        return serverNames.length == 0 ? "localhost" : serverNames[0];
    }

    public int[] getPortNumbers() {
        return portNumbers.clone();
    }

    /** Ports of {@link #getServerNames serverNames}, by position (the last repeats); 0 or none = 3092. */
    public void setPortNumbers(int... portNumbers) {
        this.portNumbers = portNumbers == null ? new int[0] : portNumbers.clone();
    }

    public void setPortNumber(int portNumber) {
        setPortNumbers(portNumber);
    }

    public int getPortNumber() {
        return portNumbers.length == 0 ? 0 : portNumbers[0];
    }

    public String getDatabaseName() {
        return databaseName;
    }

    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    // ------------------------------------------------------------------ properties

    /**
     * Sets any connection property by its name or an alias (as in a URL or a Properties object);
     * null removes it. Unknown names are accepted and warned about when connecting, like DriverManager.
     */
    public void setProperty(String name, String value) {
        synchronized (properties) {
            var known = ScratchBirdProperty.forName(name);
            if (known.isPresent()) {
                if (value == null) {
                    for (String key : properties.stringPropertyNames()) {
                        if (ScratchBirdProperty.forName(key).orElse(null) == known.get()) {
                            properties.remove(key);
                        }
                    }
                } else {
                    known.get().set(properties, value);
                }
            } else if (value == null) {
                properties.remove(name);
            } else {
                properties.setProperty(name, value);
            }
        }
    }

    /** The value set for a property (any of its names), or null. */
    public String getProperty(String name) {
        synchronized (properties) {
            var known = ScratchBirdProperty.forName(name);
            return known.isPresent() ? known.get().rawValue(properties) : properties.getProperty(name);
        }
    }

    private void set(ScratchBirdProperty p, String value) {
        setProperty(p.propertyName(), value);
    }

    private String get(ScratchBirdProperty p) {
        return getProperty(p.propertyName());
    }

    private void setIntProperty(ScratchBirdProperty p, int value) {
        set(p, Integer.toString(value));
    }

    private int intProperty(ScratchBirdProperty p, int otherwise) {
        String v = get(p);
        if (v == null) {
            v = p.defaultValue();
        }
        try {
            return v == null ? otherwise : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private boolean boolProperty(ScratchBirdProperty p) {
        String v = get(p);
        if (v == null) {
            v = p.defaultValue();
        }
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
    }

    public String getUser() {
        return get(ScratchBirdProperty.USER);
    }

    public void setUser(String user) {
        set(ScratchBirdProperty.USER, user);
    }

    /** Never shown by {@link #toString()}. */
    public String getPassword() {
        return get(ScratchBirdProperty.PASSWORD);
    }

    public void setPassword(String password) {
        set(ScratchBirdProperty.PASSWORD, password);
    }

    public String getSslmode() {
        return get(ScratchBirdProperty.SSL_MODE);
    }

    public void setSslmode(String sslmode) {
        set(ScratchBirdProperty.SSL_MODE, sslmode);
    }

    public String getSslrootcert() {
        return get(ScratchBirdProperty.SSL_ROOT_CERT);
    }

    public void setSslrootcert(String sslrootcert) {
        set(ScratchBirdProperty.SSL_ROOT_CERT, sslrootcert);
    }

    public String getSslcert() {
        return get(ScratchBirdProperty.SSL_CERT);
    }

    public void setSslcert(String sslcert) {
        set(ScratchBirdProperty.SSL_CERT, sslcert);
    }

    public String getSslkey() {
        return get(ScratchBirdProperty.SSL_KEY);
    }

    public void setSslkey(String sslkey) {
        set(ScratchBirdProperty.SSL_KEY, sslkey);
    }

    public void setSslpassword(String sslpassword) {
        set(ScratchBirdProperty.SSL_PASSWORD, sslpassword);
    }

    public int getConnectTimeout() {
        return intProperty(ScratchBirdProperty.CONNECT_TIMEOUT, 10);
    }

    public void setConnectTimeout(int seconds) {
        setIntProperty(ScratchBirdProperty.CONNECT_TIMEOUT, seconds);
    }

    public int getSocketTimeout() {
        return intProperty(ScratchBirdProperty.SOCKET_TIMEOUT, 0);
    }

    public void setSocketTimeout(int seconds) {
        setIntProperty(ScratchBirdProperty.SOCKET_TIMEOUT, seconds);
    }

    public boolean getTcpKeepAlive() {
        return boolProperty(ScratchBirdProperty.TCP_KEEP_ALIVE);
    }

    public void setTcpKeepAlive(boolean on) {
        set(ScratchBirdProperty.TCP_KEEP_ALIVE, Boolean.toString(on));
    }

    public String getApplicationName() {
        return get(ScratchBirdProperty.APPLICATION_NAME);
    }

    public void setApplicationName(String applicationName) {
        set(ScratchBirdProperty.APPLICATION_NAME, applicationName);
    }

    public String getCurrentSchema() {
        return get(ScratchBirdProperty.CURRENT_SCHEMA);
    }

    public void setCurrentSchema(String currentSchema) {
        set(ScratchBirdProperty.CURRENT_SCHEMA, currentSchema);
    }

    public String getTimezone() {
        return get(ScratchBirdProperty.TIMEZONE);
    }

    public void setTimezone(String timezone) {
        set(ScratchBirdProperty.TIMEZONE, timezone);
    }

    public boolean getReadOnly() {
        return boolProperty(ScratchBirdProperty.READ_ONLY);
    }

    public void setReadOnly(boolean readOnly) {
        set(ScratchBirdProperty.READ_ONLY, Boolean.toString(readOnly));
    }

    public int getDefaultRowFetchSize() {
        return intProperty(ScratchBirdProperty.DEFAULT_ROW_FETCH_SIZE, 0);
    }

    public void setDefaultRowFetchSize(int rows) {
        setIntProperty(ScratchBirdProperty.DEFAULT_ROW_FETCH_SIZE, rows);
    }

    public int getPrepareThreshold() {
        return intProperty(ScratchBirdProperty.PREPARE_THRESHOLD, 5);
    }

    public void setPrepareThreshold(int executions) {
        setIntProperty(ScratchBirdProperty.PREPARE_THRESHOLD, executions);
    }

    public int getPreparedStatementCacheQueries() {
        return intProperty(ScratchBirdProperty.PREPARED_STATEMENT_CACHE_QUERIES, 256);
    }

    public void setPreparedStatementCacheQueries(int statements) {
        setIntProperty(ScratchBirdProperty.PREPARED_STATEMENT_CACHE_QUERIES, statements);
    }

    public boolean getBinaryTransfer() {
        return boolProperty(ScratchBirdProperty.BINARY_TRANSFER);
    }

    public void setBinaryTransfer(boolean on) {
        set(ScratchBirdProperty.BINARY_TRANSFER, Boolean.toString(on));
    }

    public String getTargetServerType() {
        return get(ScratchBirdProperty.TARGET_SERVER_TYPE);
    }

    public void setTargetServerType(String type) {
        set(ScratchBirdProperty.TARGET_SERVER_TYPE, type);
    }

    public boolean getLoadBalanceHosts() {
        return boolProperty(ScratchBirdProperty.LOAD_BALANCE_HOSTS);
    }

    public void setLoadBalanceHosts(boolean on) {
        set(ScratchBirdProperty.LOAD_BALANCE_HOSTS, Boolean.toString(on));
    }

    public String getRequireAuth() {
        return get(ScratchBirdProperty.REQUIRE_AUTH);
    }

    public void setRequireAuth(String methods) {
        set(ScratchBirdProperty.REQUIRE_AUTH, methods);
    }

    /** The URL and the properties, secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
        String shown = getUrl();
        try {
            shown = ConnectionUrl.parse(shown, null).toString();
        } catch (SQLException | RuntimeException e) {
            shown = "<invalid url>";
        }
        sb.append(shown);
        synchronized (properties) {
            for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
                var known = ScratchBirdProperty.forName(key);
                boolean secret = known.isPresent() && known.get().isSecret();
                sb.append(", ").append(key).append('=').append(secret ? "***" : properties.getProperty(key));
            }
        }
        return sb.append(']').toString();
    }
    public void setAuthToken(String token) {
        set(ScratchBirdProperty.AUTH_TOKEN, token);
    }

    public String getSsl() {
        return get(ScratchBirdProperty.SSL);
    }

    public void setSsl(String ssl) {
        set(ScratchBirdProperty.SSL, ssl);
    }

    public int getCancelSignalTimeout() {
        return intProperty(ScratchBirdProperty.CANCEL_SIGNAL_TIMEOUT, 10);
    }

    public void setCancelSignalTimeout(int seconds) {
        setIntProperty(ScratchBirdProperty.CANCEL_SIGNAL_TIMEOUT, seconds);
    }

    public int getPreparedStatementCacheSizeMiB() {
        return intProperty(ScratchBirdProperty.PREPARED_STATEMENT_CACHE_SIZE_MIB, 5);
    }

    public void setPreparedStatementCacheSizeMiB(int mib) {
        setIntProperty(ScratchBirdProperty.PREPARED_STATEMENT_CACHE_SIZE_MIB, mib);
    }

    /** Accepted for PgJDBC compatibility; batches are always pipelined. */
    public boolean getReWriteBatchedInserts() {
        return boolProperty(ScratchBirdProperty.REWRITE_BATCHED_INSERTS);
    }

    public void setReWriteBatchedInserts(boolean on) {
        set(ScratchBirdProperty.REWRITE_BATCHED_INSERTS, Boolean.toString(on));
    }

    public int getHostRecheckSeconds() {
        return intProperty(ScratchBirdProperty.HOST_RECHECK_SECONDS, 10);
    }

    public void setHostRecheckSeconds(int seconds) {
        setIntProperty(ScratchBirdProperty.HOST_RECHECK_SECONDS, seconds);
    }

    public String getLoggerLevel() {
        return get(ScratchBirdProperty.LOGGER_LEVEL);
    }

    public void setLoggerLevel(String level) {
        set(ScratchBirdProperty.LOGGER_LEVEL, level);
    }
}
