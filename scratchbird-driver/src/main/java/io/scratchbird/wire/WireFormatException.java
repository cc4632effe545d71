package io.scratchbird.wire;

/**
 * The one exception the SBWP codec throws for bytes it cannot accept: a truncated frame, a bad
 * magic or version, reserved flag bits, an oversized length, an unknown message type, a payload
 * shorter than its declared fields, trailing bytes, or an invalid field or value.
 *
 * <p>Every instance names the {@link Problem} and the byte offset where it was found. For frame
 * decoding the offset counts from the first byte of the frame (so payload offsets start at 40);
 * for a standalone value it counts from the first byte of that value.
 */
public class WireFormatException extends RuntimeException {

    /** What was wrong. The server maps these to its fail-closed reactions (spec 3.6). */
    public enum Problem {
        /** The stream or buffer ended before the frame (header or declared payload) was complete. */
        TRUNCATED_FRAME("truncated frame"),
        /** Bytes 0-3 are not ASCII {@code SBWP}. */
        BAD_MAGIC("bad magic"),
        /** Bytes 4-5 are not {@code 1, 1}. */
        BAD_VERSION("unsupported frame version"),
        /** {@code payload_length} exceeds the receiver's limit; rejected before any allocation. */
        OVERSIZED_PAYLOAD("payload length over the limit"),
        /** A reserved flag bit (0x10-0x80) is set. */
        RESERVED_FLAG_BITS("reserved flag bits set"),
        /** The COMPRESSED flag is set; compression is never negotiated. */
        COMPRESSED_FLAG("compressed flag set"),
        /** PARTIAL/FINAL on a frame that is not a QUERY. */
        MISPLACED_PARTIAL_FLAG("partial/final flag on a non-QUERY frame"),
        /** The message code is not one this side of the connection understands. */
        UNKNOWN_MESSAGE_TYPE("unknown message type"),
        /** The payload ends inside a field its layout declares. */
        PAYLOAD_TOO_SHORT("payload shorter than its declared fields"),
        /** Bytes remain after the last field of a layout that must end exactly. */
        TRAILING_BYTES("trailing bytes after the last field"),
        /** A field holds a value its layout does not allow (a count over its limit, a bad enum value...). */
        INVALID_FIELD("invalid field value"),
        /** A typed value (int4, date, range, ...) is malformed for its type. */
        INVALID_VALUE("invalid typed value");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Problem problem;
    private final long offset;
    private final String detail;

    public WireFormatException(Problem problem, long offset, String detail) {
        super("SBWP " + problem.description() + " at byte offset " + offset + ": " + detail);
        this.problem = problem;
        this.offset = offset;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    /** Offset of the offending byte (see the class comment for what it counts from). */
    public long offset() {
        return offset;
    }

    /** The specific explanation, without the problem name and offset prefix. */
    public String detail() {
        return detail;
    }
}
