package io.scratchbird.wire.auth;

import io.scratchbird.wire.auth.ScramException.Reason;

/**
 * The client-first message {@code gs2-header client-first-message-bare}, e.g.
 * {@code n,,n=user,r=rOprNGfwEbeRWgbNEkqO}.
 *
 * <p>GS2 headers: {@code n,,} is what the drivers send. {@code y,,} ("client could bind, thinks
 * the server cannot") is accepted too, because this implementation indeed offers no channel
 * binding (RFC 5802 section 6). {@code p=...} (a -PLUS mechanism) and an authzid {@code a=...}
 * are {@link Reason#UNSUPPORTED_FEATURE}.
 *
 * @param gs2Header the header including its trailing comma, repeated base64-encoded in {@code c=}
 * @param username  the unescaped {@code n=} value; may be empty (PostgreSQL-style clients)
 * @param bare      the message without the GS2 header: the first part of the AuthMessage
 */
record ClientFirstMessage(String gs2Header, String username, String nonce, String bare) {

    static final String NAME = "client-first message";
    private static final String NO_CHANNEL_BINDING = "n,,";

    static ClientFirstMessage of(String username, String nonce) {
        String bare = "n=" + SaslName.escape(username) + ",r=" + nonce;
        return new ClientFirstMessage(NO_CHANNEL_BINDING, username, nonce, bare);
    }

    String text() {
        return gs2Header + bare;
    }

    static ClientFirstMessage parse(String text) throws ScramException {
        int flagEnd = text.indexOf(',');
        int authzidEnd = flagEnd < 0 ? -1 : text.indexOf(',', flagEnd + 1);
        if (authzidEnd < 0) {
            throw ScramAttributes.malformed(NAME, "missing GS2 header (expected it to start with \"n,,\")");
        }
        checkChannelBindingFlag(text.substring(0, flagEnd));
        checkNoAuthzid(text.substring(flagEnd + 1, authzidEnd));

        String bare = text.substring(authzidEnd + 1);
        ScramAttributes attributes = ScramAttributes.parse(NAME, bare);
        attributes.refuseMandatoryExtension();
        String username = SaslName.unescape(attributes.take('n'), NAME);
        String nonce = attributes.take('r');
        if (!ScramNonce.isValid(nonce)) {
            throw ScramAttributes.malformed(NAME, "client nonce must be non-empty printable ASCII");
        }
        attributes.skipExtensions();
        return new ClientFirstMessage(text.substring(0, authzidEnd + 1), username, nonce, bare);
    }

    private static void checkChannelBindingFlag(String flag) throws ScramException {
        if (flag.startsWith("p=")) {
            throw new ScramException(Reason.UNSUPPORTED_FEATURE,
                    NAME + ": channel binding (a SCRAM-...-PLUS mechanism) is not supported");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw ScramAttributes.malformed(NAME, "GS2 channel-binding flag must be 'n', 'y' or 'p=...'");
        }
    }

    private static void checkNoAuthzid(String authzid) throws ScramException {
        if (authzid.isEmpty()) {
            return;
        }
        if (!authzid.startsWith("a=")) {
            throw ScramAttributes.malformed(NAME, "GS2 authorization identity must be empty or 'a=...'");
        }
        throw new ScramException(Reason.UNSUPPORTED_FEATURE,
                NAME + ": an authorization identity (a=) is not supported");
    }
}
