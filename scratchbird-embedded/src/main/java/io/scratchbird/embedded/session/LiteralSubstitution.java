package io.scratchbird.embedded.session;

import io.scratchbird.wire.LittleEndian;
import io.scratchbird.wire.codec.TypeOids;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reference-quirks binding (spec 8.7, errata A.3): each BIND value becomes an SQL literal that is
 * spliced into the statement text, exactly as the upstream server does — except that every quote
 * inside a quoted literal is doubled on both the text and the binary path, so a value can never
 * break out of its literal.
 */
final class LiteralSubstitution {

    private static final Set<Integer> UNQUOTED_TEXT = Set.of(TypeOids.BOOL, TypeOids.INT8, TypeOids.INT2, TypeOids.INT4,
            TypeOids.FLOAT4, TypeOids.FLOAT8, TypeOids.NUMERIC);
    private static final Set<Integer> QUOTED_BINARY = Set.of(TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.DATE,
            TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ);
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private LiteralSubstitution() {
    }

    /** The literal for one parameter value ({@code null} = SQL NULL). */
    static String literal(int format, int oid, byte[] value) {
        if (value == null) {
            return "NULL";
        }
        if (format == 0) {
            String text = new String(value, StandardCharsets.UTF_8);
            return UNQUOTED_TEXT.contains(oid) ? text : quote(text);
        }
        switch (oid) {
            case TypeOids.BOOL:
                if (value.length >= 1) {
                    return value[0] == 0 ? "FALSE" : "TRUE";
                }
                break;
            case TypeOids.INT2:
                if (value.length >= 2) {
                    return Short.toString((short) ((value[0] & 0xFF) | (value[1] & 0xFF) << 8));
                }
                break;
            case TypeOids.INT4:
                if (value.length >= 4) {
                    return Integer.toString(LittleEndian.getInt(value, 0));
                }
                break;
            case TypeOids.INT8:
                if (value.length >= 8) {
                    return Long.toString(LittleEndian.getLong(value, 0));
                }
                break;
            case TypeOids.FLOAT4:
                if (value.length >= 4) {
                    return sixDigits(Float.intBitsToFloat(LittleEndian.getInt(value, 0)));
                }
                break;
            case TypeOids.FLOAT8:
                if (value.length >= 8) {
                    return sixDigits(Double.longBitsToDouble(LittleEndian.getLong(value, 0)));
                }
                break;
            case TypeOids.UUID:
                if (value.length == 16) {
                    return "'" + new UUID(LittleEndian.getLongBigEndian(value, 0), LittleEndian.getLongBigEndian(value, 8)) + "'";
                }
                break;
            default:
                break;
        }
        String body = stripPrefix(value);
        if (oid == TypeOids.NUMERIC) {
            return body;
        }
        if (QUOTED_BINARY.contains(oid)) {
            return quote(body);
        }
        return oid == TypeOids.UNSPECIFIED && NUMBER.matcher(body).matches() ? body : quote(body);
    }

    /** Errata C.10: the body is the {@code len} bytes after a fitting u32 prefix, else the whole value. */
    private static String stripPrefix(byte[] v) {
        if (v.length >= 4) {
            long len = LittleEndian.getInt(v, 0) & 0xFFFF_FFFFL;
            if (len <= v.length - 4) {
                return new String(v, 4, (int) len, StandardCharsets.UTF_8);
            }
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** C {@code %g} with 6 significant digits, as the upstream conversion prints floats. */
    static String sixDigits(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(d)));
        String s;
        if (exp < -4 || exp >= 6) {
            s = String.format(Locale.ROOT, "%.5e", d);
            String mantissa = trimZeros(s.substring(0, s.indexOf('e')));
            int e = Integer.parseInt(s.substring(s.indexOf('e') + 1));
            s = mantissa + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
        } else {
            s = trimZeros(String.format(Locale.ROOT, "%." + Math.max(0, 5 - exp) + "f", d));
        }
        return s;
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Splices literals into {@code sql}: {@code $n} takes literal n, each {@code ?} the next
     * literal in order (an independent counter, spec H-31); surplus and out-of-range markers stay.
     */
    static String substitute(String sql, List<String> literals) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * literals.size());
        int[] next = {0};
        PlaceholderScanner.scan(sql, new PlaceholderScanner.Visitor() {
            @Override
            public void text(String s, int from, int to) {
                out.append(s, from, to);
            }

            @Override
            public void marker(String s, int from, int to, long position) {
                if (position == 0) {
                    out.append(next[0] < literals.size() ? literals.get(next[0]++) : "?");
                } else {
                    out.append(position <= literals.size() ? literals.get((int) position - 1) : s.substring(from, to));
                }
            }
        });
        return out.toString();
    }
}
