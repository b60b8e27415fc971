package app.chat.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sign-in sessions: a password buys a token ({@link #start}), the token then signs in API calls
 * (Bearer) and STOMP connections (as the passcode) until it is ended or expires ({@link SessionLifetime}).
 */
@ApplicationScoped
public class SessionService {

    /** Expired sessions are deleted in passing, at most this often per node. */
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    @Inject
    SessionRepository sessions;

    @Inject
    UserService users;

    @Inject
    UserSettings settings;

    @Inject
    Event<SessionEnded> sessionEnded;

    Clock clock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    /**
     * Checks the password (throttled like every login, per user and per client address) and starts a
     * session; 401 when the pair is wrong.
     */
    @Transactional
    public NewSession start(String username, String password, String clientAddress) {
        if (!users.authenticate(username, password, clientAddress)) {
            throw CredentialsRefused.invalidCredentials();
        }
        Instant now = now();
        purgeExpired(now);
        SessionToken token = SessionToken.generate(random);
        Instant expiresAt = lifetime().expiresAt(now, now);
        sessions.add(new ChatSession(token.hash(), username, now, expiresAt));
        return new NewSession(token.value(), expiresAt);
    }

    /**
     * Who the token signs in, if anyone: empty when it is not a token, unknown, or expired (then it
     * is deleted). Use extends the session, written at most once a minute.
     */
    @Transactional
    public Optional<SessionLogin> authenticate(String token) {
        Optional<SessionToken> parsed = SessionToken.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String hash = parsed.get().hash();
        Optional<ChatSession> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChatSession session = found.get();
        Instant now = now();
        SessionLifetime lifetime = lifetime();
        if (lifetime.isExpired(session.expiresAt(), now)) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (lifetime.needsTouch(session.lastUsedAt(), now)) {
            session.used(now, lifetime.expiresAt(session.createdAt(), now));
        }
        return Optional.of(new SessionLogin(session.username(), hash));
    }

    /** Ends the session of this Authorization header; false when it carries no session token. */
    @Transactional
    public boolean end(String authorization) {
        Optional<SessionToken> token = SessionToken.ofAuthorization(authorization);
        if (token.isEmpty()) {
            return false;
        }
        String hash = token.get().hash();
        sessions.delete(hash).ifPresent(user -> sessionEnded.fire(new SessionEnded(user, hash)));
        return true;
    }

    /** The id of the session an Authorization header carries the token of, if it does. */
    public Optional<String> idOf(String authorization) {
        return SessionToken.ofAuthorization(authorization).map(SessionToken::hash);
    }

    private void purgeExpired(Instant now) {
        Instant due = nextPurge.get();
        if (now.isAfter(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            sessions.deleteExpired(now);
        }
    }

    private SessionLifetime lifetime() {
        return new SessionLifetime(settings.sessionIdle(), settings.sessionMax(), SessionLifetime.TOUCH_EVERY);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
