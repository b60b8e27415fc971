package app.chat.user;

import app.chat.platform.BearerCredential;
import app.chat.platform.ClientCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Calls to /api sign in as the chat's own users: with a session's Bearer token or with HTTP Basic. */
@ApplicationScoped
public class ChatIdentityStore implements IdentityStore {

    public static final String ROLE = "user";

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof BearerCredential bearer) {
            return sessions.authenticate(bearer.token())
                    .map(session -> new CredentialValidationResult(session.username(), Set.of(ROLE)))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String clientAddress = login instanceof ClientCredential c ? c.clientAddress() : null;
        if (!users.authenticate(login.getCaller(), login.getPasswordAsString(), clientAddress)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(ROLE));
    }
}
