package io.scratchbird.embedded.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SBsql interval literals ({@code INTERVAL 'P1DT2H'} in ISO-8601, also PostgreSQL's
 * {@code INTERVAL '1 day 2 hours'}) as storage interval literals. Storage keeps year-month and
 * day-time intervals apart, so a literal mixing months with days or time is refused.
 */
final class IntervalLiterals {

    private static final Pattern ISO = Pattern.compile(
            "([-+])?P(?:(-?\\d+)Y)?(?:(-?\\d+)M)?(?:(-?\\d+)W)?(?:(-?\\d+)D)?"
                    + "(?:T(?:(-?\\d+)H)?(?:(-?\\d+)M)?(?:(-?\\d+(?:\\.\\d+)?)S)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERBOSE_PART = Pattern.compile(
            "\\s*(-?\\d+(?:\\.\\d+)?)\\s*(years?|mons?|months?|weeks?|days?|hours?|mins?|minutes?|secs?|seconds?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);

    private IntervalLiterals() {
    }

    static String toStorage(String text, int offset) throws EngineException {
        long[] parts = parse(text.strip(), offset);
        long months = parts[0];
        long days = parts[1];
        long micros = parts[2];
        if (months != 0 && (days != 0 || micros != 0)) {
            throw SqlErrors.unsupported("an interval literal mixing months with days or time ('" + text + "')");
        }
        if (months != 0) {
            return "INTERVAL '" + (months < 0 ? "-" : "") + Math.abs(months) / 12 + "-" + Math.abs(months) % 12
                    + "' YEAR TO MONTH";
        }
        long totalMicros = Math.addExact(Math.multiplyExact(days, 86_400_000_000L), micros);
        long abs = Math.abs(totalMicros);
        BigDecimal seconds = BigDecimal.valueOf(abs % 60_000_000L).divide(MICROS_PER_SECOND, 6, RoundingMode.UNNECESSARY)
                .stripTrailingZeros();
        return String.format(Locale.ROOT, "INTERVAL '%s%d %02d:%02d:%s' DAY TO SECOND", totalMicros < 0 ? "-" : "",
                abs / 86_400_000_000L, abs / 3_600_000_000L % 24, abs / 60_000_000L % 60,
                (seconds.compareTo(BigDecimal.TEN) < 0 ? "0" : "") + seconds.toPlainString());
    }

    /** {months, days, micros}. */
    private static long[] parse(String text, int offset) throws EngineException {
        Matcher iso = ISO.matcher(text);
        if (iso.matches() && text.length() > 1 && !text.equalsIgnoreCase("PT") && !text.endsWith("T")) {
            long sign = "-".equals(iso.group(1)) ? -1 : 1;
            long months = sign * (number(iso.group(2)) * 12 + number(iso.group(3)));
            long days = sign * (number(iso.group(4)) * 7 + number(iso.group(5)));
            long micros = sign * (number(iso.group(6)) * 3_600_000_000L + number(iso.group(7)) * 60_000_000L
                    + micros(iso.group(8)));
            return new long[] {months, days, micros};
        }
        long[] parts = new long[3];
        Matcher m = VERBOSE_PART.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            BigDecimal amount = new BigDecimal(m.group(1));
            switch (unit.charAt(0)) {
                case 'y' -> parts[0] += amount.longValueExact() * 12;
                case 'w' -> parts[1] += amount.longValueExact() * 7;
                case 'd' -> parts[1] += amount.longValueExact();
                case 'h' -> parts[2] += amount.multiply(BigDecimal.valueOf(3_600_000_000L)).longValue();
                case 's' -> parts[2] += amount.multiply(MICROS_PER_SECOND).longValue();
                default -> {
                    if (unit.startsWith("mi")) {
                        parts[2] += amount.multiply(BigDecimal.valueOf(60_000_000L)).longValue();
                    } else {
                        parts[0] += amount.longValueExact();
                    }
                }
            }
            at = m.end();
        }
        if (at == 0 || at != text.length()) {
            throw new EngineException("22007", SqlErrors.REJECTED,
                    "invalid input syntax for type interval: \"" + text + "\"", offset + 1);
        }
        return parts;
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static long micros(String seconds) {
        return seconds == null ? 0 : new BigDecimal(seconds).multiply(MICROS_PER_SECOND).longValue();
    }
}
