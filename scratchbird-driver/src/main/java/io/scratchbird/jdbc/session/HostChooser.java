package io.scratchbird.jdbc.session;

import io.scratchbird.jdbc.HostSpec;
import io.scratchbird.jdbc.SqlExceptions;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the server of a multi-host URL: tries the hosts in URL order (or shuffled with
 * {@code loadBalanceHosts}), likely hosts first according to what this JVM observed about them in
 * the last {@code hostRecheckSeconds}, and keeps the first one whose role
 * ({@code server.role} PARAMETER_STATUS; none means primary) satisfies {@code targetServerType}.
 * Every host is tried at most once per connection attempt; what was observed is remembered in a
 * JVM-wide {@link #STATUS} map (like PgJDBC's GlobalHostStatusTracker).
 */
public final class HostChooser {

    /** What a connection needs of the server. */
    public enum TargetServerType {
        ANY, PRIMARY, SECONDARY, PREFER_PRIMARY, PREFER_SECONDARY;

        /** From the canonical property value ({@code any}, {@code preferSecondary}, …). */
        public static TargetServerType of(String value) {
            if (value == null) {
                return ANY;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "primary" -> PRIMARY;
                case "secondary" -> SECONDARY;
                case "preferprimary" -> PREFER_PRIMARY;
                case "prefersecondary" -> PREFER_SECONDARY;
                default -> ANY;
            };
        }

        /** Whether a server of this role is the one wanted (for prefer*: the preferred kind). */
        boolean wants(Role role) {
            return switch (this) {
                case ANY -> true;
                case PRIMARY, PREFER_PRIMARY -> role == Role.PRIMARY;
                case SECONDARY, PREFER_SECONDARY -> role == Role.SECONDARY;
            };
        }

        /** Whether a server of this role will do when no preferred one is reachable. */
        boolean accepts(Role role) {
            return this == PREFER_PRIMARY || this == PREFER_SECONDARY || wants(role);
        }

        String description() {
            return switch (this) {
                case ANY -> "any";
                case PRIMARY -> "a primary";
                case SECONDARY -> "a secondary";
                case PREFER_PRIMARY -> "a primary (preferred) or secondary";
                case PREFER_SECONDARY -> "a secondary (preferred) or primary";
            };
        }
    }

    /** The role a server reported. */
    public enum Role {
        PRIMARY, SECONDARY;

        /** {@code server.role}; a server that reports none (the upstream server) is a primary. */
        public static Role of(ProtocolSession session) {
            String role = session.serverParameters().get("server.role");
            return role != null && "secondary".equalsIgnoreCase(role.trim()) ? SECONDARY : PRIMARY;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Opens a logged-in session to one host. */
    @FunctionalInterface
    public interface Opener {
        ProtocolSession open(HostSpec host) throws SQLException;
    }

    /** An observation: the role seen, or null when connecting failed; at {@code nanos}. */
    private record Status(Role role, long nanos) {
    }

    /** JVM-wide: what was last observed about each host. */
    private static final Map<HostSpec, Status> STATUS = new ConcurrentHashMap<>();

    private HostChooser() {
    }

    /**
     * Connects to the first host that qualifies.
     *
     * @param recheckSeconds how long an observation is used to order hosts
     * @throws SQLException an authentication failure or unknown database as is (not retried
     *                      elsewhere); with one host its own error; otherwise 08001 naming each host
     *                      and why it did not qualify, the individual errors suppressed
     */
    public static ProtocolSession connect(List<HostSpec> hosts, TargetServerType target, boolean loadBalance,
                                          int recheckSeconds, Opener opener) throws SQLException {
        List<HostSpec> order = candidates(hosts, target, loadBalance, recheckSeconds);
        List<String> reasons = new ArrayList<>();
        List<SQLException> failures = new ArrayList<>();
        ProtocolSession fallback = null;
        HostSpec fallbackHost = null;
        try {
            for (HostSpec host : order) {
                ProtocolSession session;
                try {
                    session = opener.open(host);
                } catch (SQLException e) {
                    if (isFinal(e)) {
                        throw e;   // another host will not accept wrong credentials either
                    }
                    STATUS.put(host, new Status(null, System.nanoTime()));
                    reasons.add(host + " (down: " + e.getMessage() + ")");
                    failures.add(e);
                    continue;
                }
                Role role = Role.of(session);
                STATUS.put(host, new Status(role, System.nanoTime()));
                if (target.wants(role)) {
                    return session;
                }
                if (fallback == null && target.accepts(role)) {
                    fallback = session;      // kept open until a preferred server turns up
                    fallbackHost = host;
                    continue;
                }
                session.close();
                reasons.add(host + " (" + role + ", wrong role)");
            }
            if (fallback != null) {
                ProtocolSession chosen = fallback;
                fallback = null;
                return chosen;
            }
        } finally {
            if (fallback != null) {
                fallback.close();
            }
        }
        if (hosts.size() == 1 && failures.size() == 1) {
            throw failures.get(0);
        }
        SQLException e = SqlExceptions.cannotConnect("Could not connect to " + target.description()
                + " server; tried " + String.join(", ", reasons), failures.isEmpty() ? null : failures.get(failures.size() - 1));
        failures.forEach(e::addSuppressed);
        throw e;
    }

    /** SQLSTATEs that no other host would answer differently. */
    private static boolean isFinal(SQLException e) {
        String state = e.getSQLState();
        return "28P01".equals(state) || "28000".equals(state) || "3D000".equals(state);
    }

    /**
     * The hosts in the order to try: URL order (or shuffled), then stably sorted so that hosts
     * likely to qualify (the wanted role observed, or nothing known) come first, hosts of the
     * other role next and hosts that recently failed last.
     */
    static List<HostSpec> candidates(List<HostSpec> hosts, TargetServerType target, boolean loadBalance,
                                     int recheckSeconds) {
        List<HostSpec> order = new ArrayList<>(hosts);
        if (loadBalance) {
            Collections.shuffle(order, ThreadLocalRandom.current());
        }
        long now = System.nanoTime();
        long window = recheckSeconds * 1_000_000_000L;
        order.sort(Comparator.comparingInt(h -> rank(STATUS.get(h), target, now, window)));
        return order;
    }

    private static int rank(Status s, TargetServerType target, long now, long window) {
        if (s == null || now - s.nanos() > window) {
            return 0;
        }
        if (s.role() == null) {
            return 2;
        }
        return target.wants(s.role()) ? 0 : 1;
    }

    /** Forgets every observation (tests). */
    public static void forgetAll() {
        STATUS.clear();
    }
}
