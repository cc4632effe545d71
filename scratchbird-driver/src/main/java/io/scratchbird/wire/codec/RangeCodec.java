package io.scratchbird.wire.codec;

import io.scratchbird.types.Range;
import io.scratchbird.wire.LittleEndian;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.ValueFormatException;

/**
 * The six range types, one instance per type, parameterised by the element codec.
 *
 * <p>Binary (spec 10.7): {@code u8} flags (0x01 empty, 0x02 lower inclusive, 0x04 upper inclusive,
 * 0x08 lower infinite, 0x10 upper infinite), three zero bytes, then for each finite bound, lower
 * first, an {@code i32} length and the element's binary form. Flags that contradict each other
 * (empty with anything else, an infinite bound marked inclusive) or unknown bits are rejected.
 *
 * <p>Text: {@code [a,b)}, {@code (a,b]}, {@code (,5]}, {@code [3,)}, {@code (,)}, {@code empty} (any
 * case); bounds are written by the element's text form and quoted as {@link Range#format}
 * describes. Reading accepts quoted bounds as {@link LiteralItem} describes and ignores blanks
 * around the whole literal.
 */
final class RangeCodec<T extends Comparable<? super T>> extends BaseCodec<Range<T>> {

    static final int EMPTY = 0x01;
    static final int LOWER_INCLUSIVE = 0x02;
    static final int UPPER_INCLUSIVE = 0x04;
    static final int LOWER_INFINITE = 0x08;
    static final int UPPER_INFINITE = 0x10;
    private static final int HEADER_SIZE = 4;

    private final ValueCodec<T> element;

    @SuppressWarnings("unchecked")
    RangeCodec(int oid, String typeName, ValueCodec<T> element) {
        super(oid, typeName, (Class<Range<T>>) (Class<?>) Range.class);
        this.element = element;
    }

    @Override
    byte[] encodeBinaryValue(Range<T> value) {
        if (value.isEmpty()) {
            return new byte[] {EMPTY, 0, 0, 0};
        }
        int flags = (value.isLowerInclusive() ? LOWER_INCLUSIVE : 0) | (value.isUpperInclusive() ? UPPER_INCLUSIVE : 0)
                | (value.hasLowerBound() ? 0 : LOWER_INFINITE) | (value.hasUpperBound() ? 0 : UPPER_INFINITE);
        PayloadWriter out = new PayloadWriter(32).u8(flags).zeros(3);
        appendBound(out, value.lower(), "lower");
        appendBound(out, value.upper(), "upper");
        return out.toByteArray();
    }

    private void appendBound(PayloadWriter out, T bound, String which) {
        if (bound != null) {
            try {
                byte[] bytes = element.encodeBinary(bound);
                out.i32(bytes.length).bytes(bytes);
            } catch (ValueFormatException e) {
                throw Rejections.inPart(typeName(), 0, which + " bound", e);
            }
        }
    }

    @Override
    Range<T> decodeBinaryValue(byte[] buf, int offset, int length) {
        if (length < HEADER_SIZE) {
            throw reject(length, "binary form needs at least 4 bytes (flags and padding), got " + length);
        }
        int flags = buf[offset] & 0xFF;
        if ((flags & ~(EMPTY | LOWER_INCLUSIVE | UPPER_INCLUSIVE | LOWER_INFINITE | UPPER_INFINITE)) != 0) {
            throw reject(0, "unknown flag bits in 0x" + Integer.toHexString(flags));
        }
        for (int i = 1; i < HEADER_SIZE; i++) {
            if (buf[offset + i] != 0) {
                throw reject(i, "padding bytes after the flags must be zero");
            }
        }
        if ((flags & EMPTY) != 0) {
            if (flags != EMPTY || length != HEADER_SIZE) {
                throw reject(flags != EMPTY ? 0 : HEADER_SIZE, "an empty range has no other flags and no bounds");
            }
            return Range.empty();
        }
        checkInfiniteNotInclusive(flags, LOWER_INFINITE, LOWER_INCLUSIVE, "lower");
        checkInfiniteNotInclusive(flags, UPPER_INFINITE, UPPER_INCLUSIVE, "upper");
        int[] at = {HEADER_SIZE};
        T lower = (flags & LOWER_INFINITE) != 0 ? null : bound(buf, offset, length, at, "lower");
        T upper = (flags & UPPER_INFINITE) != 0 ? null : bound(buf, offset, length, at, "upper");
        if (at[0] != length) {
            throw reject(at[0], (length - at[0]) + " byte(s) after the last bound");
        }
        return ordered(lower, upper, (flags & LOWER_INCLUSIVE) != 0, (flags & UPPER_INCLUSIVE) != 0, HEADER_SIZE);
    }

    private void checkInfiniteNotInclusive(int flags, int infinite, int inclusive, String which) {
        if ((flags & infinite) != 0 && (flags & inclusive) != 0) {
            throw reject(0, "the " + which + " bound is flagged both infinite and inclusive");
        }
    }

    /** Reads the {@code i32} length and element bytes at {@code at[0]} and advances it. */
    private T bound(byte[] buf, int offset, int length, int[] at, String which) {
        int start = at[0];
        if (length - start < 4) {
            throw reject(start, "the " + which + " bound's length is cut off");
        }
        int boundLength = LittleEndian.getInt(buf, offset + start);
        if (boundLength < 0 || boundLength > length - start - 4) {
            throw reject(start, "the " + which + " bound declares " + boundLength + " byte(s) but "
                    + (length - start - 4) + " remain");
        }
        at[0] = start + 4 + boundLength;
        try {
            return element.decodeBinary(buf, offset + start + 4, boundLength);
        } catch (ValueFormatException e) {
            throw Rejections.inPart(typeName(), start + 4 + e.offset(), which + " bound", e);
        }
    }

    private Range<T> ordered(T lower, T upper, boolean lowerInclusive, boolean upperInclusive, long reportAt) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw reject(reportAt, "lower bound " + lower + " is greater than upper bound " + upper);
        }
        return Range.of(lower, upper, lowerInclusive, upperInclusive);
    }

    @Override
    String encodeTextValue(Range<T> value) {
        try {
            return value.format(element::encodeText);
        } catch (ValueFormatException e) {
            throw Rejections.inPart(typeName(), 0, "bound", e);
        }
    }

    @Override
    Range<T> decodeTextValue(String text) {
        TextCursor c = new TextCursor(typeName(), text);
        c.skipSpaces();
        if (c.acceptIgnoreCase("empty")) {
            c.skipSpaces();
            c.expectEnd();
            return Range.empty();
        }
        boolean lowerInclusive = c.accept('[');
        if (!lowerInclusive && !c.accept('(')) {
            throw c.error("a range starts with '[', '(' or is 'empty', found " + c.describeNext());
        }
        T lower = boundText(c, "lower");
        c.expect(',');
        int upperAt = c.position();
        T upper = boundText(c, "upper");
        boolean upperInclusive = c.accept(']');
        if (!upperInclusive && !c.accept(')')) {
            throw c.error("expected ')' or ']' to close the range but found " + c.describeNext());
        }
        c.skipSpaces();
        c.expectEnd();
        return ordered(lower, upper, lowerInclusive, upperInclusive, upperAt);
    }

    /** One bound: nothing for an infinite bound, else its item text decoded by the element codec. */
    private T boundText(TextCursor c, String which) {
        LiteralItem item = LiteralItem.read(c, ",)]", "");
        return item.isAbsent() ? null : item.decodeWith(element, typeName(), which + " bound");
    }
}
