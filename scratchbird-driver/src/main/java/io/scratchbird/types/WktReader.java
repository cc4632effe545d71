package io.scratchbird.types;

import io.scratchbird.wire.ValueFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads WKT and EWKT: an optional {@code SRID=n;} prefix, case-insensitive keywords, optional
 * {@code Z}/{@code M}/{@code ZM} tags (separate, or attached as in {@code POINTM}), {@code EMPTY},
 * any ASCII whitespace between tokens, and both MULTIPOINT forms ({@code ((1 2),(3 4))} and
 * {@code (1 2,3 4)}). Untagged coordinates fix the layout by their count (2 XY, 3 XYZ, 4 XYZM), as
 * in PostGIS; the first tag or coordinate fixes it for the whole tree. Rejections are
 * {@link ValueFormatException}s whose offset is the character index of the offending token.
 */
final class WktReader {

    private static final int MAX_ORDINATES = 4;
    private static final int EXCERPT_LENGTH = 24;

    private final String text;
    private int pos;
    /** {@code null} until a tag or a coordinate decides it. */
    private CoordinateLayout layout;

    private WktReader(String text) {
        this.text = text;
    }

    static ParsedGeometry read(String text) {
        WktReader reader = new WktReader(text);
        int srid = reader.readSridPrefix();
        Shape shape = reader.readGeometry(1);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.fail(reader.pos, "unexpected " + reader.found() + " after the geometry");
        }
        return new ParsedGeometry(srid, reader.layout == null ? CoordinateLayout.XY : reader.layout, shape);
    }

    private int readSridPrefix() {
        skipWhitespace();
        if (!text.regionMatches(true, pos, "SRID", 0, 4)) {
            return 0;
        }
        pos += 4;
        expect('=');
        skipWhitespace();
        int at = pos;
        long value = 0;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos++) - '0');
            if (value > Integer.MAX_VALUE) {
                throw fail(at, "SRID is larger than " + Integer.MAX_VALUE);
            }
        }
        if (pos == at) {
            throw fail(at, "expected a non-negative SRID number but found " + found());
        }
        expect(';');
        return (int) value;
    }

    private Shape readGeometry(int depth) {
        skipWhitespace();
        int at = pos;
        if (depth > ShapeRules.MAX_DEPTH) {
            throw fail(at, ShapeRules.depthProblem());
        }
        String word = readWord();
        if (word.isEmpty()) {
            throw fail(at, "expected a geometry type such as POINT but found " + found());
        }
        GeometryKind kind = GeometryKind.ofWktName(word);
        if (kind == null) {
            // EWKT writes the tag glued to the keyword: POINTM, MULTIPOINTZM.
            boolean zm = word.regionMatches(true, word.length() - 2, "ZM", 0, 2);
            int split = word.length() - (zm ? 2 : 1);
            kind = GeometryKind.ofWktName(word.substring(0, split));
            CoordinateLayout attached = CoordinateLayout.ofWktTag(word.substring(split));
            if (kind == null || attached == null) {
                throw fail(at, "unknown geometry type " + found(at));
            }
            fixLayout(attached, at + split);
        } else {
            readSeparateTag();
        }
        if (consumeWord("EMPTY")) {
            return Shape.empty(kind);
        }
        if (peek() != '(') {
            throw fail(pos, "expected '(' or EMPTY after " + kind + " but found " + found());
        }
        return readBody(kind, depth);
    }

    private void readSeparateTag() {
        skipWhitespace();
        int at = pos;
        String word = peekWord();
        CoordinateLayout tagged = CoordinateLayout.ofWktTag(word);
        if (tagged != null) {
            pos += word.length();
            fixLayout(tagged, at);
        }
    }

    /** {@code ( ... )} of a non-empty geometry of the given kind. */
    private Shape readBody(GeometryKind kind, int depth) {
        expect('(');
        Shape shape = switch (kind) {
            case POINT -> Shape.point(readCoordinate());
            case LINESTRING -> readLineString();
            case POLYGON -> Shape.polygon(readRings());
            default -> Shape.collection(kind, readMembers(kind, depth));
        };
        expect(')');
        return shape;
    }

    private Shape readLineString() {
        skipWhitespace();
        int at = pos;
        double[] coordinates = readCoordinates();
        String problem = ShapeRules.lineStringProblem(coordinates.length / layout.ordinates());
        if (problem != null) {
            throw fail(at, problem);
        }
        return Shape.lineString(coordinates);
    }

    private List<double[]> readRings() {
        List<double[]> rings = new ArrayList<>();
        do {
            skipWhitespace();
            int at = pos;
            expect('(');
            double[] ring = readCoordinates();
            expect(')');
            String problem = ShapeRules.ringProblem(ring, layout);
            if (problem != null) {
                throw fail(at, "ring " + rings.size() + ": " + problem);
            }
            rings.add(ring);
        } while (consume(','));
        return rings;
    }

    private List<Shape> readMembers(GeometryKind kind, int depth) {
        List<Shape> members = new ArrayList<>();
        do {
            members.add(readMember(kind, depth));
        } while (consume(','));
        return members;
    }

    private Shape readMember(GeometryKind collection, int depth) {
        if (collection == GeometryKind.GEOMETRYCOLLECTION) {
            return readGeometry(depth + 1);
        }
        GeometryKind kind = collection.memberKind();
        if (consumeWord("EMPTY")) {
            return Shape.empty(kind);
        }
        if (kind == GeometryKind.POINT && peek() != '(') {
            return Shape.point(readCoordinate()); // the unparenthesised MULTIPOINT(1 2,3 4) form
        }
        return readBody(kind, depth);
    }

    /** One or more comma-separated coordinates, flattened. */
    private double[] readCoordinates() {
        double[] values = new double[16];
        int size = 0;
        do {
            double[] coordinate = readCoordinate();
            if (values.length - size < coordinate.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(coordinate, 0, values, size, coordinate.length);
            size += coordinate.length;
        } while (consume(','));
        return Arrays.copyOf(values, size);
    }

    private double[] readCoordinate() {
        skipWhitespace();
        int at = pos;
        double[] ordinates = new double[MAX_ORDINATES];
        int count = 0;
        while (startsNumber()) {
            if (count == MAX_ORDINATES) {
                throw fail(pos, "a coordinate has at most " + MAX_ORDINATES + " ordinates");
            }
            ordinates[count++] = readNumber();
            skipWhitespace();
        }
        if (count == 0) {
            throw fail(at, "expected a coordinate but found " + found());
        }
        if (count == 1) {
            throw fail(pos, "a coordinate needs at least 2 ordinates but its first is followed by " + found());
        }
        if (layout == null) {
            layout = CoordinateLayout.ofUntaggedCount(count);
        } else if (layout.ordinates() != count) {
            throw fail(at, "mixed dimensions: a coordinate has " + count + " ordinates but the geometry is " + layout);
        }
        return Arrays.copyOf(ordinates, count);
    }

    /** {@code [+-]digits[.digits][(e|E)[+-]digits]}, with digits on at least one side of the point. */
    private double readNumber() {
        int at = pos;
        int integerStart = skipSign(pos);
        int integerEnd = skipDigits(integerStart);
        int end = integerEnd;
        if (end < text.length() && text.charAt(end) == '.') {
            end = skipDigits(end + 1);
        }
        if (integerEnd == integerStart && end <= integerEnd + 1) {
            throw fail(at, "malformed number " + found());
        }
        if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int exponentStart = skipSign(end + 1);
            end = skipDigits(exponentStart);
            if (end == exponentStart) {
                throw fail(at, "malformed number " + found() + ": the exponent has no digits");
            }
        }
        if (end < text.length() && !isDelimiter(text.charAt(end))) {
            throw fail(at, "malformed number " + found());
        }
        String token = text.substring(at, end);
        double value = Double.parseDouble(token); // cannot fail: the token matches the grammar above
        if (!Double.isFinite(value)) {
            throw fail(at, "number " + found() + " is outside the range of a double");
        }
        pos = end;
        return value;
    }

    private void fixLayout(CoordinateLayout tagged, int at) {
        if (layout == null) {
            layout = tagged;
        } else if (layout != tagged) {
            throw fail(at, "mixed dimensions: tag " + tagged.wktTag() + " but the geometry is " + layout);
        }
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw fail(pos, "expected '" + c + "' but found " + found());
        }
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean consumeWord(String word) {
        skipWhitespace();
        String next = peekWord();
        if (next.equalsIgnoreCase(word)) {
            pos += next.length();
            return true;
        }
        return false;
    }

    /** The next non-blank character, or NUL at the end of the text. */
    private char peek() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private String peekWord() {
        int end = pos;
        while (end < text.length() && isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private String readWord() {
        String word = peekWord();
        pos += word.length();
        return word;
    }

    private boolean startsNumber() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return isDigit(c) || c == '+' || c == '-' || c == '.';
    }

    private int skipSign(int i) {
        return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
    }

    private int skipDigits(int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** What stands at the current position, quoted and shortened, for error messages. */
    private String found() {
        return found(pos);
    }

    private String found(int at) {
        if (at >= text.length()) {
            return "the end of the text";
        }
        int end = Math.min(text.length(), at + EXCERPT_LENGTH);
        return "'" + text.substring(at, end) + (end < text.length() ? "...'" : "'");
    }

    // ASCII only: Character.isDigit would admit digits Double.parseDouble rejects.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isDelimiter(char c) {
        return isWhitespace(c) || c == ',' || c == ')';
    }

    private ValueFormatException fail(int at, String detail) {
        return ShapeRules.reject(at, detail);
    }
}
