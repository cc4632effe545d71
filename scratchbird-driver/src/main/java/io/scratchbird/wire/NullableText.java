package io.scratchbird.wire;

import java.util.Objects;

/**
 * P1 {@code nullable_text}: a state byte (0 absent, 1 hidden by policy, 2 unknown by policy,
 * 3 present) and UTF-8 text. Absent values carry no text.
 */
public record NullableText(int state, String value) {

    public static final int ABSENT = 0;
    public static final int HIDDEN = 1;
    public static final int UNKNOWN = 2;
    public static final int PRESENT = 3;

    public NullableText {
        Objects.requireNonNull(value, "value");
        if (state < 0 || state > 255) {
            throw new IllegalArgumentException("state must fit a byte: " + state);
        }
    }

    public static NullableText absent() {
        return new NullableText(ABSENT, "");
    }

    public static NullableText of(String value) {
        return new NullableText(PRESENT, value);
    }

    public boolean isPresent() {
        return state == PRESENT;
    }
}
