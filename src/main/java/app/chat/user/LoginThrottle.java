package app.chat.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after {@code chat.login.max-failures} failures in a row for a
 * username (or {@code chat.login.max-failures-per-address} for a client address: higher, because
 * many people may share one address behind a proxy), that key is refused without a password check
 * for a back-off that doubles with each further failure, up to {@code chat.login.max-backoff-seconds}.
 * A success resets the key. In a cluster every node counts every node's attempts ({@link LoginAttempt}).
 */
@ApplicationScoped
public class LoginThrottle {

    /**
     * Failures are forgotten a day after the last one. The size bound only stops a runaway: Caffeine
     * evicts by frequency, so spraying a million one-off usernames does not lift the lock on the
     * account that is being guessed at (a plain map cleared when full did).
     */
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1)).maximumSize(1_000_000).build();

    @Inject
    UserSettings settings;

    @Inject
    Event<LoginAttempt> attempts;

    LongSupplier clock = System::currentTimeMillis;

    /** True while this key must not even be checked. */
    boolean isLocked(String key) {
        Failures f = failures.getIfPresent(key);
        return f != null && f.lockedUntil > clock.getAsLong();
    }

    void userFailed(String username) {
        failed("user:" + username, settings.loginMaxFailures());
    }

    void addressFailed(String address) {
        failed("address:" + address, settings.loginMaxFailuresPerAddress());
    }

    public boolean isUserLocked(String username) {
        return isLocked("user:" + username);
    }

    public boolean isAddressLocked(String address) {
        return isLocked("address:" + address);
    }

    /** A wrong password for the user, from the address (null: unknown). */
    public void failed(String username, String address) {
        LoginAttempt attempt = new LoginAttempt(username, address, false);
        count(attempt);
        attempts.fire(attempt);
    }

    /**
     * A success clears the user, and the address: failures of others behind one proxy do not add up
     * forever. Only a success that cleared something is news for the other nodes (most are not).
     */
    public void succeeded(String username, String address) {
        LoginAttempt attempt = new LoginAttempt(username, address, true);
        if (count(attempt)) {
            attempts.fire(attempt);
        }
    }

    /** Another node saw this attempt: it counts here as if made here (and is not passed on). */
    public void heardOf(LoginAttempt attempt) {
        count(attempt);
    }

    /** @return whether the throttle's state changed (a failure always changes it) */
    private boolean count(LoginAttempt attempt) {
        if (!attempt.succeeded()) {
            userFailed(attempt.username());
            if (attempt.address() != null) {
                addressFailed(attempt.address());
            }
            return true;
        }
        boolean userCleared = failures.asMap().remove("user:" + attempt.username()) != null;
        boolean addressCleared = attempt.address() != null && failures.asMap().remove("address:" + attempt.address()) != null;
        return userCleared || addressCleared;
    }

    void failed(String key, int threshold) {
        failures.asMap().compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count + 1;
            long lockedUntil = 0;
            if (count >= threshold) {
                long backoffMs = Math.min(settings.loginMaxBackoffSeconds() * 1000, 1000L << Math.min(20, count - threshold));
                lockedUntil = clock.getAsLong() + backoffMs;
            }
            return new Failures(count, lockedUntil);
        });
    }

    private record Failures(int count, long lockedUntil) {
    }
}
