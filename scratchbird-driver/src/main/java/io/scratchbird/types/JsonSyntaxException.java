package io.scratchbird.types;

/** JSON text that is not valid RFC 8259 syntax, with the character index where that was detected. */
public final class JsonSyntaxException extends IllegalArgumentException {

    private final int offset;
    private final String reason;

    JsonSyntaxException(int offset, String reason) {
        super("invalid JSON at character " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Character index into the JSON text. */
    public int offset() {
        return offset;
    }

    /** What was wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
