package app.chat.user;

import app.chat.platform.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
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
            throttle.userFailed(username);
            if (clientAddress != null) {
                throttle.addressFailed(clientAddress);
            }
        }
        return ok;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String username) {
        return users.find(username).isPresent();
    }
}
