package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ClientTls;
import io.scratchbird.jdbc.session.HostChooser;
import io.scratchbird.jdbc.session.ProtocolSession;
import io.scratchbird.jdbc.session.SessionListener;
import io.scratchbird.jdbc.session.Startup;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The ScratchBird JDBC driver: {@code jdbc:scratchbird://host[:port][,host2[:port2]…]/database}.
 * Registered with {@link DriverManager} when loaded (also through {@code META-INF/services}).
 */
public final class ScratchBirdDriver implements Driver {

    public static final String NAME = "ScratchBird JDBC Driver";
    public static final int MAJOR = 0;
    public static final int MINOR = 1;
    public static final String VERSION = MAJOR + "." + MINOR;

    static {
        try {
            DriverManager.registerDriver(new ScratchBirdDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;   // JDBC: another driver's URL
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url, info == null ? new Properties() : info);
        parsed.warnUnknownPropertiesOnce();
        Properties p = parsed.properties();
        ScratchBirdProperty.validateAll(p);
        ClientTls tls = ClientTls.configure(p);
        ProtocolSession session = HostChooser.connect(parsed.hosts(),
                HostChooser.TargetServerType.of(ScratchBirdProperty.TARGET_SERVER_TYPE.get(p)),
                ScratchBirdProperty.LOAD_BALANCE_HOSTS.getBoolean(p), ScratchBirdProperty.HOST_RECHECK_SECONDS.getInt(p),
                host -> open(host, parsed.database(), p, tls));
        try {
            return new ScratchBirdConnection(session, settings(url, parsed, p).withLoggerLevel(ScratchBirdProperty.LOGGER_LEVEL.get(p)));
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static ProtocolSession open(HostSpec host, String database, Properties p, ClientTls tls) throws SQLException {
        Startup.Login login = new Startup.Login(host.host(), host.port(), database,
                ScratchBirdProperty.USER.get(p) == null ? "" : ScratchBirdProperty.USER.get(p),
                ScratchBirdProperty.PASSWORD.get(p) == null ? null : ScratchBirdProperty.PASSWORD.get(p).toCharArray(),
                ScratchBirdProperty.AUTH_TOKEN.get(p), connectKeys(p),
                millis(ScratchBirdProperty.CONNECT_TIMEOUT.getInt(p)), millis(ScratchBirdProperty.LOGIN_TIMEOUT.getInt(p)),
                ScratchBirdProperty.TCP_KEEP_ALIVE.getBoolean(p), tls.isEnabled() ? tls : null,
                ScratchBirdProperty.REQUIRE_AUTH.getList(p));
        // SBWP has no in-band TLS negotiation: allow/prefer are a second connection attempt
        // (allow: plaintext first, then TLS; prefer: TLS first, then plaintext).
        boolean tlsFirst = tls.isEnabled() && tls.mode().attemptTlsFirst();
        Startup.Login first = tlsFirst || !tls.isEnabled() ? login : login.withTls(null);
        ProtocolSession session;
        try {
            session = Startup.open(first, SessionListener.NONE);
        } catch (SQLException e) {
            boolean retry = tls.isEnabled() && tls.mode().fallbackAllowed() && e.getSQLState() != null
                    && e.getSQLState().startsWith("08");
            if (!retry) {
                throw e;
            }
            session = Startup.open(tlsFirst ? login.withTls(null) : login, SessionListener.NONE);
        }
        int socketTimeout = ScratchBirdProperty.SOCKET_TIMEOUT.getInt(p);
        if (socketTimeout > 0) {
            session.readTimeout(socketTimeout * 1000);
        }
        return session;
    }

    private static int millis(int seconds) {
        return (int) Math.min(Integer.MAX_VALUE, seconds * 1000L);
    }

    /** Admitted STARTUP keys (spec 6.2) derived from the properties. */
    private static Map<String, String> connectKeys(Properties p) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        String app = ScratchBirdProperty.APPLICATION_NAME.get(p);
        if (app != null) {
            keys.put("application_name", app);
        }
        ZoneId zone = ScratchBirdProperty.TIMEZONE.getZoneId(p);
        keys.put("timezone", (zone == null ? ZoneId.systemDefault() : zone).getId());
        keys.put("client_encoding", "UTF8");
        return keys;
    }

    private static ConnectionSettings settings(String url, ConnectionUrl parsed, Properties p) throws SQLException {
        // the URL as reported by DatabaseMetaData.getURL(): canonical, its secrets masked
        String shown = ConnectionUrl.parse(url, null).toString();
        return new ConnectionSettings(shown, ScratchBirdProperty.USER.get(p), parsed.database(),
                ScratchBirdProperty.DEFAULT_ROW_FETCH_SIZE.getInt(p), ScratchBirdProperty.PREPARE_THRESHOLD.getInt(p),
                ScratchBirdProperty.PREPARED_STATEMENT_CACHE_QUERIES.getInt(p), ScratchBirdProperty.BINARY_TRANSFER.getBoolean(p),
                ScratchBirdProperty.READ_ONLY.getBoolean(p), ScratchBirdProperty.CURRENT_SCHEMA.get(p));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && ConnectionUrl.acceptsUrl(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties merged = acceptsURL(url) ? ConnectionUrl.parse(url, info == null ? new Properties() : info).properties()
                : info == null ? new Properties() : info;
        return ScratchBirdProperty.toDriverPropertyInfo(merged);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    /** Not fully compliant until the whole JDBC surface is implemented and certified. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("io.scratchbird.jdbc");
    }
}
