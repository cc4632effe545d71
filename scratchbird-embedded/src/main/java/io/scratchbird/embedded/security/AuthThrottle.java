package io.scratchbird.embedded.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Throttles repeated authentication failures (issue 11): after {@code maxFailures} failed logins
 * for the same (client address, user name) within {@code window}, further attempts for that pair
 * are refused without checking the credential until the window has passed since the last failure.
 * A successful login clears the pair's count.
 *
 * <p>The key includes the user name as the client sent it, known or not, so throttling reveals
 * nothing about which users exist; it includes the address so that one noisy client cannot lock a
 * user out for everybody. The table is bounded: expired entries are swept, and when it is full the
 * oldest entries go first.
 */
public final class AuthThrottle {

    /** Default: 10 failures per (address, user) ... */
    public static final int DEFAULT_MAX_FAILURES = 10;
    /** ... within a minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, long lastNanos) {
    }

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AuthThrottle(int maxFailures, Duration window) {
        this(maxFailures, window, System::nanoTime);
    }

    AuthThrottle(int maxFailures, Duration window, LongSupplier clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    private static String key(String address, String user) {
        return address + '\u0000' + user;
    }

    /** Whether an attempt from {@code address} as {@code user} is refused without checking it. */
    public boolean throttled(String address, String user) {
        Failures f = failures.get(key(address, user));
        if (f == null) {
            return false;
        }
        if (clock.getAsLong() - f.lastNanos() > windowNanos) {
            failures.remove(key(address, user), f);
            return false;
        }
        return f.count() >= maxFailures;
    }

    /** Records a failed attempt. */
    public void failed(String address, String user) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_TRACKED) {
            sweep(now);
        }
        failures.compute(key(address, user), (k, f) ->
                f == null || now - f.lastNanos() > windowNanos ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    /** Records a successful login: the pair starts from zero again. */
    public void succeeded(String address, String user) {
        failures.remove(key(address, user));
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Failures>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue().lastNanos() > windowNanos || failures.size() >= MAX_TRACKED) {
                it.remove();
            }
        }
    }

    public int maxFailures() {
        return maxFailures;
    }
}
