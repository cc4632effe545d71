package io.scratchbird.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed and validated connection URL together with the connection properties that apply.
 *
 * <pre>
 * jdbc:scratchbird://host[:port][,host2[:port2]...]/database[?property=value&amp;...]
 * jdbc:scratchbird://host/            (no database: the server picks its default)
 * jdbc:scratchbird:database           (localhost:3092, as PgJDBC's jdbc:postgresql:database)
 * </pre>
 *
 * <ul>
 *   <li>An empty host means {@code localhost}; a missing or empty port means {@value #DEFAULT_PORT}.
 *       IPv6 addresses go in brackets ({@code [::1]:3092}; a zone is written {@code %25eth0}).
 *       An empty entry in a list of hosts, an unbracketed IPv6 address, a port outside 1-65535
 *       and {@code user:password@} in the host part are errors.</li>
 *   <li>The database and the property values are percent-decoded as UTF-8 with
 *       {@link URLDecoder}, so {@code +} is a space, as in PgJDBC and the upstream driver; write
 *       {@code %2B} for a plus sign. Keys are not decoded and match case-insensitively.</li>
 *   <li>A query item without {@code =} sets the property to the empty string (PgJDBC: a bare
 *       {@code ?ssl} means {@code ssl=true}); empty items ({@code &&}) are skipped. When a key is
 *       repeated, the last one wins.</li>
 *   <li>Properties from the URL win over the {@link Properties} passed to {@code connect}. Within
 *       the {@code Properties} (which have no order) the canonical name beats an alias.</li>
 *   <li>Unknown keys are collected by name (their values are dropped: they might be secrets);
 *       {@link #warnUnknownPropertiesOnce()} logs each one once per JVM.</li>
 * </ul>
 * {@link #acceptsUrl} only checks the prefix, so that the driver claims every ScratchBird URL and
 * {@link #parse} can explain what is wrong with a malformed one (SQLSTATE {@code 08001}) instead of
 * {@code DriverManager} reporting "no suitable driver".
 */
public final class ConnectionUrl {

    public static final String PREFIX = "jdbc:scratchbird:";
    /** The port of every ScratchBird driver; note that servers listen on 3050 unless configured (spec 2.1). */
    public static final int DEFAULT_PORT = 3092;
    public static final String DEFAULT_HOST = "localhost";

    private static final String SHAPE = PREFIX + "//host[:port][,host2[:port2]...]/database[?property=value&...]";
    private static final System.Logger LOG = System.getLogger("io.scratchbird.jdbc");
    /** Lower-case keys already warned about in this JVM. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final List<HostSpec> hosts;
    private final String database;
    private final Map<ScratchBirdProperty, String> values;
    private final List<String> unknown;

    private ConnectionUrl(List<HostSpec> hosts, String database, Map<ScratchBirdProperty, String> values,
                          List<String> unknown) {
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.values = values;
        this.unknown = List.copyOf(unknown);
    }

    /** Whether the URL is meant for this driver (its prefix, ignoring case); says nothing about its validity. */
    public static boolean acceptsUrl(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Parses {@code url} and merges {@code info} under it.
     *
     * @param info properties passed to {@code connect}; may be null
     * @throws SQLException 08001 when the URL is malformed (the message says what and where,
     *                      never echoing property values); 22023 for an invalid property value
     */
    public static ConnectionUrl parse(String url, Properties info) throws SQLException {
        if (!acceptsUrl(url)) {
            throw invalid(url == null ? "the URL is null" : "it does not start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String body = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);

        List<HostSpec> hosts;
        String database;
        if (body.startsWith("//")) {
            int slash = body.indexOf('/', 2);
            hosts = parseHosts(slash < 0 ? body.substring(2) : body.substring(2, slash));
            database = slash < 0 ? "" : decode(body.substring(slash + 1), "the database name");
        } else {
            if (body.indexOf('/') >= 0 || body.indexOf(':') >= 0) {
                throw invalid("without '//' the URL names only a database (" + PREFIX + "database); write "
                        + PREFIX + "//host:port/database to give a host or port");
            }
            hosts = List.of(new HostSpec(DEFAULT_HOST, DEFAULT_PORT));
            database = decode(body, "the database name");
        }

        Map<ScratchBirdProperty, String> raw = new EnumMap<>(ScratchBirdProperty.class);
        Map<String, String> unknown = new LinkedHashMap<>();
        if (info != null) {
            mergeProperties(info, raw, unknown);
        }
        mergeQuery(query, raw, unknown);

        // Validate every value, and keep it in canonical form; an empty typed value means "default".
        Map<ScratchBirdProperty, String> values = new EnumMap<>(ScratchBirdProperty.class);
        for (Map.Entry<ScratchBirdProperty, String> e : raw.entrySet()) {
            String canonical = e.getKey().normalize(e.getValue());
            if (canonical != null) {
                values.put(e.getKey(), canonical);
            }
        }
        return new ConnectionUrl(hosts, database, values, new ArrayList<>(unknown.values()));
    }

    /** The servers to try, in URL order (at least one). */
    public List<HostSpec> hosts() {
        return hosts;
    }

    /** The decoded database name; empty when the URL has none (the server then uses its default). */
    public String database() {
        return database;
    }

    /**
     * The known properties that are set, under their canonical names and in canonical form, URL
     * values having replaced {@code connect}'s. A new copy on every call.
     */
    public Properties properties() {
        Properties out = new Properties();
        values.forEach((p, v) -> out.setProperty(p.propertyName(), v));
        return out;
    }

    /** The keys that name no property, as spelled, each once. */
    public List<String> unknownProperties() {
        return unknown;
    }

    /**
     * Logs a warning for each unknown key not yet warned about in this JVM (keys compared
     * ignoring case), suggesting the property it most resembles.
     *
     * @return the keys warned about by this call
     */
    public List<String> warnUnknownPropertiesOnce() {
        List<String> warned = new ArrayList<>();
        for (String key : unknown) {
            if (WARNED.add(key.toLowerCase(Locale.ROOT))) {
                String suggestion = ScratchBirdProperty.closestName(key);
                LOG.log(System.Logger.Level.WARNING, "Ignoring unknown ScratchBird connection property \"" + key + "\""
                        + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?"));
                warned.add(key);
            }
        }
        return warned;
    }

    /** The URL in canonical form, every property in it; secret values as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(PREFIX).append("//");
        for (int i = 0; i < hosts.size(); i++) {
            out.append(i == 0 ? "" : ",").append(hosts.get(i).toString().replace("%", "%25"));
        }
        out.append('/').append(encode(database));
        char separator = '?';
        for (Map.Entry<ScratchBirdProperty, String> e : values.entrySet()) {
            ScratchBirdProperty p = e.getKey();
            out.append(separator).append(p.propertyName()).append('=')
                    .append(p.isSecret() ? p.displayValue(e.getValue()) : encode(e.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    private static List<HostSpec> parseHosts(String authority) throws SQLException {
        if (authority.indexOf('@') >= 0) {
            // Never echo this part: it probably holds a password.
            throw invalid("user name or password before '@' in the host part is not supported; "
                    + "use the user and password properties");
        }
        String[] entries = authority.split(",", -1);
        List<HostSpec> hosts = new ArrayList<>(entries.length);
        for (String entry : entries) {
            if (entry.isEmpty() && entries.length > 1) {
                throw invalid("empty entry in the host list '" + authority + "'");
            }
            hosts.add(parseHost(entry));
        }
        return hosts;
    }

    private static HostSpec parseHost(String entry) throws SQLException {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw invalid("missing ']' after the IPv6 address in '" + entry + "'");
            }
            host = entry.substring(1, close).replace("%25", "%");
            String after = entry.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid("unexpected '" + after + "' after ']' in '" + entry + "'; expected :port");
            }
            port = after.isEmpty() ? "" : after.substring(1);
            if (!isIpv6Literal(host)) {
                throw invalid("'" + entry + "' does not hold an IPv6 address between the brackets");
            }
        } else {
            if (entry.indexOf('[') >= 0 || entry.indexOf(']') >= 0) {
                throw invalid("misplaced bracket in '" + entry + "'; write an IPv6 address as [address]:port");
            }
            int colon = entry.lastIndexOf(':');
            host = colon < 0 ? entry : entry.substring(0, colon);
            port = colon < 0 ? "" : entry.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw invalid("IPv6 address '" + entry + "' must be enclosed in brackets, e.g. [::1]:" + DEFAULT_PORT);
            }
            if (host.isEmpty()) {
                host = DEFAULT_HOST;
            }
            checkHostName(host);
        }
        return new HostSpec(host, parsePort(port, entry));
    }

    private static boolean isIpv6Literal(String host) {
        int zone = host.indexOf('%');
        String address = zone < 0 ? host : host.substring(0, zone);
        if (address.indexOf(':') < 0 || zone == host.length() - 1) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static void checkHostName(String host) throws SQLException {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            // Letters include internationalised names; '_' appears in container host names.
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                throw invalid("invalid character '" + c + "' in host name '" + host + "'");
            }
        }
    }

    private static int parsePort(String text, String entry) throws SQLException {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        boolean digits = text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int port = digits ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw invalid("invalid port '" + text + "' in '" + entry + "'; expected a number from 1 to 65535");
        }
        return port;
    }

    private static void mergeProperties(Properties info, Map<ScratchBirdProperty, String> raw, Map<String, String> unknown) {
        // Properties have no order: visit names sorted so that rank ties resolve the same way every time.
        Map<ScratchBirdProperty, Integer> ranks = new EnumMap<>(ScratchBirdProperty.class);
        for (String key : new TreeSet<>(info.stringPropertyNames())) {
            ScratchBirdProperty p = ScratchBirdProperty.forName(key).orElse(null);
            if (p == null) {
                unknown.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
                continue;
            }
            int rank = p.matchRank(key);
            Integer best = ranks.get(p);
            if (best == null || rank < best) {
                ranks.put(p, rank);
                raw.put(p, info.getProperty(key));
            }
        }
    }

    private static void mergeQuery(String query, Map<ScratchBirdProperty, String> raw, Map<String, String> unknown)
            throws SQLException {
        for (String item : query.split("&")) {
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            String key = equals < 0 ? item : item.substring(0, equals);
            if (key.isEmpty()) {
                throw invalid("a query item has a value but no property name");
            }
            String value = equals < 0 ? "" : decode(item.substring(equals + 1), "the value of " + key);
            ScratchBirdProperty p = ScratchBirdProperty.forName(key).orElse(null);
            if (p == null) {
                unknown.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
            } else {
                raw.put(p, value);
            }
        }
    }

    private static String decode(String text, String what) throws SQLException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The text itself is not shown: it may be a password.
            throw invalid("malformed percent-encoding in " + what);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static SQLException invalid(String problem) {
        return SqlExceptions.cannotConnect("Invalid ScratchBird URL: " + problem + ". Expected " + SHAPE, null);
    }
}
