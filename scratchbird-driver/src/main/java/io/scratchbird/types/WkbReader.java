package io.scratchbird.types;

import io.scratchbird.wire.LittleEndian;
import io.scratchbird.wire.ValueFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads OGC/ISO WKB and PostGIS EWKB in either byte order (chosen afresh by each (sub)geometry's
 * marker). Built for hostile input: every count is checked against the bytes that remain before
 * anything is allocated, nesting is bounded, and every rejection is a {@link ValueFormatException}
 * naming the offending byte.
 */
final class WkbReader {

    /** The least a collection member can take: byte order, type word and a zero count. */
    private static final int MIN_MEMBER_BYTES = 1 + 4 + 4;
    /** The least a polygon ring can take: its point count. */
    private static final int MIN_RING_BYTES = 4;
    /** Base codes go up to 999; the thousands digit carries ISO Z/M. */
    private static final int ISO_DIMENSION_STEP = 1000;

    private final byte[] buf;
    private final long reportBase;
    private final int offsetScale;
    private int pos;
    private boolean bigEndian;
    private int srid;
    private CoordinateLayout layout;

    private WkbReader(byte[] buf, long reportBase, int offsetScale) {
        this.buf = buf;
        this.reportBase = reportBase;
        this.offsetScale = offsetScale;
    }

    static ParsedGeometry read(byte[] wkb) {
        return read(wkb, 0, 1);
    }

    /**
     * @param reportBase  the offset reported for byte 0
     * @param offsetScale 1 to report byte offsets, 2 to report character offsets in hex text
     */
    static ParsedGeometry read(byte[] wkb, long reportBase, int offsetScale) {
        WkbReader reader = new WkbReader(wkb, reportBase, offsetScale);
        Shape shape = reader.readGeometry(1, null);
        if (reader.remaining() != 0) {
            throw reader.fail(reader.pos, reader.remaining() + " trailing byte(s) after the geometry");
        }
        return new ParsedGeometry(reader.srid, reader.layout, shape);
    }

    private Shape readGeometry(int depth, GeometryKind parent) {
        if (depth > ShapeRules.MAX_DEPTH) {
            throw fail(pos, ShapeRules.depthProblem());
        }
        readByteOrder();
        int typeAt = pos;
        int typeWord = readInt("geometry type");
        GeometryKind kind = kindOf(typeWord, typeAt);
        CoordinateLayout dimensions = layoutOf(typeWord, typeAt);
        if ((typeWord & WkbFlags.EWKB_SRID) != 0) {
            readSrid(depth);
        }
        if (parent == null) {
            layout = dimensions;
        } else {
            checkMember(parent, kind, dimensions, typeAt);
        }
        return switch (kind) {
            case POINT -> Shape.point(readPoint());
            case LINESTRING -> Shape.lineString(readLineString());
            case POLYGON -> Shape.polygon(readRings());
            default -> Shape.collection(kind, readMembers(kind, depth));
        };
    }

    private void readByteOrder() {
        if (remaining() < 1) {
            throw fail(pos, "truncated: the byte-order marker is missing");
        }
        int marker = buf[pos] & 0xFF;
        if (marker != WkbFlags.BIG_ENDIAN && marker != WkbFlags.LITTLE_ENDIAN) {
            throw fail(pos, String.format("byte-order marker is 0x%02X; expected 0 (big-endian) or 1 (little-endian)", marker));
        }
        // A collection reads nothing after its members, so a member's order never needs undoing.
        bigEndian = marker == WkbFlags.BIG_ENDIAN;
        pos++;
    }

    private GeometryKind kindOf(int typeWord, int typeAt) {
        int code = typeWord & ~WkbFlags.EWKB_ALL;
        GeometryKind kind = GeometryKind.ofWkbCode(code % ISO_DIMENSION_STEP);
        if (kind == null || code / ISO_DIMENSION_STEP > 3) {
            throw fail(typeAt, "unknown or unsupported geometry type code " + code
                    + " (supported: 1 to 7, plus 1000, 2000 or 3000 for Z, M, ZM)");
        }
        return kind;
    }

    private CoordinateLayout layoutOf(int typeWord, int typeAt) {
        int thousands = (typeWord & ~WkbFlags.EWKB_ALL) / ISO_DIMENSION_STEP;
        boolean ewkbZ = (typeWord & WkbFlags.EWKB_Z) != 0;
        boolean ewkbM = (typeWord & WkbFlags.EWKB_M) != 0;
        if (thousands != 0 && (ewkbZ || ewkbM)) {
            throw fail(typeAt, String.format("type word 0x%08X mixes EWKB Z/M flags with an ISO dimension code", typeWord));
        }
        return thousands != 0 ? CoordinateLayout.ofIsoThousands(thousands) : CoordinateLayout.of(ewkbZ, ewkbM);
    }

    private void readSrid(int depth) {
        int at = pos;
        int value = readInt("SRID");
        if (value < 0) {
            throw fail(at, "SRID " + value + " is negative");
        }
        if (depth == 1) {
            srid = value;
        } else if (value != srid) {
            // Some writers repeat the SRID on members; tolerated only when it says the same thing.
            throw fail(at, "member SRID " + value + " differs from the geometry's SRID " + srid);
        }
    }

    private void checkMember(GeometryKind parent, GeometryKind kind, CoordinateLayout dimensions, int typeAt) {
        if (dimensions != layout) {
            throw fail(typeAt, "mixed dimensions: a " + kind + " member is " + dimensions + " but its " + parent + " is " + layout);
        }
        GeometryKind required = parent.memberKind();
        if (required != null && kind != required) {
            throw fail(typeAt, "a " + parent + " may hold only " + required + " members, found " + kind);
        }
    }

    /** POINT EMPTY arrives as all-NaN ordinates (PostGIS, GEOS); any other NaN is rejected. */
    private double[] readPoint() {
        int ordinates = layout.ordinates();
        if (remaining() < ordinates * Double.BYTES) {
            throw fail(pos, "truncated: a point needs " + ordinates * Double.BYTES + " bytes (" + layout
                    + ") but only " + remaining() + " remain");
        }
        int at = pos;
        double[] values = readDoubles(ordinates);
        return Arrays.stream(values).allMatch(Double::isNaN) ? new double[0] : requireFinite(values, at);
    }

    private double[] readLineString() {
        int at = pos;
        int points = readCount("point", layout.ordinates() * Double.BYTES);
        String problem = ShapeRules.lineStringProblem(points);
        if (problem != null) {
            throw fail(at, problem);
        }
        return readFinite(points * layout.ordinates());
    }

    private List<double[]> readRings() {
        int count = readCount("ring", MIN_RING_BYTES);
        List<double[]> rings = new ArrayList<>(); // grows with what is read, not with what a count claims
        for (int i = 0; i < count; i++) {
            int at = pos;
            double[] ring = readFinite(readCount("point", layout.ordinates() * Double.BYTES) * layout.ordinates());
            String problem = ShapeRules.ringProblem(ring, layout);
            if (problem != null) {
                throw fail(at, "ring " + i + ": " + problem);
            }
            rings.add(ring);
        }
        return rings;
    }

    private List<Shape> readMembers(GeometryKind kind, int depth) {
        int count = readCount("member", MIN_MEMBER_BYTES);
        List<Shape> members = new ArrayList<>(); // grows with what is read, not with what a count claims
        for (int i = 0; i < count; i++) {
            members.add(readGeometry(depth + 1, kind));
        }
        return members;
    }

    /** Reads a u32 count and checks that {@code count × minBytesEach} bytes remain. */
    private int readCount(String what, int minBytesEach) {
        int at = pos;
        long count = readInt(what + " count") & 0xFFFF_FFFFL;
        long needed = count * minBytesEach;
        if (needed > remaining()) {
            throw fail(at, what + " count " + count + " needs at least " + needed + " byte(s) but only "
                    + remaining() + " remain");
        }
        return (int) count;
    }

    /** Reads ordinates the caller has already bounds-checked through {@link #readCount}. */
    private double[] readFinite(int count) {
        int at = pos;
        return requireFinite(readDoubles(count), at);
    }

    private double[] requireFinite(double[] values, int at) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw fail(at + i * Double.BYTES, "ordinate is " + values[i]
                        + "; only finite values are allowed (NaN only as POINT EMPTY)");
            }
        }
        return values;
    }

    private double[] readDoubles(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            long bits = LittleEndian.getLong(buf, pos);
            values[i] = Double.longBitsToDouble(bigEndian ? Long.reverseBytes(bits) : bits);
            pos += Double.BYTES;
        }
        return values;
    }

    private int readInt(String field) {
        if (remaining() < Integer.BYTES) {
            throw fail(pos, "truncated: the " + field + " needs 4 bytes but only " + remaining() + " remain");
        }
        int value = LittleEndian.getInt(buf, pos);
        pos += Integer.BYTES;
        return bigEndian ? Integer.reverseBytes(value) : value;
    }

    private int remaining() {
        return buf.length - pos;
    }

    private ValueFormatException fail(int at, String detail) {
        return ShapeRules.reject(reportBase + (long) at * offsetScale, detail);
    }
}
