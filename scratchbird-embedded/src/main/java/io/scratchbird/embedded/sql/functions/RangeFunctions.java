package io.scratchbird.embedded.sql.functions;

import org.h2.value.Value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Range constructors, predicates and accessors (SQL-DIALECT.md 7.2). Constructors return the
 * canonical text of their type; the predicates read ranges with {@link LooseRange}.
 */
public final class RangeFunctions {

    private static final String DEFAULT_BOUNDS = "[)";

    private RangeFunctions() {
    }

    public static String int4range(Integer lower, Integer upper) {
        return int4range(lower, upper, DEFAULT_BOUNDS);
    }

    public static String int4range(Integer lower, Integer upper, String bounds) {
        return Ranges.construct("int4range", lower, upper, bounds);
    }

    public static String int8range(Long lower, Long upper) {
        return int8range(lower, upper, DEFAULT_BOUNDS);
    }

    public static String int8range(Long lower, Long upper, String bounds) {
        return Ranges.construct("int8range", lower, upper, bounds);
    }

    public static String numrange(BigDecimal lower, BigDecimal upper) {
        return numrange(lower, upper, DEFAULT_BOUNDS);
    }

    public static String numrange(BigDecimal lower, BigDecimal upper, String bounds) {
        return Ranges.construct("numrange", lower, upper, bounds);
    }

    public static String daterange(LocalDate lower, LocalDate upper) {
        return daterange(lower, upper, DEFAULT_BOUNDS);
    }

    public static String daterange(LocalDate lower, LocalDate upper, String bounds) {
        return Ranges.construct("daterange", lower, upper, bounds);
    }

    public static String tsrange(LocalDateTime lower, LocalDateTime upper) {
        return tsrange(lower, upper, DEFAULT_BOUNDS);
    }

    public static String tsrange(LocalDateTime lower, LocalDateTime upper, String bounds) {
        return Ranges.construct("tsrange", lower, upper, bounds);
    }

    public static String tstzrange(OffsetDateTime lower, OffsetDateTime upper) {
        return tstzrange(lower, upper, DEFAULT_BOUNDS);
    }

    public static String tstzrange(OffsetDateTime lower, OffsetDateTime upper, String bounds) {
        return Ranges.construct("tstzrange", lower, upper, bounds);
    }

    /** {@code text::int4range} and friends: checks and canonicalises. */
    public static String cast(String text, String typeName) {
        return text == null ? null : Ranges.format(typeName, Ranges.parse(typeName, text));
    }

    /** Domain check of the range types. */
    public static Boolean check(String text, String typeName) {
        if (text != null) {
            Ranges.parse(typeName, text);
        }
        return Boolean.TRUE;
    }

    /** range_contains(r1, r2): every value of r2 lies in r1. */
    public static Boolean contains(Value outer, Value inner) {
        if (JsonFunctions.isNull(outer) || JsonFunctions.isNull(inner)) {
            return null;
        }
        LooseRange a = LooseRange.of(outer);
        LooseRange b = LooseRange.of(inner);
        if (b.empty) {
            return true;
        }
        return !a.empty
                && LooseRange.compareBounds(a.lower, a.lowerInclusive, true, b.lower, b.lowerInclusive, true) <= 0
                && LooseRange.compareBounds(a.upper, a.upperInclusive, false, b.upper, b.upperInclusive, false) >= 0;
    }

    /** range_contains_element(r, v). */
    public static Boolean containsElement(Value range, Value element) {
        if (JsonFunctions.isNull(range) || JsonFunctions.isNull(element)) {
            return null;
        }
        LooseRange r = LooseRange.of(range);
        if (r.empty) {
            return false;
        }
        Object v = LooseRange.element(element);
        if (r.lower != null) {
            int c = LooseRange.compareValues(r.lower.value(), v);
            if (c > 0 || c == 0 && !r.lowerInclusive) {
                return false;
            }
        }
        if (r.upper != null) {
            int c = LooseRange.compareValues(v, r.upper.value());
            return c < 0 || c == 0 && r.upperInclusive;
        }
        return true;
    }

    /** range_overlaps(r1, r2): some value lies in both. */
    public static Boolean overlaps(Value first, Value second) {
        if (JsonFunctions.isNull(first) || JsonFunctions.isNull(second)) {
            return null;
        }
        LooseRange a = LooseRange.of(first);
        LooseRange b = LooseRange.of(second);
        if (a.empty || b.empty) {
            return false;
        }
        return startsWithin(a, b) || startsWithin(b, a);
    }

    /** Whether {@code a}'s lower bound lies inside {@code b}. */
    private static boolean startsWithin(LooseRange a, LooseRange b) {
        return LooseRange.compareBounds(a.lower, a.lowerInclusive, true, b.lower, b.lowerInclusive, true) >= 0
                && LooseRange.compareBounds(a.lower, a.lowerInclusive, true, b.upper, b.upperInclusive, false) <= 0;
    }

    /** range_strictly_left(r1, r2): every value of r1 is below every value of r2. */
    public static Boolean strictlyLeft(Value first, Value second) {
        if (JsonFunctions.isNull(first) || JsonFunctions.isNull(second)) {
            return null;
        }
        LooseRange a = LooseRange.of(first);
        LooseRange b = LooseRange.of(second);
        return !a.empty && !b.empty
                && LooseRange.compareBounds(a.upper, a.upperInclusive, false, b.lower, b.lowerInclusive, true) < 0;
    }

    /** range_strictly_right(r1, r2). */
    public static Boolean strictlyRight(Value first, Value second) {
        return strictlyLeft(second, first);
    }

    /** range_lower: the (canonical) lower bound as text; NULL when empty or unbounded. */
    public static String lower(Value range) {
        LooseRange r = JsonFunctions.isNull(range) ? null : LooseRange.of(range);
        return r == null || r.lower == null ? null : r.lower.text();
    }

    public static String upper(Value range) {
        LooseRange r = JsonFunctions.isNull(range) ? null : LooseRange.of(range);
        return r == null || r.upper == null ? null : r.upper.text();
    }

    public static Boolean lowerInclusive(Value range) {
        return JsonFunctions.isNull(range) ? null : LooseRange.of(range).lowerInclusive;
    }

    public static Boolean upperInclusive(Value range) {
        return JsonFunctions.isNull(range) ? null : LooseRange.of(range).upperInclusive;
    }
}
