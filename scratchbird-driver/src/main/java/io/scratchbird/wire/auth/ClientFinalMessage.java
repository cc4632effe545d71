package io.scratchbird.wire.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client-final message {@code c=<base64 GS2 header>,r=<nonce>[,extensions],p=<base64 proof>}
 * and the AuthMessage both sides sign.
 *
 * @param channelBinding the {@code c=} value as sent (base64 of the GS2 header, {@code biws} for {@code n,,})
 * @param withoutProof   everything before {@code ,p=}: the last part of the AuthMessage
 */
record ClientFinalMessage(String channelBinding, String nonce, byte[] proof, String withoutProof) {

    static final String NAME = "client-final message";
    private static final String PROOF_SEPARATOR = ",p=";

    /** {@code c=<base64 gs2Header>,r=<nonce>}. */
    static String withoutProof(String gs2Header, String nonce) {
        return "c=" + channelBindingFor(gs2Header) + ",r=" + nonce;
    }

    static String text(String withoutProof, byte[] proof) {
        return withoutProof + PROOF_SEPARATOR + Base64.getEncoder().encodeToString(proof);
    }

    /** The {@code c=} value that repeats a GS2 header when no channel-binding data is added. */
    static String channelBindingFor(String gs2Header) {
        return Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code AuthMessage = client-first-message-bare "," server-first-message "," client-final-message-without-proof}. */
    static String authMessage(ClientFirstMessage clientFirst, String serverFirst, String withoutProof) {
        return clientFirst.bare() + "," + serverFirst + "," + withoutProof;
    }

    static ClientFinalMessage parse(String text) throws ScramException {
        // Values cannot contain ',', so the last ",p=" is where the proof starts; RFC 5802 puts it last.
        int proofStart = text.lastIndexOf(PROOF_SEPARATOR);
        if (proofStart < 0) {
            throw ScramAttributes.malformed(NAME, "missing the proof attribute 'p' at the end");
        }
        String withoutProof = text.substring(0, proofStart);
        ScramAttributes attributes = ScramAttributes.parse(NAME, withoutProof);
        String channelBinding = attributes.take('c');
        String nonce = attributes.take('r');
        attributes.skipExtensions();

        ScramAttributes proofAttribute = ScramAttributes.parse(NAME, text.substring(proofStart + 1));
        byte[] proof = proofAttribute.takeBase64('p');
        proofAttribute.expectEnd();
        return new ClientFinalMessage(channelBinding, nonce, proof, withoutProof);
    }
}
