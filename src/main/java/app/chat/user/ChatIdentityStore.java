package app.chat.user;

import app.chat.platform.ClientCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** HTTP Basic on /api checks the chat's own users. */
@ApplicationScoped
public class ChatIdentityStore implements IdentityStore {

    public static final String ROLE = "user";

    @Inject
    UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
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
