package io.scratchbird.jdbc;

import io.scratchbird.types.Interval;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values bound to a prepared statement, already encoded for BIND: binary with the codec of
 * their type (never spliced into the SQL text), or UTF-8 text with OID 0 for strings, which the
 * server then reads as the statement's context requires (like PgJDBC's
 * {@code stringtype=unspecified}).
 */
final class Parameters {

    private final int[] oids;
    private final byte[][] values;
    private final int[] formats;
    private final boolean[] set;
    /** The JDBC index of the first value: 2 in {@code {? = call f(?)}}, where 1 is the function's result. */
    private final int firstIndex;

    Parameters(int count) {
        this(count, 1);
    }

    Parameters(int count, int firstIndex) {
        oids = new int[count];
        values = new byte[count][];
        formats = new int[count];
        set = new boolean[count];
        this.firstIndex = firstIndex;
    }

    private Parameters(Parameters p) {
        firstIndex = p.firstIndex;
        oids = p.oids.clone();
        values = p.values.clone();
        formats = p.formats.clone();
        set = p.set.clone();
    }

    Parameters copy() {
        return new Parameters(this);
    }

    int count() {
        return oids.length;
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(set, false);
        Arrays.fill(oids, 0);
    }

    int firstIndex() {
        return firstIndex;
    }

    private int slot(int index) throws SQLException {
        if (index >= 1 && index < firstIndex) {
            throw new SQLDataException("parameter " + index + " is the function's result in {? = call …}, not an input; "
                    + "register it with registerOutParameter", "22023");
        }
        if (index < firstIndex || index >= firstIndex + oids.length) {
            throw new SQLDataException("parameter index " + index + " is out of range; the statement has "
                    + oids.length + " parameter(s)", "22023");
        }
        return index - firstIndex;
    }

    void setNull(int index, int oid) throws SQLException {
        int i = slot(index);
        oids[i] = oid;
        values[i] = null;
        formats[i] = ValueCodec.FORMAT_BINARY;
        set[i] = true;
    }

    void setText(int index, String s) throws SQLException {
        int i = slot(index);
        oids[i] = TypeOids.UNSPECIFIED;
        values[i] = s.getBytes(StandardCharsets.UTF_8);
        formats[i] = ValueCodec.FORMAT_TEXT;
        set[i] = true;
    }

    /** Binds a value with the codec of {@code oid}, converting common Java types first. */
    @SuppressWarnings("unchecked")
    void set(int index, int oid, Object value) throws SQLException {
        int i = slot(index);
        if (value == null) {
            setNull(index, oid);
            return;
        }
        if (oid == TypeOids.UNSPECIFIED) {
            setText(index, value instanceof String s ? s : Conversions.string(value));
            return;
        }
        ValueCodec<Object> codec = (ValueCodec<Object>) Codecs.byOid(oid);
        if (codec == null) {
            setText(index, Conversions.string(value));
            return;
        }
        Object v = adapt(value, codec.javaType());
        boolean text = TEXT_BOUND.contains(oid);
        try {
            values[i] = text ? codec.encodeText(v).getBytes(StandardCharsets.UTF_8) : codec.encodeBinary(v);
        } catch (WireFormatException | ClassCastException | IllegalArgumentException e) {
            throw new SQLDataException("cannot bind " + value.getClass().getSimpleName() + " to parameter " + index
                    + " as " + JdbcTypes.typeName(oid) + ": " + e.getMessage(), "22023", e);
        }
        oids[i] = oid;
        formats[i] = text ? ValueCodec.FORMAT_TEXT : ValueCodec.FORMAT_BINARY;
        set[i] = true;
    }

    /**
     * Types bound in text format (with their OID): a server that splices parameters into the SQL
     * text (the reference server, spec 8.7) renders binary geometry (EWKB) and ranges as raw bytes,
     * while their text forms (EWKT, {@code [a,b)}) are valid literals; a typed server decodes either.
     */
    private static final java.util.Set<Integer> TEXT_BOUND = java.util.Set.of(TypeOids.POINT, TypeOids.INT4RANGE,
            TypeOids.INT8RANGE, TypeOids.NUMRANGE, TypeOids.DATERANGE, TypeOids.TSRANGE, TypeOids.TSTZRANGE);

    /** Java values that encode as another class: java.sql dates, Instant, float[], Duration… */
    private static Object adapt(Object v, Class<?> target) throws SQLException {
        if (target.isInstance(v)) {
            return v;
        }
        if (v instanceof float[] f && target == Vector.class) {
            return Vector.of(f);
        }
        if (v instanceof double[] d && target == Vector.class) {
            float[] f = new float[d.length];
            for (int k = 0; k < d.length; k++) {
                f[k] = (float) d[k];
            }
            return Vector.of(f);
        }
        if (v instanceof Instant in && target == java.time.OffsetDateTime.class) {
            return in.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof ZonedDateTime z && target == java.time.OffsetDateTime.class) {
            return z.toOffsetDateTime();
        }
        if (v instanceof java.time.Duration d && target == Interval.class) {
            return Interval.of(d);
        }
        if (v instanceof java.time.Period p && target == Interval.class) {
            return Interval.of(p);
        }
        if (v instanceof ScratchBirdArray a && target == List.class) {
            return a.elements();
        }
        if (v instanceof java.sql.Array a && target == List.class && a.getArray() instanceof Object[] elements) {
            return ScratchBirdArray.of(a.getBaseTypeName(), elements).elements();   // another driver's Array
        }
        if (v instanceof Object[] o && target == List.class) {
            return Arrays.asList(o);
        }
        if (v instanceof Range<?> && target == Range.class) {
            return v;
        }
        return Conversions.to(v, target);
    }

    /** @throws SQLException 07001 naming the first parameter without a value */
    void checkComplete() throws SQLException {
        for (int i = 0; i < set.length; i++) {
            if (!set[i]) {
                throw new SQLException("no value specified for parameter " + (i + firstIndex), "07001");
            }
        }
    }

    List<Integer> oidList() {
        List<Integer> l = new ArrayList<>(oids.length);
        for (int o : oids) {
            l.add(o);
        }
        return l;
    }

    List<Integer> formatList() {
        List<Integer> l = new ArrayList<>(formats.length);
        for (int f : formats) {
            l.add(f);
        }
        return l;
    }

    byte[][] values() {
        return values;
    }
}
