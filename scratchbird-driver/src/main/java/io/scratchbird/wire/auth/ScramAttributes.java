package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

import java.util.Base64;

/**
 * Reads the comma-separated {@code name=value} attributes of one SCRAM message in order, the way
 * the RFC 5802 grammar is written: each mandatory attribute at its place, then optional extensions.
 * Every failure names the message, so an error reads "server-first message: ...".
 */
final class ScramAttributes {

    private final String messageName;
    private final String[] parts;
    private int next;

    private ScramAttributes(String messageName, String[] parts) {
        this.messageName = messageName;
        this.parts = parts;
    }

    /** Splits {@code text}; every part must be a single letter, {@code =}, and a value without commas. */
    static ScramAttributes parse(String messageName, String text) throws ScramException {
        if (text.isEmpty()) {
            throw malformed(messageName, "message is empty");
        }
        // -1 keeps trailing empty parts, so "r=x," is an error rather than silently "r=x".
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() < 2 || p.charAt(1) != '=' || !isAsciiLetter(p.charAt(0))) {
                throw malformed(messageName, "attribute " + (i + 1) + " is not of the form <letter>=<value>");
            }
        }
        return new ScramAttributes(messageName, parts);
    }

    /** True when the next attribute exists and is called {@code name}. */
    boolean nextIs(char name) {
        return next < parts.length && parts[next].charAt(0) == name;
    }

    /** The value of the next attribute, which must be called {@code name}. */
    String take(char name) throws ScramException {
        if (!nextIs(name)) {
            String found = next < parts.length ? "'" + parts[next].charAt(0) + "'" : "the end of the message";
            throw malformed(messageName, "expected attribute '" + name + "' at position " + (next + 1) + ", found " + found);
        }
        return parts[next++].substring(2);
    }

    /** The next attribute {@code name}, base64-decoded; it must be non-empty and valid standard base64. */
    byte[] takeBase64(char name) throws ScramException {
        String value = take(name);
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            if (decoded.length == 0) {
                throw malformed(messageName, "attribute '" + name + "' is empty");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw malformed(messageName, "attribute '" + name + "' is not valid base64");
        }
    }

    /** The next attribute {@code name} as a positive decimal {@code int} without sign or leading zeros. */
    int takePositiveInt(char name) throws ScramException {
        String value = take(name);
        if (!value.matches("[1-9][0-9]{0,9}")) {
            throw malformed(messageName, "attribute '" + name + "' is not a positive decimal number");
        }
        long parsed = Long.parseLong(value);
        if (parsed > Integer.MAX_VALUE) {
            throw malformed(messageName, "attribute '" + name + "' is too large");
        }
        return (int) parsed;
    }

    /**
     * Refuses a leading {@code m=} (RFC 5802: a mandatory extension this side does not know must
     * fail the exchange).
     */
    void refuseMandatoryExtension() throws ScramException {
        if (nextIs('m')) {
            throw new ScramException(Reason.UNSUPPORTED_FEATURE,
                    messageName + ": mandatory extension 'm' is not supported");
        }
    }

    /** Skips the optional extensions RFC 5802 allows after the mandatory attributes; they carry nothing we use. */
    void skipExtensions() {
        next = parts.length;
    }

    /** Requires that every attribute has been read. */
    void expectEnd() throws ScramException {
        if (next < parts.length) {
            throw malformed(messageName, "unexpected attribute '" + parts[next].charAt(0) + "' at position " + (next + 1));
        }
    }

    static ScramException malformed(String messageName, String detail) {
        return new ScramException(Reason.MALFORMED_MESSAGE, messageName + ": " + detail);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
