package io.scratchbird.wire.codec;

import io.scratchbird.wire.ValueFormatException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code bytea} (OID 17): binary {@code u32} length + raw bytes; text {@code \x} + lower-case hex.
 * Text decoding also takes {@code 0x} hex and PostgreSQL's escape format ({@code \\} for a
 * backslash, {@code \ooo} octal, every other character literal as its UTF-8 bytes).
 * Decoded arrays are always fresh copies.
 */
final class ByteaCodec extends BaseCodec<byte[]> {

    private static final HexFormat HEX = HexFormat.of();

    ByteaCodec() {
        super(TypeOids.BYTEA, "bytea", byte[].class);
    }

    @Override
    byte[] encodeBinaryValue(byte[] value) {
        return LengthPrefix.wrap(value);
    }

    @Override
    byte[] decodeBinaryValue(byte[] buf, int offset, int length) {
        LengthPrefix.bodyLength(typeName(), buf, offset, length);
        return Arrays.copyOfRange(buf, offset + LengthPrefix.SIZE, offset + length);
    }

    @Override
    String encodeTextValue(byte[] value) {
        return "\\x" + HEX.formatHex(value);
    }

    @Override
    byte[] decodeTextValue(String text) {
        if (text.startsWith("\\x") || text.startsWith("0x")) {
            return decodeHex(text, 2);
        }
        return decodeEscape(text);
    }

    private byte[] decodeHex(String text, int start) {
        int digits = text.length() - start;
        if (digits % 2 != 0) {
            throw reject(text.length(), "hex form has an odd number of digits (" + digits + ")");
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int at = start + 2 * i;
            out[i] = (byte) (hexDigit(text, at) << 4 | hexDigit(text, at + 1));
        }
        return out;
    }

    private int hexDigit(String text, int at) {
        char c = text.charAt(at);
        if (!HexFormat.isHexDigit(c)) {
            throw reject(at, "'" + c + "' is not a hexadecimal digit");
        }
        return HexFormat.fromHexDigit(c);
    }

    private byte[] decodeEscape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int literalStart = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '\\') {
                i++;
                continue;
            }
            writeUtf8(out, text, literalStart, i);
            if (text.startsWith("\\\\", i)) {
                out.write('\\');
                i += 2;
            } else {
                out.write(octalByte(text, i + 1));
                i += 4;
            }
            literalStart = i;
        }
        writeUtf8(out, text, literalStart, text.length());
        return out.toByteArray();
    }

    private int octalByte(String text, int at) {
        if (at + 3 > text.length() || !isOctal(text.charAt(at)) || !isOctal(text.charAt(at + 1)) || !isOctal(text.charAt(at + 2))) {
            throw reject(at - 1, "a backslash must be followed by another backslash or three octal digits");
        }
        int value = (text.charAt(at) - '0') << 6 | (text.charAt(at + 1) - '0') << 3 | (text.charAt(at + 2) - '0');
        if (value > 0xFF) {
            throw reject(at - 1, "octal escape \\" + text.substring(at, at + 3) + " is larger than \\377");
        }
        return value;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private void writeUtf8(ByteArrayOutputStream out, String text, int from, int to) {
        if (from < to) {
            try {
                byte[] bytes = Utf8.encode(typeName(), text.substring(from, to));
                out.write(bytes, 0, bytes.length);
            } catch (ValueFormatException e) {
                throw Rejections.moved(e, from + e.offset());
            }
        }
    }
}
