package io.scratchbird.wire.codec;

import io.scratchbird.wire.LittleEndian;

import java.util.HexFormat;
import java.util.UUID;

/**
 * {@code uuid} (OID 2950): binary 16 bytes in RFC 4122 (big-endian) order; text lower-case
 * {@code 8-4-4-4-12}. Decoding ignores dashes and takes exactly 32 hex digits in any case.
 */
final class UuidCodec extends BaseCodec<UUID> {

    UuidCodec() {
        super(TypeOids.UUID, "uuid", UUID.class);
    }

    @Override
    byte[] encodeBinaryValue(UUID value) {
        byte[] out = new byte[16];
        LittleEndian.putLongBigEndian(out, 0, value.getMostSignificantBits());
        LittleEndian.putLongBigEndian(out, 8, value.getLeastSignificantBits());
        return out;
    }

    @Override
    UUID decodeBinaryValue(byte[] buf, int offset, int length) {
        requireLength(length, 16);
        return new UUID(LittleEndian.getLongBigEndian(buf, offset), LittleEndian.getLongBigEndian(buf, offset + 8));
    }

    @Override
    String encodeTextValue(UUID value) {
        return value.toString();
    }

    @Override
    UUID decodeTextValue(String text) {
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-') {
                continue;
            }
            if (!HexFormat.isHexDigit(c)) {
                throw reject(i, "'" + c + "' is not a hexadecimal digit");
            }
            if (digits == 32) {
                throw reject(i, "more than 32 hex digits");
            }
            if (digits < 16) {
                high = high << 4 | HexFormat.fromHexDigit(c);
            } else {
                low = low << 4 | HexFormat.fromHexDigit(c);
            }
            digits++;
        }
        if (digits != 32) {
            throw reject(text.length(), "a UUID has 32 hex digits, found " + digits);
        }
        return new UUID(high, low);
    }
}
