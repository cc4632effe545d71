package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SystemSchemas;
import org.h2.value.Value;

import java.util.Map;
import java.util.UUID;

/**
 * The order of an HNSW search's candidates, handed to storage for one statement. The index has
 * already computed each candidate's exact distance (with storage's own arithmetic, from the logged
 * vector, which for a row written once is the row's vector), so the statement that re-reads the
 * candidates for visibility and the filter orders them by {@link #rank} instead of parsing every
 * stored vector again. The ranks live in a thread-local for the duration of that statement: storage
 * evaluates functions on the executing thread.
 */
public final class HnswRank {

    /** Storage's name of {@link #rank}: internal, not an SBsql function. */
    static final String FUNCTION = SystemSchemas.qualified(SystemSchemas.FUNCTIONS, "sb_hnsw_candidate_rank");

    static final String CREATE = "CREATE ALIAS IF NOT EXISTS " + FUNCTION + " FOR '" + HnswRank.class.getName() + ".rank'";

    private static final ThreadLocal<Map<String, Integer>> RANKS = new ThreadLocal<>();

    /** Statements ordered by ranks (for tests). */
    static final java.util.concurrent.atomic.AtomicLong RANKED = new java.util.concurrent.atomic.AtomicLong();

    private HnswRank() {
    }

    /** The candidate's place (0 = nearest); after every candidate when no search is ranking on this thread. */
    public static int rank(Value key) {
        Map<String, Integer> ranks = RANKS.get();
        Integer rank = ranks == null || key == null ? null : ranks.get(key.getString());
        return rank == null ? Integer.MAX_VALUE : rank;
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

    static void enter(Map<String, Integer> ranks) {
        RANKED.incrementAndGet();
        RANKS.set(ranks);
    }

    static void exit() {
        RANKS.remove();
    }
}
