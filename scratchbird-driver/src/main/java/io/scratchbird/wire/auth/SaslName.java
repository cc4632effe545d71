package io.scratchbird.wire.auth;

/**
 * The RFC 5802 {@code saslname} escaping of a user name: {@code =} becomes {@code =3D} and
 * {@code ,} becomes {@code =2C}. No SASLprep normalisation, like the official drivers (spec 6.6).
 */
final class SaslName {

    private SaslName() {
    }

    static String escape(String username) {
        // '=' first, or the '=' of an inserted "=2C" would be escaped again.
        return username.replace("=", "=3D").replace(",", "=2C");
    }

    /** Reverses {@link #escape}; any {@code =} not starting {@code =2C} or {@code =3D} is malformed. */
    static String unescape(String saslname, String messageName) throws ScramException {
        StringBuilder out = new StringBuilder(saslname.length());
        for (int i = 0; i < saslname.length(); i++) {
            char c = saslname.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (saslname.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (saslname.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                throw ScramAttributes.malformed(messageName, "user name has an '=' that is not =2C or =3D");
            }
        }
        return out.toString();
    }
}
