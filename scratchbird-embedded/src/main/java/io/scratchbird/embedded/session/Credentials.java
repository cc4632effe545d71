package io.scratchbird.embedded.session;

/**
 * How a session checks what a client presents. Unknown users and wrong passwords must be
 * indistinguishable: same outcome, same message, same kind of work.
 */
public interface Credentials {

    /** PASSWORD method (1): the AUTH_RESPONSE payload is the UTF-8 password. */
    boolean checkPassword(String user, byte[] password);

    /** Starts a SCRAM-SHA-256 exchange (method 3) for the STARTUP user. */
    ScramExchange startScram(String user);

    /** The server side of one SCRAM exchange. */
    interface ScramExchange {

        /** @return the server-first message, or null if the client-first message is malformed */
        String serverFirst(String clientFirst);

        /** @return the server-final message {@code v=...}, or null if the proof is wrong or the message malformed */
        String serverFinal(String clientFinal);
    }
}
