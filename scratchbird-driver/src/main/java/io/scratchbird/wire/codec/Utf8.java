package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 in both directions. {@code new String(bytes, UTF_8)} and {@code getBytes(UTF_8)}
 * silently substitute malformed input, which would turn corrupted values into different valid
 * values; here malformed input is a {@link ValueFormatException} at the offending offset.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes {@code buf[offset, offset + length)}.
     *
     * @param reportBase the offset reported for {@code buf[offset]} in errors
     */
    static String decode(String typeName, byte[] buf, int offset, int length, long reportBase) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (buf[i] < 0) {
                return decodeMultiByte(typeName, buf, offset, length, reportBase);
            }
        }
        // Pure ASCII, by far the common case: Latin-1 decoding of ASCII is the identity and fastest.
        return new String(buf, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeMultiByte(String typeName, byte[] buf, int offset, int length, long reportBase) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(buf, offset, length);
        // UTF-8 never yields more UTF-16 chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ValueFormatException(typeName, reportBase + in.position() - offset,
                    "malformed UTF-8 (" + result.length() + " invalid byte(s))");
        }
        return out.flip().toString();
    }

    /** Encodes, rejecting unpaired surrogates instead of writing '?' for them. */
    static byte[] encode(String typeName, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new ValueFormatException(typeName, i, "unpaired UTF-16 surrogate U+"
                            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " cannot be encoded as UTF-8");
                }
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Number of UTF-8 bytes of {@code s[0, chars)}: maps a character offset to a byte offset. */
    static int byteOffset(String s, int chars) {
        int end = Math.max(0, Math.min(chars, s.length()));
        try {
            return StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s, 0, end)).remaining();
        } catch (CharacterCodingException e) {
            return end; // cannot happen for text that was itself decoded from UTF-8
        }
    }
}
