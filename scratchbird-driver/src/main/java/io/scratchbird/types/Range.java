package io.scratchbird.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * An immutable value of one of the SQL range types ({@code int4range}, {@code int8range},
 * {@code numrange}, {@code daterange}, {@code tsrange}, {@code tstzrange}): either empty, or a
 * lower and an upper bound, each inclusive, exclusive or absent (unbounded). An absent bound is
 * always reported as exclusive.
 *
 * <p>Ranges are kept exactly as given: {@code [1,5]} is not rewritten to {@code [1,6)} and
 * {@code [5,5)} is not turned into {@code empty} (PostgreSQL canonicalises both; the server does,
 * the driver does not). Equality compares the bounds with {@code equals} and the inclusivity flags.
 *
 * @param <T> the element type
 */
public final class Range<T extends Comparable<? super T>> {

    private static final Range<?> EMPTY = new Range<>(null, null, false, false, true);

    private final T lower;
    private final T upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean empty;

    private Range(T lower, T upper, boolean lowerInclusive, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lowerInclusive;
        this.upperInclusive = upperInclusive;
        this.empty = empty;
    }

    /** The empty range, which contains nothing and has no bounds. */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<? super T>> Range<T> empty() {
        return (Range<T>) EMPTY;
    }

    /**
     * @param lower null for no lower bound
     * @param upper null for no upper bound
     * @throws IllegalArgumentException when {@code lower} is greater than {@code upper}
     */
    public static <T extends Comparable<? super T>> Range<T> of(T lower, T upper, boolean lowerInclusive, boolean upperInclusive) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("range lower bound " + lower + " is greater than its upper bound " + upper);
        }
        return new Range<>(lower, upper, lowerInclusive && lower != null, upperInclusive && upper != null, false);
    }

    /** {@code [lower,upper]} */
    public static <T extends Comparable<? super T>> Range<T> closed(T lower, T upper) {
        return of(Objects.requireNonNull(lower, "lower"), Objects.requireNonNull(upper, "upper"), true, true);
    }

    /** {@code (lower,upper)} */
    public static <T extends Comparable<? super T>> Range<T> open(T lower, T upper) {
        return of(Objects.requireNonNull(lower, "lower"), Objects.requireNonNull(upper, "upper"), false, false);
    }

    /** {@code [lower,upper)}, the form PostgreSQL canonicalises discrete ranges to. */
    public static <T extends Comparable<? super T>> Range<T> closedOpen(T lower, T upper) {
        return of(Objects.requireNonNull(lower, "lower"), Objects.requireNonNull(upper, "upper"), true, false);
    }

    /** {@code (lower,upper]} */
    public static <T extends Comparable<? super T>> Range<T> openClosed(T lower, T upper) {
        return of(Objects.requireNonNull(lower, "lower"), Objects.requireNonNull(upper, "upper"), false, true);
    }

    /** {@code [lower,)} */
    public static <T extends Comparable<? super T>> Range<T> atLeast(T lower) {
        return of(Objects.requireNonNull(lower, "lower"), null, true, false);
    }

    /** {@code (lower,)} */
    public static <T extends Comparable<? super T>> Range<T> greaterThan(T lower) {
        return of(Objects.requireNonNull(lower, "lower"), null, false, false);
    }

    /** {@code (,upper]} */
    public static <T extends Comparable<? super T>> Range<T> atMost(T upper) {
        return of(null, Objects.requireNonNull(upper, "upper"), false, true);
    }

    /** {@code (,upper)} */
    public static <T extends Comparable<? super T>> Range<T> lessThan(T upper) {
        return of(null, Objects.requireNonNull(upper, "upper"), false, false);
    }

    /** {@code (,)}, every value. */
    public static <T extends Comparable<? super T>> Range<T> all() {
        return of(null, null, false, false);
    }

    public boolean isEmpty() {
        return empty;
    }

    /** The lower bound, or null when unbounded or empty. */
    public T lower() {
        return lower;
    }

    /** The upper bound, or null when unbounded or empty. */
    public T upper() {
        return upper;
    }

    public boolean hasLowerBound() {
        return lower != null;
    }

    public boolean hasUpperBound() {
        return upper != null;
    }

    public boolean isLowerInclusive() {
        return lowerInclusive;
    }

    public boolean isUpperInclusive() {
        return upperInclusive;
    }

    /** Whether {@code value} lies inside the range, judged by {@link Comparable#compareTo}. */
    public boolean contains(T value) {
        Objects.requireNonNull(value, "value");
        if (empty) {
            return false;
        }
        if (lower != null) {
            int c = lower.compareTo(value);
            if (c > 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = value.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /**
     * The range literal with each bound written by {@code boundText}: {@code [a,b)}, {@code (,b]},
     * {@code (,)}, {@code empty}. A bound text is double-quoted, with {@code "} and {@code \}
     * backslash-escaped, when it is empty or contains {@code ,()[]"\} or whitespace
     * ({@link LiteralQuoting}).
     */
    public String format(Function<? super T, String> boundText) {
        if (empty) {
            return "empty";
        }
        StringBuilder sb = new StringBuilder().append(lowerInclusive ? '[' : '(');
        if (lower != null) {
            LiteralQuoting.appendItem(sb, boundText.apply(lower), LiteralQuoting.RANGE_SPECIALS);
        }
        sb.append(',');
        if (upper != null) {
            LiteralQuoting.appendItem(sb, boundText.apply(upper), LiteralQuoting.RANGE_SPECIALS);
        }
        return sb.append(upperInclusive ? ']' : ')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range<?> r && empty == r.empty && lowerInclusive == r.lowerInclusive
                && upperInclusive == r.upperInclusive && Objects.equals(lower, r.lower) && Objects.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(empty, lower, upper, lowerInclusive, upperInclusive);
    }

    /** The literal with bounds written by {@code String.valueOf}, e.g. {@code [1,5)}. */
    @Override
    public String toString() {
        return format(String::valueOf);
    }
}
