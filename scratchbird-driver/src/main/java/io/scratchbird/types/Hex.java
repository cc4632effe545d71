package io.scratchbird.types;

/** Hexadecimal text of (E)WKB, as PostGIS prints it (upper case) and reads it (either case). */
final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Decodes {@code text[from, to)}; errors report character indexes into {@code text}. */
    static byte[] decode(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (valueOf(text.charAt(i)) < 0) {
                throw ShapeRules.reject(i, "'" + text.charAt(i) + "' is not a hexadecimal digit");
            }
        }
        int digits = to - from;
        if (digits % 2 != 0) {
            throw ShapeRules.reject(to, "hex text has an odd number of digits (" + digits + ")");
        }
        byte[] out = new byte[digits / 2];
        for (int k = 0; k < out.length; k++) {
            int at = from + 2 * k;
            out[k] = (byte) (valueOf(text.charAt(at)) << 4 | valueOf(text.charAt(at + 1)));
        }
        return out;
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
