package io.scratchbird.wire.codec;

import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * For every codec: a generator of random values, the edge cases worth pinning down, and what the
 * binary form gives back (the value itself, except timestamptz which comes back in UTC).
 */
final class Samples {

    /** The samples of one codec. */
    record Kind<T>(ValueCodec<T> codec, Function<Random, T> random, List<T> edges, UnaryOperator<T> afterBinary) {

        T next(Random r) {
            // One value in eight is an edge case, so edges also appear inside ranges and arrays.
            return r.nextInt(8) == 0 ? edges.get(r.nextInt(edges.size())) : random.apply(r);
        }

        byte[] nextBinary(Random r) {
            return codec.encodeBinary(next(r));
        }

        String nextText(Random r) {
            return codec.encodeText(next(r));
        }
    }

    private static final Map<ValueCodec<?>, Kind<?>> KINDS = new LinkedHashMap<>();

    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12),
            ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-3, -30),
            ZoneOffset.ofHoursMinutesSeconds(1, 2, 3), ZoneOffset.MAX, ZoneOffset.MIN);

    static {
        add(Codecs.BOOL, Random::nextBoolean, List.of(true, false));
        add(Codecs.INT2, r -> (short) r.nextInt(), List.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1, (short) 1));
        add(Codecs.INT4, r -> r.nextBoolean() ? r.nextInt() : r.nextInt(2000) - 1000,
                List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 7));
        add(Codecs.INT8, r -> r.nextBoolean() ? r.nextLong() : r.nextInt(),
                List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 9_007_199_254_740_993L));
        add(Codecs.FLOAT4, r -> r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian() * 1000,
                List.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 1e-5f, 0.1f, 16777217f));
        add(Codecs.FLOAT8, r -> r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * 1e6,
                List.of(0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, 1e-5, 9_007_199_254_740_993d));
        add(Codecs.NUMERIC, Samples::randomDecimal, List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-0.5"),
                new BigDecimal("12345678901234567890123456789012345678"),
                new BigDecimal("-99999999999999999999999999999999999999.99"),
                new BigDecimal("0.00000000000000000000000000000000000001"),
                new BigDecimal(BigInteger.ONE, NumericCodec.MAX_SCALE),
                new BigDecimal(BigInteger.TEN.pow(1000).negate(), NumericCodec.MAX_SCALE),
                new BigDecimal(BigInteger.TEN.pow(20_000))));
        for (ValueCodec<String> text : List.of(Codecs.TEXT, Codecs.VARCHAR, Codecs.BPCHAR, Codecs.CHAR, Codecs.XML)) {
            add(text, Samples::randomString, List.of("", " ", "NULL", "null", "a\"b\\c", "{a,b}", "(x)[y]", "😀", "𝄞 clef",
                    "\u0000", "tab\tnew\nline", "é", "x".repeat(10_000)));
        }
        add(Codecs.BYTEA, Samples::randomBytes, List.of(new byte[0], new byte[] {0}, new byte[] {'\\'}, allByteValues()));
        add(Codecs.UUID, r -> new UUID(r.nextLong(), r.nextLong()),
                List.of(new UUID(0, 0), new UUID(-1, -1), UUID.fromString("0190f3c2-5a1b-7c3d-8e4f-a1b2c3d4e5f6")));
        add(Codecs.DATE, Samples::randomDate, List.of(LocalDate.of(2000, 1, 1), LocalDate.of(1969, 12, 31),
                LocalDate.of(1970, 1, 1), LocalDate.of(1900, 2, 28), LocalDate.of(1, 1, 1), LocalDate.of(0, 12, 31),
                LocalDate.of(-43, 3, 15), LocalDate.of(2038, 1, 19), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31),
                LocalDate.of(10000, 1, 1), LocalDate.MAX, LocalDate.MIN,
                Epoch2000.dateFromDays(Integer.MAX_VALUE - 1), Epoch2000.dateFromDays(Integer.MIN_VALUE + 1)));
        add(Codecs.TIME, r -> randomTime(r), List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000),
                LocalTime.NOON.plusNanos(500_000_000), LocalTime.of(0, 0, 0, 1000)));
        add(Codecs.TIMETZ, r -> OffsetTime.of(randomTime(r), randomOffset(r)), List.of(
                OffsetTime.of(LocalTime.of(23, 59, 59, 999_999_000), ZoneOffset.ofHours(14)),
                OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.ofHours(-12)),
                OffsetTime.of(LocalTime.of(12, 0), ZoneOffset.ofHoursMinutes(5, 45)),
                OffsetTime.of(LocalTime.of(1, 2, 3), ZoneOffset.UTC)));
        add(Codecs.TIMESTAMP, Samples::randomTimestamp, List.of(LocalDateTime.of(2038, 1, 19, 3, 14, 8),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(-43, 3, 15, 12, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.MAX, LocalDateTime.MIN,
                timestampFromMicros(Long.MAX_VALUE - 1), timestampFromMicros(Long.MIN_VALUE + 1)));
        add(Codecs.TIMESTAMPTZ, r -> Epoch2000.instantFromMicros(randomMicros(r)).atOffset(randomOffset(r)), List.of(
                OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(1900, 2, 28, 0, 0, 0, 0, ZoneOffset.ofHours(-12)),
                OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(5, 45)),
                OffsetDateTime.MAX, OffsetDateTime.MIN), Samples::inUtc);
        add(Codecs.INTERVAL, r -> new Interval(r.nextInt(), r.nextInt(), r.nextLong()), List.of(Interval.ZERO,
                new Interval(-1, 0, 0), new Interval(0, 0, -500_000), new Interval(14, 3, 14_706_500_000L),
                new Interval(-14, -3, -14_706_500_000L), new Interval(1, -1, 1),
                new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)));
        add(Codecs.JSON, r -> Json.of(randomJson(r, 0)), jsonEdges(Json::of));
        add(Codecs.JSONB, r -> Jsonb.of(randomJson(r, 0)), jsonEdges(Jsonb::of));
        add(Codecs.VECTOR, Samples::randomVector, List.of(Vector.of(0f), Vector.of(-0f), Vector.of(1f, 2.5f, -3.25f),
                Vector.of(Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-5f), filledVector(2000), filledVector(Vector.MAX_DIMENSIONS)));

        addRange(Codecs.INT4RANGE, Codecs.INT4, UnaryOperator.identity());
        addRange(Codecs.INT8RANGE, Codecs.INT8, UnaryOperator.identity());
        addRange(Codecs.NUMRANGE, Codecs.NUMERIC, UnaryOperator.identity());
        addRange(Codecs.DATERANGE, Codecs.DATE, UnaryOperator.identity());
        addRange(Codecs.TSRANGE, Codecs.TIMESTAMP, UnaryOperator.identity());
        addRange(Codecs.TSTZRANGE, Codecs.TIMESTAMPTZ, Samples::inUtc);

        for (ArrayCodec array : List.of(Codecs.BOOL_ARRAY, Codecs.BYTEA_ARRAY, Codecs.INT2_ARRAY, Codecs.INT4_ARRAY,
                Codecs.TEXT_ARRAY, Codecs.VARCHAR_ARRAY, Codecs.INT8_ARRAY, Codecs.FLOAT4_ARRAY, Codecs.FLOAT8_ARRAY,
                Codecs.TIMESTAMP_ARRAY, Codecs.DATE_ARRAY, Codecs.TIME_ARRAY, Codecs.TIMESTAMPTZ_ARRAY,
                Codecs.NUMERIC_ARRAY, Codecs.TIMETZ_ARRAY, Codecs.UUID_ARRAY)) {
            addArray(array);
        }
    }

    private Samples() {
    }

    /** Every codec this helper covers (all registered codecs except geometry, tested by its own suite). */
    static List<Kind<?>> all() {
        return List.copyOf(KINDS.values());
    }

    @SuppressWarnings("unchecked")
    static <T> Kind<T> of(ValueCodec<T> codec) {
        return (Kind<T>) KINDS.get(codec);
    }

    private static <T> void add(ValueCodec<T> codec, Function<Random, T> random, List<T> edges) {
        add(codec, random, edges, UnaryOperator.identity());
    }

    private static <T> void add(ValueCodec<T> codec, Function<Random, T> random, List<T> edges, UnaryOperator<T> afterBinary) {
        KINDS.put(codec, new Kind<>(codec, random, edges, afterBinary));
    }

    // ---- scalars ----

    static BigDecimal randomDecimal(Random r) {
        BigInteger unscaled = new BigInteger(r.nextInt(8) == 0 ? 400 : 1 + r.nextInt(130), r);
        int scale = r.nextInt(10) == 0 ? r.nextInt(NumericCodec.MAX_SCALE + 1) : r.nextInt(40);
        return new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), scale);
    }

    static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int length = r.nextInt(16);
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append((char) (32 + r.nextInt(95)));
                case 1 -> sb.append("\"\\,{}()[] \t\n'".charAt(r.nextInt(13)));
                case 2 -> sb.append((char) (0xA0 + r.nextInt(0xD7FF - 0xA0)));
                case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                case 4 -> sb.append((char) ('a' + r.nextInt(26)));
                default -> sb.append((char) (0xE000 + r.nextInt(0xFFFD - 0xE000)));
            }
        }
        return sb.toString();
    }

    static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        return b;
    }

    private static byte[] allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    // ---- date and time ----

    private static final long DAY_9999_12_31 = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final long DAY_4713_BC = LocalDate.of(-4712, 1, 1).toEpochDay();

    static LocalDate randomDate(Random r) {
        if (r.nextInt(5) == 0) { // anywhere in the i32 range
            return Epoch2000.dateFromDays(r.nextInt(Integer.MAX_VALUE - 1) * (r.nextBoolean() ? 1 : -1));
        }
        return LocalDate.ofEpochDay(DAY_4713_BC + (long) (r.nextDouble() * (DAY_9999_12_31 - DAY_4713_BC)));
    }

    static LocalTime randomTime(Random r) {
        return LocalTime.ofNanoOfDay((long) (r.nextDouble() * (MicrosOfDay.MAX + 1)) * 1000);
    }

    static ZoneOffset randomOffset(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> OFFSETS.get(r.nextInt(OFFSETS.size()));
            case 1 -> ZoneOffset.ofTotalSeconds((r.nextInt(36 * 4 + 1) - 72) * 900);
            default -> ZoneOffset.ofTotalSeconds(r.nextInt(2 * 18 * 3600 + 1) - 18 * 3600);
        };
    }

    /** Microseconds since 2000, mostly within a few centuries, sometimes anywhere but the sentinels. */
    static long randomMicros(Random r) {
        long micros = r.nextInt(5) == 0 ? r.nextLong() : (long) (r.nextGaussian() * 3e15);
        return micros == Long.MAX_VALUE || micros == Long.MIN_VALUE ? 0 : micros;
    }

    static LocalDateTime randomTimestamp(Random r) {
        return timestampFromMicros(randomMicros(r));
    }

    static LocalDateTime timestampFromMicros(long micros) {
        return LocalDateTime.ofInstant(Epoch2000.instantFromMicros(micros), ZoneOffset.UTC);
    }

    private static OffsetDateTime inUtc(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    // ---- documents and vectors ----

    private static <T> List<T> jsonEdges(Function<String, T> of) {
        return List.of(of.apply("{}"), of.apply("[]"), of.apply("null"), of.apply("0"), of.apply("\"\""),
                of.apply("{\"k\":[1,2]}"), of.apply(" { \"a\" : 1 ,\n\"b\":[true,false,null]} "),
                of.apply("\"😀\\u00e9\\n\\/\""), of.apply("-1.5e+10"), of.apply("[[[[[[[[[[1]]]]]]]]]]"));
    }

    static String randomJson(Random r, int depth) {
        String ws = r.nextInt(4) == 0 ? " \n\t\r".substring(r.nextInt(4)) : "";
        return ws + switch (depth > 3 ? r.nextInt(3) : r.nextInt(5)) {
            case 0 -> List.of("0", "-1", "3.25", "1e10", "-2.5E-3", "12345678901234567890", "0.0")
                    .get(r.nextInt(7));
            case 1 -> jsonString(randomString(r));
            case 2 -> List.of("true", "false", "null").get(r.nextInt(3));
            case 3 -> {
                List<String> items = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    items.add(randomJson(r, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    members.add(jsonString(randomString(r)) + ws + ":" + randomJson(r, depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        } + ws;
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static Vector randomVector(Random r) {
        float[] v = new float[1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 20)];
        for (int i = 0; i < v.length; i++) {
            float f = r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian();
            v[i] = Float.isFinite(f) ? f : 1.5f;
        }
        return Vector.of(v);
    }

    private static Vector filledVector(int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25f - 100;
        }
        return Vector.of(v);
    }

    // ---- ranges ----

    private static <T extends Comparable<? super T>> void addRange(ValueCodec<Range<T>> codec, ValueCodec<T> elementCodec,
                                                                   UnaryOperator<T> elementAfterBinary) {
        Kind<T> element = of(elementCodec);
        T low = element.edges().stream().min(Comparable::compareTo).orElseThrow();
        T high = element.edges().stream().max(Comparable::compareTo).orElseThrow();
        T some = element.edges().get(0);
        List<Range<T>> edges = List.of(Range.empty(), Range.all(), Range.atLeast(some), Range.greaterThan(some),
                Range.atMost(some), Range.lessThan(some), Range.closed(some, some), Range.closedOpen(some, some),
                Range.open(low, high), Range.closed(low, high), Range.openClosed(low, high));
        UnaryOperator<Range<T>> afterBinary = range -> range.isEmpty() ? range : Range.of(
                range.hasLowerBound() ? elementAfterBinary.apply(range.lower()) : null,
                range.hasUpperBound() ? elementAfterBinary.apply(range.upper()) : null,
                range.isLowerInclusive(), range.isUpperInclusive());
        add(codec, r -> randomRange(r, element), edges, afterBinary);
    }

    private static <T extends Comparable<? super T>> Range<T> randomRange(Random r, Kind<T> element) {
        if (r.nextInt(10) == 0) {
            return Range.empty();
        }
        T a = r.nextInt(6) == 0 ? null : element.next(r);
        T b = r.nextInt(6) == 0 ? null : element.next(r);
        boolean swap = a != null && b != null && a.compareTo(b) > 0;
        return Range.of(swap ? b : a, swap ? a : b, r.nextBoolean(), r.nextBoolean());
    }

    // ---- arrays ----

    private static void addArray(ArrayCodec codec) {
        Kind<?> element = KINDS.get(codec.elementCodec());
        List<Object> two = Arrays.asList(element.edges().get(0), null);
        List<List<?>> edges = List.of(List.of(), Collections.singletonList(null), new ArrayList<>(element.edges()),
                List.of(two, two), List.of(List.of(List.of(element.edges().get(0)))));
        add(codec, r -> randomArray(r, element), edges);
    }

    private static List<?> randomArray(Random r, Kind<?> element) {
        if (r.nextInt(10) == 0) {
            return List.of();
        }
        int rank = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = 1 + r.nextInt(rank == 1 ? 8 : 3);
        }
        return nested(r, element, dims, 0);
    }

    private static List<Object> nested(Random r, Kind<?> element, int[] dims, int level) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < dims[level]; i++) {
            list.add(level + 1 < dims.length ? nested(r, element, dims, level + 1)
                    : r.nextInt(8) == 0 ? null : element.next(r));
        }
        return list;
    }
}
