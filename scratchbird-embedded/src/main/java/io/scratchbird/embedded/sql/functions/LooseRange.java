package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import org.h2.value.Value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * A range read from its text alone, for the range functions: range values are stored as text, so a
 * function sees {@code [1,5)} without knowing whether it is an int4range or a numrange. Bounds are
 * compared as numbers or as instants (dates at midnight UTC, zone-less timestamps as UTC). Values of
 * the continuous range types arrive on their own storage type and are compared as they are; other
 * range text whose bounds are all integers or all dates is treated as discrete and canonicalised to
 * {@code [a,b)}, exact for int4range/int8range/daterange (an untyped literal such as {@code '[1,5]'}
 * therefore counts as discrete).
 *
 * <p>Bound comparison follows PostgreSQL's: an exclusive lower bound sorts just after its value, an
 * exclusive upper bound just before it, infinite bounds at the ends.
 */
final class LooseRange {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0).toFormatter();

    /** One finite bound: its text and its comparable value (BigDecimal or Instant). */
    record Bound(String text, Object value) {
    }

    final Bound lower;
    final Bound upper;
    final boolean lowerInclusive;
    final boolean upperInclusive;
    final boolean empty;

    private LooseRange(Bound lower, Bound upper, boolean lowerInclusive, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lowerInclusive && lower != null;
        this.upperInclusive = upperInclusive && upper != null;
        this.empty = empty;
    }

    /**
     * Reads an argument of a range function: text stored on the continuous-range storage type is
     * taken as continuous, other text is judged by its bounds.
     */
    static LooseRange of(Value value) {
        return parse(value.getString(), value.getValueType() == Value.VARCHAR_IGNORECASE);
    }

    static LooseRange parse(String text, boolean continuous) {
        String t = text.strip();
        if (t.equalsIgnoreCase("empty")) {
            return new LooseRange(null, null, false, false, true);
        }
        if (t.length() < 3 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0) {
            throw Ranges.malformed(text);
        }
        int comma = separator(t);
        if (comma < 0) {
            throw Ranges.malformed(text);
        }
        Bound lower = bound(unquote(t.substring(1, comma).strip()), text);
        Bound upper = bound(unquote(t.substring(comma + 1, t.length() - 1).strip()), text);
        return new LooseRange(lower, upper, t.charAt(0) == '[', t.charAt(t.length() - 1) == ']', false).canonical(continuous);
    }

    /** The comma between the bounds, outside double quotes. */
    private static int separator(String t) {
        boolean quoted = false;
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\").replace("\"\"", "\"");
        }
        return s;
    }

    private static Bound bound(String s, String whole) {
        if (s.isEmpty()) {
            return null;
        }
        Comparable<?> value = comparable(s);
        if (value == null) {
            throw Ranges.malformed(whole);
        }
        return bound(s, value);
    }

    private static Bound bound(String text, Comparable<?> value) {
        return new Bound(text, value);
    }

    /** A bound text as a BigDecimal or an Instant, or null when it is neither. */
    private static Comparable<?> comparable(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException notNumber) {
            // fall through to temporal forms
        }
        if (s.length() == 10) {
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s, TIMESTAMP).toInstant();
        } catch (DateTimeParseException notTimestamp) {
            return null;
        }
    }

    /** An element value (an SQL value; temporal ones by their text) in the same comparable space as bounds. */
    static Object element(Value v) {
        Comparable<?> c = switch (v.getValueType()) {
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT, Value.NUMERIC, Value.DECFLOAT, Value.REAL,
                 Value.DOUBLE -> v.getBigDecimal();
            default -> comparable(v.getString().strip());
        };
        if (c == null) {
            throw new FunctionError("22P02", SqlErrors.REJECTED, "invalid range element: \"" + v.getString() + "\"");
        }
        return c;
    }

    private boolean discrete() {
        return isDiscrete(lower) && isDiscrete(upper) && (lower != null || upper != null);
    }

    private static boolean isDiscrete(Bound b) {
        return b == null || b.value() instanceof BigDecimal d && d.scale() <= 0 && !b.text().contains(".")
                && !b.text().toLowerCase(java.util.Locale.ROOT).contains("e")
                || b.value() instanceof Instant && b.text().length() == 10;
    }

    private LooseRange canonical(boolean continuous) {
        if (empty) {
            return this;
        }
        Bound lo = lower;
        Bound hi = upper;
        boolean loInc = lowerInclusive;
        boolean hiInc = upperInclusive;
        if (!continuous && discrete()) {
            if (lo != null && !loInc) {
                lo = successor(lo);
            }
            if (hi != null && hiInc) {
                hi = successor(hi);
            }
            loInc = lo != null;
            hiInc = false;
        }
        if (lo != null && hi != null) {
            int c = compareValues(lo.value(), hi.value());
            if (c > 0) {
                throw new FunctionError("22000", SqlErrors.REJECTED,
                        "range lower bound must be less than or equal to range upper bound");
            }
            if (c == 0 && !(loInc && hiInc)) {
                return new LooseRange(null, null, false, false, true);
            }
        }
        return new LooseRange(lo, hi, loInc, hiInc, false);
    }

    private static Bound successor(Bound b) {
        if (b.value() instanceof BigDecimal d) {
            BigDecimal next = d.add(BigDecimal.ONE);
            return bound(next.toPlainString(), next);
        }
        Instant next = ((Instant) b.value()).plus(1, ChronoUnit.DAYS);
        return bound(LocalDate.ofInstant(next, ZoneOffset.UTC).toString(), next);
    }

    /**
     * PostgreSQL's bound order. {@code isLower} tells which end each bound is; a null value is infinite.
     */
    static int compareBounds(Bound a, boolean aInclusive, boolean aIsLower, Bound b, boolean bInclusive, boolean bIsLower) {
        if (a == null && b == null) {
            return aIsLower == bIsLower ? 0 : aIsLower ? -1 : 1;
        }
        if (a == null) {
            return aIsLower ? -1 : 1;
        }
        if (b == null) {
            return bIsLower ? 1 : -1;
        }
        int c = compareValues(a.value(), b.value());
        if (c != 0) {
            return c;
        }
        if (!aInclusive && !bInclusive) {
            return aIsLower == bIsLower ? 0 : aIsLower ? 1 : -1;
        }
        if (!aInclusive) {
            return aIsLower ? 1 : -1;
        }
        if (!bInclusive) {
            return bIsLower ? -1 : 1;
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    static int compareValues(Object a, Object b) {
        if (a.getClass() != b.getClass()) {
            throw new FunctionError("42883", SqlErrors.NOT_FOUND,
                    "range bounds and operands of different kinds (numbers and times) cannot be compared");
        }
        return ((Comparable<Object>) a).compareTo(b);
    }
}
