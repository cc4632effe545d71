package io.scratchbird.types;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;

/**
 * Random geometries with their expected encodings, written here independently of the main code so
 * that the round-trip tests compare against an oracle rather than against the code under test.
 */
final class RandomGeometries {

    private static final String[] NAMES = {
        "", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"
    };
    private static final String[] TAGS = {"", "Z", "M", "ZM"};
    private static final String[] BLANKS = {"", " ", "  ", "\t", "\n", "\r\n "};
    private static final int MAX_DEPTH = 3;

    /**
     * One random geometry.
     *
     * @param canonicalWkt what {@code toWkt()} must print
     * @param messyWkt     the same geometry in odd but valid spelling: mixed case, extra blanks,
     *                     exponents, glued tags, both MULTIPOINT forms
     * @param isoWkb       what {@code toWkb()} must return
     * @param mixedEwkb    the same geometry with a random byte order per (sub)geometry, ISO or
     *                     EWKB type words at random, and the SRID in EWKB form when not 0
     */
    record Sample(int srid, int dimension, boolean hasZ, boolean hasM, String type,
                  String canonicalWkt, String messyWkt, byte[] isoWkb, byte[] mixedEwkb) {
    }

    /** Test-side model: empty when it has neither sequences nor members. */
    private record Node(int code, List<double[]> sequences, List<Node> members) {
        boolean isEmpty() {
            return sequences.isEmpty() && members.isEmpty();
        }
    }

    private final Random random;
    private int layout;

    RandomGeometries(long seed) {
        this.random = new Random(seed);
    }

    Sample next() {
        layout = random.nextInt(4);
        Node root = node(1 + random.nextInt(7), 1);
        int srid = random.nextBoolean() ? 0 : random.nextInt(1_000_000);
        return new Sample(srid, 2 + Integer.bitCount(layout), hasZ(), hasM(), NAMES[root.code],
                canonical(root), messy(root, 1), wkb(root, false, 0), wkb(root, true, srid));
    }

    /** A coordinate value of a random flavour: integers, binary fractions, full-precision doubles. */
    double ordinate() {
        switch (random.nextInt(7)) {
            case 0:
                return random.nextInt(2001) - 1000;
            case 1:
                return (random.nextInt(8001) - 4000) / 8.0;
            case 2:
                return random.nextDouble() * 360 - 180;
            case 3:
                return random.nextBoolean() ? -0.0 : 0.0;
            case 4:
                return Math.scalb(random.nextDouble() - 0.5, random.nextInt(120) - 60);
            case 5:
                return random.nextInt(10_000_000) / 1e6;
            default:
                double bits;
                do {
                    bits = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(bits));
                return bits;
        }
    }

    private boolean hasZ() {
        return (layout & 1) != 0;
    }

    private boolean hasM() {
        return (layout & 2) != 0;
    }

    private int ordinates() {
        return 2 + Integer.bitCount(layout);
    }

    private Node node(int code, int depth) {
        boolean empty = random.nextInt(8) == 0;
        List<double[]> sequences = new ArrayList<>();
        List<Node> members = new ArrayList<>();
        if (!empty) {
            switch (code) {
                case 1 -> sequences.add(coordinates(1));
                case 2 -> sequences.add(coordinates(2 + random.nextInt(4)));
                case 3 -> {
                    for (int i = 1 + random.nextInt(3); i > 0; i--) {
                        sequences.add(ring());
                    }
                }
                default -> {
                    for (int i = 1 + random.nextInt(3); i > 0; i--) {
                        members.add(node(memberCode(code, depth), depth + 1));
                    }
                }
            }
        }
        return new Node(code, sequences, members);
    }

    private int memberCode(int code, int depth) {
        if (code < 7) {
            return code - 3;
        }
        return 1 + random.nextInt(depth < MAX_DEPTH ? 7 : 6);
    }

    private double[] coordinates(int points) {
        double[] values = new double[points * ordinates()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ordinate();
        }
        return values;
    }

    /** Closed in X, Y (and Z); M of the closing point sometimes differs, which is allowed. */
    private double[] ring() {
        int ordinates = ordinates();
        double[] ring = coordinates(4 + random.nextInt(4));
        int last = ring.length - ordinates;
        int spatial = hasZ() ? 3 : 2;
        boolean sameM = random.nextBoolean();
        System.arraycopy(ring, 0, ring, last, sameM ? ordinates : spatial);
        return ring;
    }

    // ---- WKT ----

    private String canonical(Node node) {
        String tag = TAGS[layout];
        String head = NAMES[node.code] + (tag.isEmpty() ? "" : " " + tag);
        return head + (node.isEmpty() ? " EMPTY" : (tag.isEmpty() ? "" : " ") + canonicalBody(node));
    }

    private String canonicalBody(Node node) {
        if (node.isEmpty()) {
            return "EMPTY";
        }
        List<String> parts = new ArrayList<>();
        switch (node.code) {
            case 1, 2 -> parts.add(points(node.sequences.get(0), ",", " ", this::canonicalNumber));
            case 3 -> node.sequences.forEach(r -> parts.add("(" + points(r, ",", " ", this::canonicalNumber) + ")"));
            case 7 -> node.members.forEach(m -> parts.add(canonical(m)));
            default -> node.members.forEach(m -> parts.add(canonicalBody(m)));
        }
        return "(" + String.join(",", parts) + ")";
    }

    private String canonicalNumber(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private String messy(Node node, int depth) {
        String tag = TAGS[layout];
        String name = randomCase(NAMES[node.code]);
        String head;
        if (tag.isEmpty() || (depth > 1 && random.nextBoolean())) {
            head = name; // members may leave the tag out: the top level has fixed the layout
        } else {
            head = name + (random.nextBoolean() ? "" : space()) + randomCase(tag);
        }
        String body = node.isEmpty() ? space() + randomCase("EMPTY") : blank() + messyBody(node, depth);
        return blank() + head + body + blank();
    }

    private String messyBody(Node node, int depth) {
        if (node.isEmpty()) {
            return blank() + randomCase("EMPTY") + blank();
        }
        List<String> parts = new ArrayList<>();
        switch (node.code) {
            case 1, 2 -> parts.add(messyPoints(node.sequences.get(0)));
            case 3 -> node.sequences.forEach(r -> parts.add(blank() + "(" + messyPoints(r) + ")" + blank()));
            case 4 -> node.members.forEach(m -> parts.add(m.isEmpty() || random.nextBoolean()
                    ? messyBody(m, depth + 1) : messyPoints(m.sequences.get(0))));
            case 7 -> node.members.forEach(m -> parts.add(messy(m, depth + 1)));
            default -> node.members.forEach(m -> parts.add(messyBody(m, depth + 1)));
        }
        return "(" + String.join(",", parts) + ")";
    }

    private String messyPoints(double[] values) {
        return blank() + points(values, blank() + "," + blank(), space(), this::messyNumber) + blank();
    }

    private String messyNumber(double value) {
        return switch (random.nextInt(3)) {
            case 0 -> Double.toString(value);
            case 1 -> Double.toString(value).toLowerCase(Locale.ROOT);
            default -> canonicalNumber(value);
        };
    }

    private String points(double[] values, String pointSeparator, String ordinateSeparator, DoubleFunction<String> format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(i % ordinates() == 0 ? pointSeparator : ordinateSeparator);
            }
            out.append(format.apply(values[i]));
        }
        return out.toString();
    }

    /** Whitespace, possibly none. */
    private String blank() {
        return BLANKS[random.nextInt(BLANKS.length)];
    }

    /** Whitespace, at least one character. */
    private String space() {
        return BLANKS[1 + random.nextInt(BLANKS.length - 1)];
    }

    private String randomCase(String word) {
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    // ---- WKB ----

    /** Canonical when {@code mixed} is false: little-endian, ISO codes, no SRID. */
    private byte[] wkb(Node root, boolean mixed, int srid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeWkb(out, root, mixed, srid);
        return out.toByteArray();
    }

    private void writeWkb(ByteArrayOutputStream out, Node node, boolean mixed, int srid) {
        ByteOrder order = mixed && random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        out.write(order == ByteOrder.BIG_ENDIAN ? 0 : 1);
        boolean ewkb = mixed && (srid != 0 || random.nextBoolean());
        int type = ewkb
                ? node.code | (hasZ() ? 0x8000_0000 : 0) | (hasM() ? 0x4000_0000 : 0) | (srid != 0 ? 0x2000_0000 : 0)
                : node.code + 1000 * layout;
        putInt(out, order, type);
        if (srid != 0) {
            putInt(out, order, srid);
        }
        switch (node.code) {
            case 1 -> {
                double[] point = node.isEmpty() ? nanPoint() : node.sequences.get(0);
                for (double v : point) {
                    putDouble(out, order, v);
                }
            }
            case 2 -> putSequence(out, order, node.isEmpty() ? new double[0] : node.sequences.get(0));
            case 3 -> {
                putInt(out, order, node.sequences.size());
                node.sequences.forEach(r -> putSequence(out, order, r));
            }
            default -> {
                putInt(out, order, node.members.size());
                node.members.forEach(m -> writeWkb(out, m, mixed, 0));
            }
        }
    }

    private double[] nanPoint() {
        double[] nan = new double[ordinates()];
        Arrays.fill(nan, Double.NaN);
        return nan;
    }

    private void putSequence(ByteArrayOutputStream out, ByteOrder order, double[] values) {
        putInt(out, order, values.length / ordinates());
        for (double v : values) {
            putDouble(out, order, v);
        }
    }

    private static void putInt(ByteArrayOutputStream out, ByteOrder order, int value) {
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(value).array());
    }

    private static void putDouble(ByteArrayOutputStream out, ByteOrder order, double value) {
        out.writeBytes(ByteBuffer.allocate(8).order(order).putDouble(value).array());
    }
}
