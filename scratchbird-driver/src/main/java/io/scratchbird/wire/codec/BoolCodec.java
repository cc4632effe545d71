package io.scratchbird.wire.codec;

/**
 * {@code bool} (OID 16): binary one byte, 0 or 1; text {@code true}/{@code false}. Decoding takes
 * PostgreSQL's spellings and rejects everything else, never reading an unknown word as false.
 */
final class BoolCodec extends FixedWidthCodec<Boolean> {

    private static final String[] TRUE_WORDS = {"t", "true", "y", "yes", "on", "1"};
    private static final String[] FALSE_WORDS = {"f", "false", "n", "no", "off", "0"};

    BoolCodec() {
        super(TypeOids.BOOL, "bool", Boolean.class, 1);
    }

    @Override
    long toBits(Boolean value) {
        return value ? 1 : 0;
    }

    @Override
    Boolean fromBits(long bits) {
        if (bits != 0 && bits != 1) {
            throw reject(0, "binary form must be 0 or 1, got " + (bits & 0xFF));
        }
        return bits == 1;
    }

    @Override
    String encodeTextValue(Boolean value) {
        return value ? "true" : "false";
    }

    @Override
    Boolean decodeTextValue(String text) {
        if (matches(text, TRUE_WORDS)) {
            return Boolean.TRUE;
        }
        if (matches(text, FALSE_WORDS)) {
            return Boolean.FALSE;
        }
        throw reject(0, "'" + text + "' is not a boolean (true/false, t/f, yes/no, y/n, on/off, 1/0)");
    }

    private static boolean matches(String text, String[] words) {
        for (String word : words) {
            if (word.equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }
}
