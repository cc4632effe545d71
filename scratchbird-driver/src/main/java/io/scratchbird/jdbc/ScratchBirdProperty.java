package io.scratchbird.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The single registry of the driver's connection properties: each constant owns its canonical
 * name, its aliases, its {@link PropertyType type} with the allowed values, its default and a
 * one-line description. {@code Driver.getPropertyInfo} and the property documentation are both
 * generated from it ({@link #toDriverPropertyInfo}, {@link #documentation()}).
 *
 * <p>Names follow PgJDBC wherever the meaning is the same. Keys are matched case-insensitively
 * (as the upstream ScratchBird driver does); when several spellings of one property are present
 * in the same source, the canonical name beats an alias, an alias beats a different-case
 * spelling. Host, port and database are not properties: they come from the URL.
 *
 * <p>Invalid values raise an {@link SQLException} with SQLSTATE {@code 22023}
 * (invalid_parameter_value) naming the property, the value and the allowed values. PgJDBC uses
 * {@code 08001} for some of these; {@code 22023} says what is wrong rather than what failed, and
 * the exception is non-transient either way. {@linkplain #isSecret() Secret} values are never
 * shown: not in messages, {@link DriverPropertyInfo}, logs or {@code toString()}.
 */
public enum ScratchBirdProperty {

    // Authentication
    USER(text("user", "Database user name sent at startup.").aliases("username")),
    PASSWORD(text("password", "Password for PASSWORD or SCRAM-SHA-256/512 authentication.").secret()),
    AUTH_TOKEN(text("authToken", "Token sent when the server asks for TOKEN authentication.").secret()
            .aliases("auth_token", "bearerToken", "bearer_token")),
    REQUIRE_AUTH(choiceList("requireAuth",
            "Authentication methods the client accepts (comma-separated); the connection fails if the server asks for another.",
            "password", "scram-sha-256", "scram-sha-512", "token").unset("any").aliases("require_auth")),

    // TLS
    SSL_MODE(choice("sslmode", "prefer",
            "TLS mode: disable, allow (plaintext, then TLS), prefer (TLS, then plaintext), require, verify-ca, verify-full.",
            SslMode.names())),
    SSL(choice("ssl", null,
            "PgJDBC compatibility when sslmode is absent: true (or a bare ssl) means verify-full, false/off/0/no means disable.",
            SslMode.names("true", "false"))
            .synonyms("", "true", "on", "true", "yes", "true", "1", "true", "off", "false", "no", "false", "0", "false")
            .unset("see sslmode")),
    SSL_ROOT_CERT(text("sslrootcert",
            "PEM file (or inline PEM text, or 'system' for the JVM trust store) with the certificates trusted to sign the server's.")),
    SSL_CERT(text("sslcert", "PEM file (or inline PEM text) with the client certificate chain, presented when the server asks for one.")),
    SSL_KEY(text("sslkey",
            "PEM or DER file with the client private key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA or SEC1 EC); default: a key inside sslcert.")),
    SSL_PASSWORD(text("sslpassword", "Password of an encrypted sslkey.").secret()),

    // Timeouts and socket
    CONNECT_TIMEOUT(seconds("connectTimeout", 10, "Seconds to wait for the TCP connection and TLS handshake; 0 waits indefinitely.")
            .aliases("connect_timeout")),
    SOCKET_TIMEOUT(seconds("socketTimeout", 0, "Seconds a socket read may block before the connection is considered broken; 0 disables the limit.")
            .aliases("socket_timeout")),
    LOGIN_TIMEOUT(seconds("loginTimeout", 0, "Seconds the whole connection setup including authentication may take; 0 disables the limit.")
            .aliases("login_timeout")),
    CANCEL_SIGNAL_TIMEOUT(seconds("cancelSignalTimeout", 10, "Seconds to wait for the server to acknowledge a cancel request.")),
    TCP_KEEP_ALIVE(bool("tcpKeepAlive", true, "Enable TCP keep-alive probes (SO_KEEPALIVE) on the socket.")
            .aliases("tcp_keep_alive")),

    // Session
    APPLICATION_NAME(text("ApplicationName", "Application name reported to the server.")
            .defaultValue("ScratchBird JDBC Driver").aliases("application_name")),
    CURRENT_SCHEMA(text("currentSchema", "Schema, or comma-separated search path, set after connecting.")
            .aliases("schema", "search_path")),
    TIMEZONE(zone("timezone", "Session time zone sent at startup.").unset("JVM default time zone")),
    READ_ONLY(bool("readOnly", false, "Open connections in read-only mode.")),

    // Statements and results
    DEFAULT_ROW_FETCH_SIZE(integer("defaultRowFetchSize", 0, 0, "Rows fetched per round trip by default; 0 fetches all rows at once.")
            .aliases("fetchSize", "fetch_size", "default_fetch_size")),
    PREPARE_THRESHOLD(integer("prepareThreshold", 5, -1,
            "Executions of a PreparedStatement before it is prepared on the server; 0 never, -1 from the first execution.")),
    PREPARED_STATEMENT_CACHE_QUERIES(integer("preparedStatementCacheQueries", 256, 0,
            "Server-prepared statements cached per connection; 0 disables the cache.")),
    PREPARED_STATEMENT_CACHE_SIZE_MIB(integer("preparedStatementCacheSizeMiB", 5, 0,
            "Memory limit of the prepared statement cache in MiB; 0 disables the cache.")),
    BINARY_TRANSFER(bool("binaryTransfer", true, "Receive results in binary format where the server supports it.")
            .aliases("binary_transfer")),
    REWRITE_BATCHED_INSERTS(bool("reWriteBatchedInserts", false, "Accepted for PgJDBC compatibility; has no effect.")
            .aliases("rewrite_batched_inserts")),

    // Several hosts
    TARGET_SERVER_TYPE(choice("targetServerType", "any", "Kind of server to connect to when the URL lists several hosts.",
            "any", "primary", "secondary", "preferPrimary", "preferSecondary")),
    LOAD_BALANCE_HOSTS(bool("loadBalanceHosts", false, "Try the URL's hosts in random order instead of the given order.")),
    HOST_RECHECK_SECONDS(seconds("hostRecheckSeconds", 10, "Seconds a host's observed role (primary/secondary) is remembered.")),

    // Diagnostics
    LOGGER_LEVEL(choice("loggerLevel", "OFF", "Driver log level (java.util.logging / System.Logger).",
            "OFF", "INFO", "DEBUG", "TRACE").aliases("logLevel"));

    /**
     * Upper bound of seconds values, so that callers can convert them to int milliseconds. A
     * constant expression (inlined), so the builders may use it while the constants are created.
     */
    private static final int MAX_SECONDS = Integer.MAX_VALUE / 1000;

    /** Lower-case names and aliases; ambiguity would be a registry bug, checked when the class loads. */
    private static final Map<String, ScratchBirdProperty> BY_NAME = new HashMap<>();

    static {
        for (ScratchBirdProperty p : values()) {
            for (String name : p.names()) {
                ScratchBirdProperty clash = BY_NAME.put(name.toLowerCase(Locale.ROOT), p);
                if (clash != null) {
                    throw new ExceptionInInitializerError(name + " names both " + clash + " and " + p);
                }
            }
        }
    }

    private final String name;
    private final List<String> aliases;
    private final PropertyType type;
    private final String defaultValue;
    private final String unsetText;
    private final List<String> choices;
    private final Map<String, String> synonyms;
    private final int min;
    private final int max;
    private final boolean secret;
    private final String description;

    ScratchBirdProperty(Spec spec) {
        this.name = spec.name;
        this.aliases = List.copyOf(spec.aliases);
        this.type = spec.type;
        this.defaultValue = spec.defaultValue;
        this.unsetText = spec.unsetText;
        this.choices = List.copyOf(spec.choices);
        this.synonyms = Map.copyOf(spec.synonyms);
        this.min = spec.min;
        this.max = spec.max;
        this.secret = spec.secret;
        this.description = spec.description;
    }

    /** The canonical name, as used in URLs, {@link Properties} and the documentation. */
    public String propertyName() {
        return name;
    }

    /** Other accepted names (matched case-insensitively like the canonical one). */
    public List<String> aliases() {
        return aliases;
    }

    public PropertyType type() {
        return type;
    }

    /** The value used when the property is not set, in canonical form; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default for people: the value, or what happens when the property is absent. */
    public String defaultText() {
        return defaultValue != null ? defaultValue : unsetText;
    }

    /** The canonical values of a {@link PropertyType#CHOICE} or {@link PropertyType#CHOICE_LIST}; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** Whether the value is a secret that must never be shown (password, sslpassword, authToken). */
    public boolean isSecret() {
        return secret;
    }

    /** One user-facing sentence. */
    public String description() {
        return description;
    }

    /** The value as it may be shown: {@code ***} for a secret. */
    public String displayValue(String value) {
        return secret && value != null ? "***" : value;
    }

    /** What a valid value looks like, for messages and documentation. */
    public String allowedValues() {
        switch (type) {
            case BOOLEAN:
                return "true or false (also on/off, yes/no, 1/0)";
            case INTEGER:
                return "a whole number from " + min + " to " + max;
            case SECONDS:
                return "a whole number of seconds from " + min + " to " + max;
            case CHOICE:
                return "one of " + String.join(", ", choices);
            case CHOICE_LIST:
                return "a comma-separated list of " + String.join(", ", choices);
            case ZONE_ID:
                return "a time-zone id such as UTC, Europe/Berlin or +02:00";
            default:
                return "any text";
        }
    }

    /** The property with this name or alias, ignoring case. */
    public static Optional<ScratchBirdProperty> forName(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key.toLowerCase(Locale.ROOT)));
    }

    /**
     * The canonical name of the property whose name or alias is closest to {@code key} (at most
     * two edits, ignoring case), for "did you mean" hints; null when none is that close.
     */
    static String closestName(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (ScratchBirdProperty p : values()) {
            for (String name : p.names()) {
                int distance = editDistance(lower, name.toLowerCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = p.name;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * How well {@code key} names this property: 0 for the canonical name, 1.. for the aliases in
     * order, then case-insensitive spellings; -1 when it does not name this property.
     */
    int matchRank(String key) {
        if (key.equals(name)) {
            return 0;
        }
        int alias = aliases.indexOf(key);
        if (alias >= 0) {
            return 1 + alias;
        }
        return forName(key).orElse(null) == this ? 1 + aliases.size() : -1;
    }

    /** The value as given under any of this property's names, or null when absent. */
    public String rawValue(Properties properties) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String key : properties.stringPropertyNames()) {
            int rank = matchRank(key);
            // Ties between different-case spellings are broken by key order, so the choice is stable.
            if (rank >= 0 && (rank < bestRank || rank == bestRank && key.compareTo(best) < 0)) {
                best = key;
                bestRank = rank;
            }
        }
        return best == null ? null : properties.getProperty(best);
    }

    /** Whether any spelling of this property is present. */
    public boolean isSet(Properties properties) {
        return rawValue(properties) != null;
    }

    /** Sets the value under the canonical name, removing other spellings so that it cannot be shadowed. */
    public void set(Properties properties, String value) {
        for (String key : properties.stringPropertyNames()) {
            if (matchRank(key) >= 0) {
                properties.remove(key);
            }
        }
        properties.setProperty(name, value);
    }

    /**
     * Checks a value and returns it in canonical form ({@code "TRUE"} → {@code "true"},
     * {@code "Verify-Full"} → {@code "verify-full"}, {@code " 30 "} → {@code "30"}).
     *
     * @return null when {@code raw} is null, or empty for a non-text property (the default applies)
     * @throws SQLException SQLSTATE 22023 naming the property, the value (unless secret) and the allowed values
     */
    public String normalize(String raw) throws SQLException {
        if (raw == null || type == PropertyType.STRING) {
            return raw;
        }
        String value = raw.trim();
        String synonym = synonyms.get(value.toLowerCase(Locale.ROOT));
        if (synonym != null) {
            return synonym;
        }
        if (value.isEmpty()) {
            return null;
        }
        switch (type) {
            case INTEGER:
            case SECONDS:
                return Integer.toString(parseInt(raw, value));
            case CHOICE:
                return canonicalChoice(raw, value);
            case CHOICE_LIST:
                Set<String> items = new LinkedHashSet<>();
                for (String item : value.split(",", -1)) {
                    items.add(canonicalChoice(raw, item.trim()));
                }
                return String.join(",", items);
            case ZONE_ID:
                try {
                    ZoneId.of(value);
                    return value;
                } catch (DateTimeException e) {
                    throw invalidValue(raw);
                }
            default:
                // BOOLEAN: every valid word is a synonym.
                throw invalidValue(raw);
        }
    }

    /** The canonical value, or the default when unset. */
    public String get(Properties properties) throws SQLException {
        String value = normalize(rawValue(properties));
        return value != null ? value : defaultValue;
    }

    public boolean getBoolean(Properties properties) throws SQLException {
        requireType(PropertyType.BOOLEAN);
        return Boolean.parseBoolean(get(properties));
    }

    /** An {@link PropertyType#INTEGER} or {@link PropertyType#SECONDS} value; 0 when unset without a default. */
    public int getInt(Properties properties) throws SQLException {
        requireType(PropertyType.INTEGER, PropertyType.SECONDS);
        String value = get(properties);
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** A {@link PropertyType#SECONDS} value as a duration. */
    public Duration getDuration(Properties properties) throws SQLException {
        requireType(PropertyType.SECONDS);
        return Duration.ofSeconds(getInt(properties));
    }

    /** A {@link PropertyType#CHOICE_LIST} value; empty when unset. */
    public List<String> getList(Properties properties) throws SQLException {
        requireType(PropertyType.CHOICE_LIST);
        String value = get(properties);
        return value == null ? List.of() : List.of(value.split(","));
    }

    /** A {@link PropertyType#ZONE_ID} value; the JVM's default zone when unset. */
    public ZoneId getZoneId(Properties properties) throws SQLException {
        requireType(PropertyType.ZONE_ID);
        String value = get(properties);
        return value == null ? ZoneId.systemDefault() : ZoneId.of(value);
    }

    /** The SQLSTATE 22023 error for an unacceptable value of this property. */
    SQLException invalidValue(String raw) {
        String shown = secret ? " (value hidden)" : " '" + raw + "'";
        return SqlExceptions.invalidParameterValue(
                "Invalid value" + shown + " for connection property " + name + ": expected " + allowedValues());
    }

    /**
     * Checks every known property in {@code properties}, including the {@code ssl}/{@code sslmode} pair.
     *
     * @throws SQLException SQLSTATE 22023 for the first invalid value
     */
    public static void validateAll(Properties properties) throws SQLException {
        for (ScratchBirdProperty p : values()) {
            p.normalize(p.rawValue(properties));
        }
        SslMode.from(properties);
    }

    /**
     * {@code Driver.getPropertyInfo}: every property with its current value (or default),
     * description and choices. Secret values are never echoed; their value is null.
     */
    public static DriverPropertyInfo[] toDriverPropertyInfo(Properties info) {
        Properties given = info == null ? new Properties() : info;
        ScratchBirdProperty[] all = values();
        DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            ScratchBirdProperty p = all[i];
            String raw = p.rawValue(given);
            DriverPropertyInfo d = new DriverPropertyInfo(p.name, p.secret ? null : raw != null ? raw : p.defaultValue);
            d.description = p.description;
            d.required = false;
            if (p.type == PropertyType.BOOLEAN) {
                d.choices = new String[] {"true", "false"};
            } else if (p.type == PropertyType.CHOICE) {
                d.choices = p.choices.toArray(String[]::new);
            }
            out[i] = d;
        }
        return out;
    }

    /** A Markdown table of every property: name, aliases, type, default, description. */
    public static String documentation() {
        StringBuilder out = new StringBuilder("| Property | Aliases | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (ScratchBirdProperty p : values()) {
            String type = p.type.label() + (p.choices.isEmpty() ? "" : ": " + String.join(", ", p.choices));
            out.append("| `").append(p.name).append("` | ")
                    .append(p.aliases.isEmpty() ? "" : "`" + String.join("`, `", p.aliases) + "`").append(" | ")
                    .append(type).append(" | ")
                    .append(p.defaultText()).append(" | ")
                    .append(p.description).append(p.secret ? " Secret: never logged." : "").append(" |\n");
        }
        return out.toString();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    private int parseInt(String raw, String value) throws SQLException {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalidValue(raw);
        }
        if (parsed < min || parsed > max) {
            throw invalidValue(raw);
        }
        return parsed;
    }

    private String canonicalChoice(String raw, String value) throws SQLException {
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw invalidValue(raw);
    }

    private void requireType(PropertyType... accepted) {
        for (PropertyType t : accepted) {
            if (type == t) {
                return;
            }
        }
        throw new IllegalStateException(name + " is a " + type + " property");
    }

    // Builders for the constants above; static methods may run during constant initialisation.

    private static Spec text(String name, String description) {
        return new Spec(name, PropertyType.STRING, description);
    }

    private static Spec bool(String name, boolean defaultValue, String description) {
        return new Spec(name, PropertyType.BOOLEAN, description).defaultValue(Boolean.toString(defaultValue))
                .synonyms("true", "true", "on", "true", "yes", "true", "1", "true",
                        "false", "false", "off", "false", "no", "false", "0", "false");
    }

    private static Spec integer(String name, int defaultValue, int min, String description) {
        Spec spec = new Spec(name, PropertyType.INTEGER, description).defaultValue(Integer.toString(defaultValue));
        spec.min = min;
        return spec;
    }

    private static Spec seconds(String name, int defaultValue, String description) {
        Spec spec = new Spec(name, PropertyType.SECONDS, description).defaultValue(Integer.toString(defaultValue));
        spec.max = MAX_SECONDS;
        return spec;
    }

    private static Spec choice(String name, String defaultValue, String description, String... choices) {
        Spec spec = new Spec(name, PropertyType.CHOICE, description).defaultValue(defaultValue);
        spec.choices = List.of(choices);
        return spec;
    }

    private static Spec choiceList(String name, String description, String... choices) {
        Spec spec = new Spec(name, PropertyType.CHOICE_LIST, description);
        spec.choices = List.of(choices);
        return spec;
    }

    private static Spec zone(String name, String description) {
        return new Spec(name, PropertyType.ZONE_ID, description);
    }

    /** The mutable description of one constant while the enum is being built. */
    private static final class Spec {
        final String name;
        final PropertyType type;
        final String description;
        List<String> aliases = List.of();
        String defaultValue;
        String unsetText = "none";
        List<String> choices = List.of();
        Map<String, String> synonyms = Map.of();
        int min;
        int max = Integer.MAX_VALUE;
        boolean secret;

        Spec(String name, PropertyType type, String description) {
            this.name = name;
            this.type = type;
            this.description = description;
        }

        Spec aliases(String... names) {
            aliases = List.of(names);
            return this;
        }

        Spec defaultValue(String value) {
            defaultValue = value;
            return this;
        }

        Spec unset(String text) {
            unsetText = text;
            return this;
        }

        Spec secret() {
            secret = true;
            return this;
        }

        /** Pairs of (accepted lower-case text, canonical value). */
        Spec synonyms(String... pairs) {
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(pairs[i], pairs[i + 1]);
            }
            synonyms = map;
            return this;
        }
    }
}
