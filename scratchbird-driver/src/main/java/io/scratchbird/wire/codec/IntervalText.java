package io.scratchbird.wire.codec;

import io.scratchbird.types.Interval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the two interval text syntaxes: ISO-8601 durations ({@code P1Y2M3DT4H5M6.5S}, signed
 * fields such as {@code P-1M}, a sign before the whole, weeks {@code W}) and PostgreSQL's
 * verbose style ({@code 1 year 2 mons -3 days 04:05:06.5}, optionally {@code @ ...} and a
 * trailing {@code ago} that negates everything). Fractions are accepted on time units and rounded
 * half up to microseconds; months, days and microseconds must each fit their binary field.
 */
final class IntervalText {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long NANOS_PER_UNIT = 1_000_000_000L;

    /** Which of the three interval fields a unit adds to. */
    private enum Field { MONTHS, DAYS, MICROS }

    /** A unit of the verbose syntax: the field it adds to and how many of that field's units it is. */
    private record Unit(Field field, long factor) {
    }

    private static final Map<String, Unit> VERBOSE_UNITS = new HashMap<>();

    static {
        unit(Field.MONTHS, 12_000, "millennium", "millennia", "millenniums", "mil", "mils");
        unit(Field.MONTHS, 1_200, "century", "centuries", "cent", "c");
        unit(Field.MONTHS, 120, "decade", "decades", "dec", "decs");
        unit(Field.MONTHS, 12, "year", "years", "yr", "yrs", "y");
        unit(Field.MONTHS, 1, "month", "months", "mon", "mons");
        unit(Field.DAYS, 7, "week", "weeks", "w");
        unit(Field.DAYS, 1, "day", "days", "d");
        unit(Field.MICROS, MICROS_PER_HOUR, "hour", "hours", "hr", "hrs", "h");
        unit(Field.MICROS, MICROS_PER_MINUTE, "minute", "minutes", "min", "mins", "m");
        unit(Field.MICROS, MICROS_PER_SECOND, "second", "seconds", "sec", "secs", "s");
        unit(Field.MICROS, 1_000, "millisecond", "milliseconds", "msec", "msecs", "ms");
        unit(Field.MICROS, 1, "microsecond", "microseconds", "usec", "usecs", "us");
    }

    private static void unit(Field field, long factor, String... names) {
        for (String name : names) {
            VERBOSE_UNITS.put(name, new Unit(field, factor));
        }
    }

    private final TextCursor c;
    private long months;
    private long days;
    private long micros;

    private IntervalText(TextCursor c) {
        this.c = c;
    }

    static Interval parse(String typeName, String text) {
        TextCursor c = new TextCursor(typeName, text);
        c.skipSpaces();
        int start = c.position();
        IntervalText reader = new IntervalText(c);
        if (isIso(text, start)) {
            boolean negated = c.accept('-');
            c.accept('+');
            c.next(); // the 'P'
            reader.iso();
            if (negated) {
                reader.negate(start);
            }
        } else {
            reader.verbose(start);
        }
        c.skipSpaces();
        c.expectEnd();
        return reader.result(start);
    }

    /** ISO-8601 starts with {@code P}, possibly after a sign for the whole duration. */
    private static boolean isIso(String text, int at) {
        int p = at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+') ? at + 1 : at;
        return p < text.length() && (text.charAt(p) == 'P' || text.charAt(p) == 'p');
    }

    // ---- ISO-8601 ----

    private void iso() {
        int fields = isoFields("YMWD", false);
        if (c.accept('T') || c.accept('t')) {
            int timeFields = isoFields("HMS", true);
            if (timeFields == 0) {
                throw c.error("'T' must be followed by at least one of H, M, S");
            }
            fields += timeFields;
        }
        if (fields == 0) {
            throw c.error("an ISO-8601 interval needs at least one field after 'P'");
        }
    }

    /** Reads fields whose designators appear in {@code order}, each at most once and in that order. */
    private int isoFields(String order, boolean time) {
        int fields = 0;
        int last = -1;
        while (!c.atEnd() && c.peek() != 'T' && c.peek() != 't') {
            int start = c.position();
            Number n = number(time);
            int designator = c.atEnd() ? -1 : order.indexOf(Character.toUpperCase(c.next()));
            if (designator < 0 || designator <= last) {
                throw c.errorAt(start, "expected a number followed by one of " + order + ", in that order");
            }
            last = designator;
            char unit = order.charAt(designator);
            if (time) {
                add(Field.MICROS, unit == 'H' ? MICROS_PER_HOUR : unit == 'M' ? MICROS_PER_MINUTE : MICROS_PER_SECOND, n, start);
            } else {
                add(unit == 'Y' || unit == 'M' ? Field.MONTHS : Field.DAYS, unit == 'Y' ? 12 : unit == 'W' ? 7 : 1, n, start);
            }
            fields++;
        }
        return fields;
    }

    // ---- PostgreSQL verbose ----

    private void verbose(int start) {
        c.accept('@');
        boolean any = false;
        while (true) {
            c.skipSpaces();
            if (c.atEnd()) {
                break;
            }
            if (any && c.acceptIgnoreCase("ago")) {
                negate(start);
                break;
            }
            int at = c.position();
            Number n = number(true);
            if (c.peek() == ':') {
                clockTime(n, at);
            } else {
                c.skipSpaces();
                add(verboseUnit(), n, at);
            }
            any = true;
        }
        if (!any) {
            throw c.errorAt(start, "an interval needs at least one field");
        }
    }

    private Unit verboseUnit() {
        int start = c.position();
        while (Character.isLetter(c.peek())) {
            c.next();
        }
        String word = c.text().substring(start, c.position()).toLowerCase(Locale.ROOT);
        Unit unit = VERBOSE_UNITS.get(word);
        if (unit == null) {
            throw c.errorAt(start, word.isEmpty() ? "expected a unit after the number" : "unknown interval unit '" + word + "'");
        }
        return unit;
    }

    /** {@code [-]h:mm[:ss[.f]]}, whose sign applies to all of it; {@code hours} has been read. */
    private void clockTime(Number hours, int start) {
        if (hours.fractionNanos != 0) {
            throw c.errorAt(start, "the hours of a clock time must be whole");
        }
        c.expect(':');
        long total;
        try {
            total = Math.addExact(Math.multiplyExact(hours.whole, MICROS_PER_HOUR), c.twoDigits(59, "minutes") * MICROS_PER_MINUTE);
            if (c.accept(':')) {
                Number seconds = number(true);
                if (seconds.negative || seconds.whole > 59) {
                    throw c.errorAt(start, "seconds of a clock time must be 0 to 59");
                }
                total = Math.addExact(total, seconds.times(MICROS_PER_SECOND));
            }
            micros = Math.addExact(micros, hours.negative ? -total : total);
        } catch (ArithmeticException e) {
            throw outOfRange(start);
        }
    }

    // ---- shared ----

    /** A signed decimal as written: whole part and the fraction in nanoseconds of one unit. */
    private record Number(boolean negative, long whole, long fractionNanos) {

        /** This many of a unit worth {@code factor} micros, rounded half up. */
        long times(long factor) {
            long fraction = (fractionNanos * factor + NANOS_PER_UNIT / 2) / NANOS_PER_UNIT;
            return Math.addExact(Math.multiplyExact(whole, factor), fraction);
        }
    }

    private Number number(boolean fractionAllowed) {
        boolean negative = c.peek() == '-';
        if (!c.accept('-')) {
            c.accept('+');
        }
        long whole = c.digits(1, 18, "number");
        long fractionNanos = 0;
        if (c.peek() == '.' || c.peek() == ',') {
            if (!fractionAllowed) {
                throw c.error("only time fields may have a fraction");
            }
            c.next();
            int start = c.position();
            long digits = c.digits(1, 9, "fraction");
            for (int i = c.position() - start; i < 9; i++) {
                digits *= 10;
            }
            fractionNanos = digits;
        }
        return new Number(negative, whole, fractionNanos);
    }

    private void add(Unit unit, Number n, int at) {
        add(unit.field(), unit.factor(), n, at);
    }

    private void add(Field field, long factor, Number n, int at) {
        if (field != Field.MICROS && n.fractionNanos != 0) {
            throw c.errorAt(at, "years, months, weeks and days must be whole numbers");
        }
        try {
            long amount = n.times(factor);
            amount = n.negative ? -amount : amount;
            switch (field) {
                case MONTHS -> months = Math.addExact(months, amount);
                case DAYS -> days = Math.addExact(days, amount);
                case MICROS -> micros = Math.addExact(micros, amount);
            }
        } catch (ArithmeticException e) {
            throw outOfRange(at);
        }
    }

    private void negate(int at) {
        try {
            months = Math.negateExact(months);
            days = Math.negateExact(days);
            micros = Math.negateExact(micros);
        } catch (ArithmeticException e) {
            throw outOfRange(at);
        }
    }

    private Interval result(int at) {
        if (months != (int) months || days != (int) days) {
            throw outOfRange(at);
        }
        return new Interval((int) months, (int) days, micros);
    }

    private RuntimeException outOfRange(int at) {
        return c.errorAt(at, "interval out of range (months and days are i32, microseconds i64)");
    }
}
