package app.chat.user;

import app.chat.platform.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    CredentialCache cache;

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionRepository sessions;

    @Inject
    Event<PasswordChanged> passwordChanged;

    /** Registers a new user; the registration has been validated already. */
    @Transactional
    public UserView register(Registration registration) {
        if (users.find(registration.username()).isPresent()) {
            throw new UsernameTakenException(registration.username());
        }
        try {
            users.add(new ChatUser(registration.username(), hasher.hash(registration.password()),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        } catch (PersistenceException failed) {
            // only a unique key violation means someone registered the name meanwhile; an outage
            // (or any other failure) is not the client's to fix by picking another name
            if (DatabaseFailure.isUniqueViolation(failed)) {
                throw new UsernameTakenException(registration.username());
            }
            throw failed;
        }
        return new UserView(registration.username());
    }

    /** True when the user exists and the password is theirs. Never says which of the two failed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean authenticate(String username, String password) {
        return authenticate(username, password, null);
    }

    /**
     * As {@link #authenticate(String, String)}, also throttled per client address when one is given.
     * While a user or an address is throttled, even the right password is refused.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean authenticate(String username, String password, String clientAddress) {
        if (username == null || password == null || username.length() > 32 || password.length() > 128) {
            return false;
        }
        if (throttle.isUserLocked(username) || (clientAddress != null && throttle.isAddressLocked(clientAddress))) {
            return false;
        }
        boolean ok = cache.isVerified(username, password)
                || users.find(username).map(u -> hasher.matches(password, u.passwordHash())).orElse(false);
        if (ok) {
            cache.remember(username, password);
            throttle.succeeded(username, clientAddress);
        } else {
            throttle.failed(username, clientAddress);
        }
        return ok;
    }

    /**
     * Changes the password (the change is validated already) after checking the current one, which
     * counts as a login attempt for the throttle. Ends every other session of the user, and the
     * logins with the old password: {@code keptSession} (the caller's, null when it signed in with
     * the password) survives. A wrong current password is 403 WRONG_PASSWORD.
     */
    @Transactional
    public void changePassword(String username, PasswordChange change, String keptSession) {
        if (!authenticate(username, change.currentPassword())) {
            throw CredentialsRefused.wrongPassword();
        }
        ChatUser user = users.find(username).orElseThrow(CredentialsRefused::wrongPassword);
        user.changePasswordHash(hasher.hash(change.newPassword()));
        sessions.deleteAllOf(username, keptSession);
        passwordChanged.fire(new PasswordChanged(username, keptSession));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String username) {
        return users.find(username).isPresent();
    }
}
