package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SystemSchemas;
import org.h2.value.Value;

import java.util.Map;
import java.util.UUID;

/**
 * The distances of an HNSW search's candidates, handed to storage for one statement. The index has
 * already computed each candidate's distance exactly as the statement's distance function would
 * (storage's own arithmetic, from the logged vector, which for a row written once is the row's
 * vector), so the statement that re-reads the candidates for visibility and the filter orders them
 * by {@link #distance} (with the statement's own direction and tie-breaking keys) instead of parsing
 * every stored vector again. The values live in a thread-local for the duration of that statement:
 * storage evaluates functions on the executing thread.
 */
public final class HnswCandidateDistances {

    /** Storage's name of {@link #distance}: internal, not an SBsql function. */
    static final String FUNCTION = SystemSchemas.qualified(SystemSchemas.FUNCTIONS, "sb_hnsw_candidate_distance");

    static final String CREATE = "CREATE ALIAS IF NOT EXISTS " + FUNCTION + " FOR '" + HnswCandidateDistances.class.getName()
            + ".distance'";

    private static final ThreadLocal<Map<String, Double>> DISTANCES = new ThreadLocal<>();

    /** Statements ordered by handed-over distances (for tests). */
    static final java.util.concurrent.atomic.AtomicLong RANKED = new java.util.concurrent.atomic.AtomicLong();

    private HnswCandidateDistances() {
    }

    /** The candidate's distance; null for a key that is not a candidate (never the case in a ranked statement). */
    public static Double distance(Value key) {
        Map<String, Double> distances = DISTANCES.get();
        return distances == null || key == null ? null : distances.get(key.getString());
    }

    /**
     * The text storage gives a key of this Java type, or null when the type's text forms may
     * differ (then the statement orders by the distance itself).
     */
    static String keyText(Object key) {
        if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof String
                || key instanceof UUID) {
            return key.toString();
        }
        return null;
    }

    static void enter(Map<String, Double> distances) {
        RANKED.incrementAndGet();
        DISTANCES.set(distances);
    }

    static void exit() {
        DISTANCES.remove();
    }
}
