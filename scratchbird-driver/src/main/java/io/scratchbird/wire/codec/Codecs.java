package io.scratchbird.wire.codec;

import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The registry of value codecs: one shared, stateless instance per SBWP value type, looked up by
 * OID or by wire type name.
 */
public final class Codecs {

    public static final ValueCodec<Boolean> BOOL = new BoolCodec();
    public static final ValueCodec<Short> INT2 = IntegerCodec.int2();
    public static final ValueCodec<Integer> INT4 = IntegerCodec.int4();
    public static final ValueCodec<Long> INT8 = IntegerCodec.int8();
    public static final ValueCodec<Float> FLOAT4 = FloatCodec.float4();
    public static final ValueCodec<Double> FLOAT8 = FloatCodec.float8();
    public static final ValueCodec<BigDecimal> NUMERIC = new NumericCodec();

    public static final ValueCodec<String> TEXT = new TextCodec(TypeOids.TEXT, "text");
    public static final ValueCodec<String> VARCHAR = new TextCodec(TypeOids.VARCHAR, "varchar");
    public static final ValueCodec<String> BPCHAR = new TextCodec(TypeOids.BPCHAR, "bpchar");
    public static final ValueCodec<String> CHAR = new TextCodec(TypeOids.CHAR, "char");
    public static final ValueCodec<String> XML = new TextCodec(TypeOids.XML, "xml");
    public static final ValueCodec<byte[]> BYTEA = new ByteaCodec();

    public static final ValueCodec<LocalDate> DATE = new DateCodec();
    public static final ValueCodec<LocalTime> TIME = new TimeCodec();
    public static final ValueCodec<OffsetTime> TIMETZ = new TimetzCodec();
    public static final ValueCodec<LocalDateTime> TIMESTAMP = new TimestampCodec();
    public static final ValueCodec<OffsetDateTime> TIMESTAMPTZ = new TimestamptzCodec();
    public static final ValueCodec<Interval> INTERVAL = new IntervalCodec();

    public static final ValueCodec<UUID> UUID = new UuidCodec();
    public static final ValueCodec<Json> JSON = new JsonCodec<>(TypeOids.JSON, "json", Json.class, Json::of);
    public static final ValueCodec<Jsonb> JSONB = new JsonCodec<>(TypeOids.JSONB, "jsonb", Jsonb.class, Jsonb::of);
    public static final ValueCodec<Vector> VECTOR = new VectorCodec();

    public static final ValueCodec<Range<Integer>> INT4RANGE = new RangeCodec<>(TypeOids.INT4RANGE, "int4range", INT4);
    public static final ValueCodec<Range<Long>> INT8RANGE = new RangeCodec<>(TypeOids.INT8RANGE, "int8range", INT8);
    public static final ValueCodec<Range<BigDecimal>> NUMRANGE = new RangeCodec<>(TypeOids.NUMRANGE, "numrange", NUMERIC);
    public static final ValueCodec<Range<LocalDate>> DATERANGE = new RangeCodec<>(TypeOids.DATERANGE, "daterange", DATE);
    public static final ValueCodec<Range<LocalDateTime>> TSRANGE = new RangeCodec<>(TypeOids.TSRANGE, "tsrange", TIMESTAMP);
    public static final ValueCodec<Range<OffsetDateTime>> TSTZRANGE = new RangeCodec<>(TypeOids.TSTZRANGE, "tstzrange", TIMESTAMPTZ);

    public static final ArrayCodec BOOL_ARRAY = new ArrayCodec(TypeOids.BOOL_ARRAY, BOOL);
    public static final ArrayCodec BYTEA_ARRAY = new ArrayCodec(TypeOids.BYTEA_ARRAY, BYTEA);
    public static final ArrayCodec INT2_ARRAY = new ArrayCodec(TypeOids.INT2_ARRAY, INT2);
    public static final ArrayCodec INT4_ARRAY = new ArrayCodec(TypeOids.INT4_ARRAY, INT4);
    public static final ArrayCodec TEXT_ARRAY = new ArrayCodec(TypeOids.TEXT_ARRAY, TEXT);
    public static final ArrayCodec VARCHAR_ARRAY = new ArrayCodec(TypeOids.VARCHAR_ARRAY, VARCHAR);
    public static final ArrayCodec INT8_ARRAY = new ArrayCodec(TypeOids.INT8_ARRAY, INT8);
    public static final ArrayCodec FLOAT4_ARRAY = new ArrayCodec(TypeOids.FLOAT4_ARRAY, FLOAT4);
    public static final ArrayCodec FLOAT8_ARRAY = new ArrayCodec(TypeOids.FLOAT8_ARRAY, FLOAT8);
    public static final ArrayCodec TIMESTAMP_ARRAY = new ArrayCodec(TypeOids.TIMESTAMP_ARRAY, TIMESTAMP);
    public static final ArrayCodec DATE_ARRAY = new ArrayCodec(TypeOids.DATE_ARRAY, DATE);
    public static final ArrayCodec TIME_ARRAY = new ArrayCodec(TypeOids.TIME_ARRAY, TIME);
    public static final ArrayCodec TIMESTAMPTZ_ARRAY = new ArrayCodec(TypeOids.TIMESTAMPTZ_ARRAY, TIMESTAMPTZ);
    public static final ArrayCodec NUMERIC_ARRAY = new ArrayCodec(TypeOids.NUMERIC_ARRAY, NUMERIC);
    public static final ArrayCodec TIMETZ_ARRAY = new ArrayCodec(TypeOids.TIMETZ_ARRAY, TIMETZ);
    public static final ArrayCodec UUID_ARRAY = new ArrayCodec(TypeOids.UUID_ARRAY, UUID);

    /** Geometry of every kind travels under OID 600 with the name {@code geometry}. */
    public static final ValueCodec<io.scratchbird.types.Geometry> GEOMETRY = GeometryCodec.INSTANCE;

    private static final Map<Integer, ValueCodec<?>> BY_OID = new LinkedHashMap<>();
    private static final Map<String, ValueCodec<?>> BY_NAME = new LinkedHashMap<>();

    static {
        for (ValueCodec<?> codec : new ValueCodec<?>[] {
                BOOL, INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC,
                TEXT, VARCHAR, BPCHAR, CHAR, XML, BYTEA,
                DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL,
                UUID, JSON, JSONB, VECTOR, GEOMETRY,
                INT4RANGE, INT8RANGE, NUMRANGE, DATERANGE, TSRANGE, TSTZRANGE,
                BOOL_ARRAY, BYTEA_ARRAY, INT2_ARRAY, INT4_ARRAY, TEXT_ARRAY, VARCHAR_ARRAY, INT8_ARRAY,
                FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY, DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY,
                NUMERIC_ARRAY, TIMETZ_ARRAY, UUID_ARRAY}) {
            register(codec);
        }
    }

    private Codecs() {
    }

    private static void register(ValueCodec<?> codec) {
        if (BY_OID.put(codec.oid(), codec) != null || BY_NAME.put(codec.typeName(), codec) != null) {
            throw new IllegalStateException("two codecs for OID " + codec.oid() + " / " + codec.typeName());
        }
    }

    /** The codec for an OID (see {@link TypeOids}), or null when the type has none. */
    public static ValueCodec<?> byOid(int oid) {
        return BY_OID.get(oid);
    }

    /** The codec for a wire type name such as {@code int4}, {@code tstzrange} or {@code text[]} (any case), or null. */
    public static ValueCodec<?> byName(String typeName) {
        return typeName == null ? null : BY_NAME.get(typeName.toLowerCase(Locale.ROOT));
    }

    /** Every registered codec, in registration order. */
    public static Collection<ValueCodec<?>> all() {
        return Collections.unmodifiableCollection(BY_OID.values());
    }
}
