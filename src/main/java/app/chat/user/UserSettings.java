package app.chat.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The user feature's settings (passwords, login throttle, sessions), read from MicroProfile Config; the
 * defaults are in microprofile-config.properties only. Read them through the methods: callers hold a CDI proxy.
 */
@ApplicationScoped
public class UserSettings {

    @Inject
    @ConfigProperty(name = "chat.password.iterations")
    int passwordIterations;

    @Inject
    @ConfigProperty(name = "chat.password.cache-seconds")
    long passwordCacheSeconds;

    @Inject
    @ConfigProperty(name = "chat.login.max-failures")
    int loginMaxFailures;

    @Inject
    @ConfigProperty(name = "chat.login.max-failures-per-address")
    int loginMaxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "chat.login.max-backoff-seconds")
    long loginMaxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "chat.session.idle-hours")
    long sessionIdleHours;

    @Inject
    @ConfigProperty(name = "chat.session.max-hours")
    long sessionMaxHours;

    /** PBKDF2 iterations for new password hashes. */
    public int passwordIterations() {
        return passwordIterations;
    }

    /** How long a verified password is remembered. */
    public long passwordCacheSeconds() {
        return passwordCacheSeconds;
    }

    /** Wrong passwords in a row before a user is locked out. */
    public int loginMaxFailures() {
        return loginMaxFailures;
    }

    /** Wrong passwords in a row from one client address before it is locked out. */
    public int loginMaxFailuresPerAddress() {
        return loginMaxFailuresPerAddress;
    }

    /** The longest lock-out. */
    public long loginMaxBackoffSeconds() {
        return loginMaxBackoffSeconds;
    }

    /** A session unused this long has ended. */
    public Duration sessionIdle() {
        return Duration.ofHours(sessionIdleHours);
    }

    /** A session ends this long after it began, however much it is used. */
    public Duration sessionMax() {
        return Duration.ofHours(sessionMaxHours);
    }
}
