package io.scratchbird.jdbc.session;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few pieces of ASN.1 DER that reading private keys without BouncyCastle needs: splitting
 * an encoding into its elements, naming an object identifier, and writing a TLV. Only
 * single-byte tags and definite lengths exist in key files, so nothing else is supported.
 * Errors are {@link IllegalArgumentException}s whose messages never contain the bytes.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    /** {@code [0]} constructed: the curve parameters of a SEC1 EC key. */
    static final int CONTEXT_0 = 0xA0;

    /** One tag-length-value: {@code content} is the value bytes. */
    record Element(int tag, byte[] content) {
    }

    private Der() {
    }

    /** The elements that exactly fill {@code data} (the content of a SEQUENCE, or a whole file). */
    static List<Element> elements(byte[] data) {
        List<Element> out = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int tag = data[at++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("malformed DER: multi-byte tag");
            }
            if (at >= data.length) {
                throw new IllegalArgumentException("malformed DER: missing length");
            }
            int length = data[at++] & 0xFF;
            if (length > 0x7F) {
                int octets = length & 0x7F;
                if (octets == 0 || octets > 3 || at + octets > data.length) {
                    throw new IllegalArgumentException("malformed DER: unsupported length encoding");
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = length << 8 | data[at++] & 0xFF;
                }
            }
            if (length > data.length - at) {
                throw new IllegalArgumentException("malformed DER: element longer than its container");
            }
            byte[] content = new byte[length];
            System.arraycopy(data, at, content, 0, length);
            out.add(new Element(tag, content));
            at += length;
        }
        return out;
    }

    /** The single element that {@code data} consists of, which must carry {@code tag}. */
    static Element single(byte[] data, int tag) {
        List<Element> all = elements(data);
        if (all.size() != 1 || all.get(0).tag() != tag) {
            throw new IllegalArgumentException("malformed DER: expected one element with tag 0x" + Integer.toHexString(tag));
        }
        return all.get(0);
    }

    /** The dotted form of an OBJECT IDENTIFIER's content, such as {@code 1.2.840.113549.1.1.1}. */
    static String objectIdentifier(byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("malformed DER: empty object identifier");
        }
        StringBuilder out = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = value << 7 | b & 0x7F;
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("malformed DER: object identifier arc too large");
            }
            if ((b & 0x80) == 0) {
                if (first) {
                    // The first byte packs two arcs: 40 * first + second.
                    long top = Math.min(value / 40, 2);
                    out.append(top).append('.').append(value - 40 * top);
                    first = false;
                } else {
                    out.append('.').append(value);
                }
                value = 0;
            }
        }
        if (value != 0 || (content[content.length - 1] & 0x80) != 0) {
            throw new IllegalArgumentException("malformed DER: truncated object identifier");
        }
        return out.toString();
    }

    /** A TLV whose value is the concatenation of {@code parts}. */
    static byte[] write(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> 8 * i);
            }
        }
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
