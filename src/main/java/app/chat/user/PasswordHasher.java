package app.chat.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** PBKDF2 from Jakarta Security, with the iteration count from configuration. */
@ApplicationScoped
class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    UserSettings settings;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(settings.passwordIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }
}
