package io.scratchbird.embedded;

import io.scratchbird.embedded.security.UserStore;
import io.scratchbird.embedded.session.Credentials;
import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramServer;

import java.nio.charset.StandardCharsets;

/** Checks credentials against the server's {@link UserStore} of salted SCRAM verifiers. */
final class UserStoreCredentials implements Credentials {

    private final UserStore users;

    UserStoreCredentials(UserStore users) {
        this.users = users;
    }

    @Override
    public boolean checkPassword(String user, byte[] password) {
        return users.verifyPassword(user, new String(password, StandardCharsets.UTF_8));
    }

    @Override
    public ScramExchange startScram(String user) {
        // An unknown user gets a deterministic fake verifier: the exchange runs identically and fails at the proof.
        ScramServer server = new ScramServer(users.verifier(user));
        return new ScramExchange() {
            @Override
            public String serverFirst(String clientFirst) {
                try {
                    return server.handleClientFirst(clientFirst);
                } catch (ScramException e) {
                    return null;
                }
            }

            @Override
            public String serverFinal(String clientFinal) {
                try {
                    ScramServer.Verdict v = server.handleClientFinal(clientFinal);
                    return v.authenticated() ? v.serverFinalMessage() : null;
                } catch (ScramException e) {
                    return null;
                }
            }
        };
    }
}
