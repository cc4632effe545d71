package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.SbTypes;
import io.scratchbird.embedded.sql.SqlType;
import io.scratchbird.embedded.sql.functions.Ranges;
import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads one value of a result column as the Java type the wire codec of its declared type encodes
 * (RowCursor's contract): Short for int8/smallint, OffsetDateTime for timestamptz, {@link Json}/
 * {@link Jsonb}, {@code Range} (canonical), {@link Geometry} with its SRID, {@code Vector},
 * {@link Interval}, {@link List} for arrays.
 */
final class ValueReader {

    private ValueReader() {
    }

    static Object read(ResultSet rs, int column, SqlType type) throws SQLException {
        if (SbTypes.isArray(type)) {
            Array array = rs.getArray(column);
            return array == null ? null : list((Object[]) array.getArray(), SbTypes.elementOf(type));
        }
        Object value = switch (type.oid()) {
            case TypeOids.BOOL -> rs.getBoolean(column);
            case TypeOids.INT2 -> rs.getShort(column);
            case TypeOids.INT4 -> rs.getInt(column);
            case TypeOids.INT8 -> rs.getLong(column);
            case TypeOids.FLOAT4 -> rs.getFloat(column);
            case TypeOids.FLOAT8 -> rs.getDouble(column);
            case TypeOids.NUMERIC -> rs.getBigDecimal(column);
            case TypeOids.BYTEA -> rs.getBytes(column);
            case TypeOids.DATE -> rs.getObject(column, LocalDate.class);
            case TypeOids.TIME -> rs.getObject(column, LocalTime.class);
            case TypeOids.TIMETZ -> rs.getObject(column, OffsetTime.class);
            case TypeOids.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case TypeOids.TIMESTAMPTZ -> rs.getObject(column, OffsetDateTime.class);
            // getObject(column, Interval.class) drops the sign in H2 2.4; the untyped getObject keeps it
            case TypeOids.INTERVAL -> interval((org.h2.api.Interval) rs.getObject(column));
            case TypeOids.UUID -> rs.getObject(column, UUID.class);
            case TypeOids.POINT -> geometry(rs.getBytes(column));
            default -> text(rs.getString(column), type);
        };
        return rs.wasNull() ? null : value;
    }

    /** Types stored as text: character types as they are, the rest parsed. */
    private static Object text(String text, SqlType type) {
        if (text == null) {
            return null;
        }
        return switch (type.oid()) {
            case TypeOids.JSON -> Json.of(text);
            case TypeOids.JSONB -> Jsonb.of(text);
            case TypeOids.VECTOR -> Codecs.VECTOR.decodeText(text);
            case TypeOids.INT4RANGE, TypeOids.INT8RANGE, TypeOids.NUMRANGE, TypeOids.TSRANGE, TypeOids.TSTZRANGE,
                 TypeOids.DATERANGE -> Ranges.parse(type.name(), text);
            default -> text;
        };
    }

    private static Geometry geometry(byte[] ewkb) {
        return ewkb == null ? null : Geometry.fromWkb(ewkb);
    }

    /** Storage keeps year-month and day-time intervals apart; either becomes months, days, micros. */
    static Interval interval(org.h2.api.Interval v) {
        if (v == null) {
            return null;
        }
        long sign = v.isNegative() ? -1 : 1;
        long months = Math.abs(v.getYears()) * 12 + Math.abs(v.getMonths());
        long micros = ((Math.abs(v.getHours()) * 60 + Math.abs(v.getMinutes())) * 60 + Math.abs(v.getSeconds()))
                * 1_000_000 + Math.abs(v.getNanosOfSecond()) / 1000;
        return new Interval(Math.toIntExact(sign * months), Math.toIntExact(sign * Math.abs(v.getDays())), sign * micros);
    }

    private static List<Object> list(Object[] items, SqlType element) {
        List<Object> out = new ArrayList<>(items.length);
        for (Object item : items) {
            out.add(element(item, element));
        }
        return Collections.unmodifiableList(out);
    }

    /** An array element (storage's default Java object) as the element type's Java type. */
    private static Object element(Object item, SqlType type) {
        if (item == null) {
            return null;
        }
        return switch (type.oid()) {
            case TypeOids.INT2 -> ((Number) item).shortValue();
            case TypeOids.INT4 -> ((Number) item).intValue();
            case TypeOids.INT8 -> ((Number) item).longValue();
            case TypeOids.FLOAT4 -> ((Number) item).floatValue();
            case TypeOids.FLOAT8 -> ((Number) item).doubleValue();
            case TypeOids.DATE -> item instanceof java.sql.Date d ? d.toLocalDate() : item;
            case TypeOids.TIME -> item instanceof java.sql.Time t ? t.toLocalTime() : item;
            case TypeOids.TIMESTAMP -> item instanceof java.sql.Timestamp t ? t.toLocalDateTime() : item;
            case TypeOids.NUMERIC -> item instanceof java.math.BigDecimal ? item : new java.math.BigDecimal(item.toString());
            // an array whose element type could not be declared more precisely is text[]: its elements are text
            case TypeOids.TEXT, TypeOids.VARCHAR -> item instanceof String ? item
                    : item instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(item);
            default -> item;
        };
    }
}
