package app.chat.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers recently verified passwords for a short while. PBKDF2 is slow on purpose, and HTTP
 * Basic presents the password with every request: without this, each API call would cost a full
 * key derivation. Entries are a salted SHA-256 of the password (the salt lives only in memory).
 */
@ApplicationScoped
class CredentialCache {

    private final byte[] pepper = new byte[32];
    /** Each entry also carries its own expiry from the settings; the hour and the size only bound memory. */
    private final Cache<String, Entry> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build();

    @Inject
    UserSettings settings;

    Clock clock = Clock.systemUTC();

    CredentialCache() {
        new SecureRandom().nextBytes(pepper);
    }

    boolean isVerified(String username, String password) {
        Entry e = verified.getIfPresent(username);
        return e != null && e.expiresAt > clock.millis() && MessageDigest.isEqual(e.digest, digest(password));
    }

    void remember(String username, String password) {
        verified.put(username, new Entry(digest(password), clock.millis() + settings.passwordCacheSeconds() * 1000));
    }

    /** Forgets the user's remembered password once a change of it has been committed. */
    void onPasswordChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        verified.invalidate(changed.username());
    }

    private byte[] digest(String password) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(byte[] digest, long expiresAt) {
        @Override
        public String toString() {
            return "Entry[" + HexFormat.of().formatHex(digest, 0, 4) + "...]";
        }
    }
}
