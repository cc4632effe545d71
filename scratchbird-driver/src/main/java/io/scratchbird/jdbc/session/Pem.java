package io.scratchbird.jdbc.session;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PEM text (RFC 7468, with RFC 1421 headers such as OpenSSL's {@code Proc-Type}) split into its
 * blocks. Text between blocks is ignored, so OpenSSL's "Bag Attributes" and "subject=" lines and
 * files that combine a certificate and a key work. Errors are {@link IllegalArgumentException}s
 * naming the block type, never its content.
 */
final class Pem {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /**
     * One block.
     *
     * @param type    the label, such as {@code CERTIFICATE} or {@code RSA PRIVATE KEY}
     * @param headers RFC 1421 headers ({@code Proc-Type}, {@code DEK-Info}); usually empty
     * @param der     the decoded base64 body
     */
    record Block(String type, Map<String, String> headers, byte[] der) {
    }

    private Pem() {
    }

    /** Whether the text contains a PEM block at all (otherwise it may be DER). */
    static boolean looksLikePem(String text) {
        return text.contains(BEGIN);
    }

    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            String type = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + type + DASHES;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].trim().equals(endLine); j++) {
                String content = lines[j].trim();
                int colon = content.indexOf(':');
                if (colon > 0) {
                    // Base64 never contains ':', so this is a header line.
                    headers.put(content.substring(0, colon).trim(), content.substring(colon + 1).trim());
                } else {
                    body.append(content);
                }
            }
            if (j == lines.length) {
                throw new IllegalArgumentException("the " + type + " block has no '" + endLine + "' line");
            }
            try {
                blocks.add(new Block(type, headers, Base64.getDecoder().decode(body.toString())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the " + type + " block is not valid base64");
            }
            i = j;
        }
        return blocks;
    }
}
