package io.scratchbird.it.parity;

import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.JsonDocument;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The normalised, language-neutral form of a value in a parity transcript (see
 * {@code parity/README.md}): {@code null}, a string {@code "tag:text"}, or a list of those for
 * an array. The Python runner ({@code python/parity/canon.py}) implements the same rules.
 */
final class Canon {

    private Canon() {
    }

    /** Reads column {@code i} (1-based) of type {@code oid} from the current row. */
    static Object read(ResultSet rs, int i, int oid) throws SQLException {
        Object o;
        switch (oid) {
            case 1082 -> o = rs.getObject(i, LocalDate.class);
            case 1083 -> o = rs.getObject(i, LocalTime.class);
            case 1266 -> o = rs.getObject(i, OffsetTime.class);
            case 1114 -> o = rs.getObject(i, LocalDateTime.class);
            case 1184 -> o = rs.getObject(i, OffsetDateTime.class);
            default -> o = rs.getObject(i);
        }
        if (o == null) {
            return null;
        }
        if (o instanceof Array a) {
            Object[] elements = (Object[]) a.getArray();
            List<Object> out = new ArrayList<>(elements.length);
            for (Object e : elements) {
                out.add(e == null ? null : value(e, 0));
            }
            return out;
        }
        return value(o, oid);
    }

    static String value(Object o, int oid) {
        if (o instanceof Boolean b) {
            return "bool:" + b;
        }
        if (o instanceof Short || o instanceof Integer || o instanceof Long) {
            return "int:" + o;
        }
        if (o instanceof BigDecimal d) {
            return "decimal:" + d.toPlainString();
        }
        if (o instanceof Float f) {
            return "float:" + floatText(f);
        }
        if (o instanceof Double d) {
            return "float:" + doubleText(d);
        }
        if (o instanceof String s) {
            return "text:" + s;
        }
        if (o instanceof byte[] b) {
            return "bytes:" + HexFormat.of().formatHex(b);
        }
        if (o instanceof UUID || o instanceof JsonDocument || o instanceof Geometry || o instanceof Vector
                || o instanceof Interval || o instanceof Range<?> || o instanceof java.time.temporal.Temporal) {
            return tag(o) + ":" + text(o);
        }
        throw new IllegalStateException("no canonical form for " + o.getClass().getName() + " (oid " + oid + ")");
    }

    private static String tag(Object o) {
        if (o instanceof UUID) {
            return "uuid";
        }
        if (o instanceof io.scratchbird.types.Jsonb) {
            return "jsonb";
        }
        if (o instanceof JsonDocument) {
            return "json";
        }
        if (o instanceof Geometry) {
            return "geometry";
        }
        if (o instanceof Vector) {
            return "vector";
        }
        if (o instanceof Interval) {
            return "interval";
        }
        if (o instanceof Range<?>) {
            return "range";
        }
        if (o instanceof LocalDate) {
            return "date";
        }
        if (o instanceof LocalTime) {
            return "time";
        }
        if (o instanceof OffsetTime) {
            return "timetz";
        }
        if (o instanceof LocalDateTime) {
            return "timestamp";
        }
        if (o instanceof OffsetDateTime) {
            return "timestamptz";
        }
        throw new IllegalStateException("no tag for " + o.getClass().getName());
    }

    /** The text part of a value (also used for range bounds, without the tag). */
    static String text(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short) {
            return o.toString();
        }
        if (o instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (o instanceof UUID u) {
            return u.toString();
        }
        if (o instanceof JsonDocument j) {
            return j.text();
        }
        if (o instanceof Geometry g) {
            return g.toEwkt();
        }
        if (o instanceof Vector v) {
            StringBuilder sb = new StringBuilder("[");
            float[] f = v.toArray();
            for (int k = 0; k < f.length; k++) {
                sb.append(k == 0 ? "" : ",").append(floatText(f[k]));
            }
            return sb.append(']').toString();
        }
        if (o instanceof Interval iv) {
            return iv.months() + "m" + iv.days() + "d" + iv.micros() + "us";
        }
        if (o instanceof Range<?> r) {
            if (r.isEmpty()) {
                return "empty";
            }
            return (r.isLowerInclusive() ? "[" : "(") + (r.hasLowerBound() ? text(r.lower()) : "") + ","
                    + (r.hasUpperBound() ? text(r.upper()) : "") + (r.isUpperInclusive() ? "]" : ")");
        }
        if (o instanceof LocalDate d) {
            return date(d);
        }
        if (o instanceof LocalTime t) {
            return time(t);
        }
        if (o instanceof OffsetTime t) {
            return time(t.toLocalTime()) + offset(t.getOffset());
        }
        if (o instanceof LocalDateTime t) {
            return date(t.toLocalDate()) + "T" + time(t.toLocalTime());
        }
        if (o instanceof OffsetDateTime t) {
            LocalDateTime u = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return date(u.toLocalDate()) + "T" + time(u.toLocalTime()) + "Z";
        }
        throw new IllegalStateException("no canonical text for " + o.getClass().getName());
    }

    private static String date(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new IllegalStateException("dates outside years 1-9999 have no canonical form: " + d);
        }
        return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private static String time(LocalTime t) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? s : s + String.format(".%06d", micros);
    }

    private static String offset(ZoneOffset z) {
        int secs = z.getTotalSeconds();
        int abs = Math.abs(secs);
        String s = String.format("%s%02d:%02d", secs < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
        return abs % 60 == 0 ? s : s + String.format(":%02d", abs % 60);
    }

    static String floatText(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return special(f);
        }
        return plain(Float.toString(f));
    }

    static String doubleText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        return plain(Double.toString(d));
    }

    private static String special(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static String plain(String shortest) {
        BigDecimal b = new BigDecimal(shortest);
        return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
}
