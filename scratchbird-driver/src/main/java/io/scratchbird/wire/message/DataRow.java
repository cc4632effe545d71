package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;
import io.scratchbird.wire.WireFormatException;

import java.util.Arrays;

/**
 * DATA_ROW (0x45), spec 7.3: {@code u16} column count, {@code u16} null-bitmap size (must be
 * ceil(count / 8)), the null bitmap, then {@code i32 length + bytes} for each non-NULL column.
 * A decoded row keeps the payload and cell offsets instead of copying every cell, so a reader
 * decodes each value straight from the frame (see {@link #buffer()}, {@link #offset(int)}).
 */
public final class DataRow implements ServerMessage {

    private final byte[] buf;
    /** Offset of each cell's bytes in {@link #buf}, or -1 for NULL. */
    private final int[] offsets;
    private final int[] lengths;

    private DataRow(byte[] buf, int[] offsets, int[] lengths) {
        this.buf = buf;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** A row from cell values; a {@code null} cell is SQL NULL. */
    public static DataRow of(byte[]... cells) {
        if (cells.length > 0xFFFF) {
            throw new IllegalArgumentException("DATA_ROW column count is a u16");
        }
        int total = 0;
        for (byte[] c : cells) {
            total += c == null ? 0 : c.length;
        }
        byte[] buf = new byte[total];
        int[] offsets = new int[cells.length];
        int[] lengths = new int[cells.length];
        int at = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                offsets[i] = -1;
            } else {
                System.arraycopy(cells[i], 0, buf, at, cells[i].length);
                offsets[i] = at;
                lengths[i] = cells[i].length;
                at += cells[i].length;
            }
        }
        return new DataRow(buf, offsets, lengths);
    }

    public int columnCount() {
        return offsets.length;
    }

    public boolean isNull(int column) {
        return offsets[column] < 0;
    }

    /** The array holding the cell bytes (shared; read-only). */
    public byte[] buffer() {
        return buf;
    }

    public int offset(int column) {
        return offsets[column];
    }

    public int length(int column) {
        return lengths[column];
    }

    /** A copy of one cell's bytes, or {@code null} for NULL. */
    public byte[] value(int column) {
        return isNull(column) ? null : Arrays.copyOfRange(buf, offsets[column], offsets[column] + lengths[column]);
    }

    @Override
    public MessageType type() {
        return MessageType.DATA_ROW;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        int n = offsets.length;
        int bitmapBytes = (n + 7) / 8;
        out.u16(n).u16(bitmapBytes);
        byte[] bitmap = new byte[bitmapBytes];
        for (int i = 0; i < n; i++) {
            if (isNull(i)) {
                bitmap[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        out.bytes(bitmap);
        for (int i = 0; i < n; i++) {
            if (!isNull(i)) {
                out.i32(lengths[i]).bytes(buf, offsets[i], lengths[i]);
            }
        }
    }

    public static DataRow decode(PayloadReader r) {
        int n = r.u16("column_count");
        long at = r.offset();
        int bitmapBytes = r.u16("null_bitmap_bytes");
        if (bitmapBytes != (n + 7) / 8) {
            throw new WireFormatException(WireFormatException.Problem.INVALID_FIELD, at,
                    "null_bitmap_bytes is " + bitmapBytes + " but " + n + " column(s) need " + (n + 7) / 8);
        }
        int bitmapStart = r.position();
        r.skip(bitmapBytes, "null_bitmap");
        byte[] b = r.array();
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isNull = (b[bitmapStart + (i >> 3)] & (1 << (i & 7))) != 0;
            if (isNull) {
                offsets[i] = -1;
                continue;
            }
            // Field names are built only when a check fails: concatenating them for every cell
            // was the largest single cost of decoding a row (docs/performance.md).
            int len = r.i32(r.remaining() >= 4 ? "value.length" : "value[" + i + "].length");
            if (len < 0) {
                offsets[i] = -1; // drivers accept a negative length as NULL (spec 7.3)
                continue;
            }
            offsets[i] = r.position();
            lengths[i] = len;
            r.skip(len, r.remaining() >= len ? "value.bytes" : "value[" + i + "].bytes");
        }
        r.expectEnd("DATA_ROW");
        return new DataRow(b, offsets, lengths);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataRow other) || other.columnCount() != columnCount()) {
            return false;
        }
        for (int i = 0; i < columnCount(); i++) {
            if (isNull(i) != other.isNull(i) || !isNull(i) && !Arrays.equals(buf, offsets[i], offsets[i] + lengths[i],
                    other.buf, other.offsets[i], other.offsets[i] + other.lengths[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = columnCount();
        for (int i = 0; i < columnCount(); i++) {
            h = h * 31 + (isNull(i) ? -1 : Arrays.hashCode(value(i)));
        }
        return h;
    }

    @Override
    public String toString() {
        return "DataRow[" + columnCount() + " columns]";
    }
}
