package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

/**
 * Re-reporting a rejection raised while decoding a part of a value (a range bound, an array
 * element, the text inside a length prefix) so that it names the whole value and its offset.
 */
final class Rejections {

    private Rejections() {
    }

    /** The same rejection, reported at {@code offset} of the enclosing value. */
    static ValueFormatException moved(ValueFormatException e, long offset) {
        ValueFormatException moved = new ValueFormatException(e.typeName(), offset, reason(e));
        moved.initCause(e);
        return moved;
    }

    /** A rejection of the part, reported as a rejection of {@code typeName} at {@code offset}. */
    static ValueFormatException inPart(String typeName, long offset, String part, ValueFormatException e) {
        ValueFormatException wrapped = new ValueFormatException(typeName, offset, part + ": " + e.detail());
        wrapped.initCause(e);
        return wrapped;
    }

    /** The detail without the {@code "typeName: "} prefix {@link ValueFormatException} adds. */
    private static String reason(ValueFormatException e) {
        String prefix = e.typeName() + ": ";
        return e.detail().startsWith(prefix) ? e.detail().substring(prefix.length()) : e.detail();
    }
}
