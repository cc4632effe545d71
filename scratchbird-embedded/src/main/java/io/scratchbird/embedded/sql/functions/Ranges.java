package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.types.Range;
import io.scratchbird.wire.ValueFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.ValueCodec;

import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * Typed range values for the six range types: parsing their text form with the driver's codecs,
 * canonicalising the discrete ones as ScratchBird (like PostgreSQL) does — {@code [1,5]} becomes
 * {@code [1,6)}, {@code [5,5)} becomes {@code empty} — and formatting them back.
 */
public final class Ranges {

    private Ranges() {
    }

    /** The codec of a range type name ({@code int4range} …), or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static ValueCodec<Range<?>> codec(String typeName) {
        return switch (typeName) {
            case "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange" ->
                    (ValueCodec<Range<?>>) (ValueCodec<?>) Codecs.byName(typeName);
            default -> null;
        };
    }

    /**
     * Parses and canonicalises range text of a known type.
     *
     * @throws FunctionError 22P02 when the text is not a range of that type
     */
    public static Range<?> parse(String typeName, String text) {
        ValueCodec<Range<?>> codec = codec(typeName);
        if (codec == null) {
            throw new FunctionError("42704", SqlErrors.NOT_FOUND, "type \"" + typeName + "\" is not a range type");
        }
        try {
            return canonical(typeName, codec.decodeText(text));
        } catch (ValueFormatException | IllegalArgumentException e) {
            throw malformed(text);
        }
    }

    /** The canonical text of a range value of the given type. */
    public static String format(String typeName, Range<?> range) {
        return codec(typeName).encodeText(canonical(typeName, range));
    }

    static FunctionError malformed(String text) {
        return new FunctionError("22P02", SqlErrors.REJECTED, "malformed range literal: \"" + text + "\"");
    }

    /** Discrete ranges in {@code [a,b)} form, empty ones as {@link Range#empty()}; continuous ones only emptied. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Range<?> canonical(String typeName, Range<?> range) {
        Range r = range;
        return switch (typeName) {
            case "int4range" -> discrete(r, (UnaryOperator<Integer>) i -> Math.addExact(i, 1));
            case "int8range" -> discrete(r, (UnaryOperator<Long>) i -> Math.addExact(i, 1L));
            case "daterange" -> discrete(r, (UnaryOperator<LocalDate>) d -> d.plusDays(1));
            default -> emptied(r);
        };
    }

    private static <T extends Comparable<? super T>> Range<T> discrete(Range<T> r, UnaryOperator<T> next) {
        if (r.isEmpty()) {
            return r;
        }
        T lower = r.lower();
        T upper = r.upper();
        if (lower != null && !r.isLowerInclusive()) {
            lower = next.apply(lower);
        }
        if (upper != null && r.isUpperInclusive()) {
            upper = next.apply(upper);
        }
        if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
            return Range.empty();
        }
        return Range.of(lower, upper, true, false);
    }

    private static <T extends Comparable<? super T>> Range<T> emptied(Range<T> r) {
        if (!r.isEmpty() && r.lower() != null && r.upper() != null && r.lower().compareTo(r.upper()) == 0
                && !(r.isLowerInclusive() && r.isUpperInclusive())) {
            return Range.empty();
        }
        return r;
    }

    /** {@code [)}, {@code [)}, {@code (]}, {@code ()} as lower/upper inclusivity. */
    static boolean[] bounds(String flags) {
        if (flags == null || flags.length() != 2 || "[(".indexOf(flags.charAt(0)) < 0 || "])".indexOf(flags.charAt(1)) < 0) {
            throw new FunctionError("42601", SqlErrors.REJECTED, "invalid range bound flags \"" + flags
                    + "\"; valid values are \"[]\", \"[)\", \"(]\", and \"()\"");
        }
        return new boolean[] {flags.charAt(0) == '[', flags.charAt(1) == ']'};
    }

    /** Builds, checks and formats a range from constructor arguments. */
    static <T extends Comparable<? super T>> String construct(String typeName, T lower, T upper, String flags) {
        boolean[] inclusive = bounds(flags);
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new FunctionError("22000", SqlErrors.REJECTED,
                    "range lower bound must be less than or equal to range upper bound");
        }
        return format(typeName, Range.of(lower, upper, inclusive[0], inclusive[1]));
    }
}
