package app.chat.user;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a session lives: it expires after {@code idle} without use, and {@code max} after it
 * began however much it is used. Use slides the idle expiry forward, but is written to the database
 * only when the last write is more than {@code touchEvery} old: a busy client costs one write a
 * minute, not one per request, and its expiry is at most that much earlier than exact.
 */
record SessionLifetime(Duration idle, Duration max, Duration touchEvery) {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    SessionLifetime {
        if (idle.isNegative() || idle.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("a session's idle and maximum lifetimes must be positive");
        }
    }

    /** When a session that began at {@code created} and was last used at {@code lastUsed} expires. */
    Instant expiresAt(Instant created, Instant lastUsed) {
        Instant idleEnd = lastUsed.plus(idle);
        Instant end = created.plus(max);
        return idleEnd.isBefore(end) ? idleEnd : end;
    }

    boolean isExpired(Instant expiresAt, Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True when this use is worth writing down: the last one written is older than touchEvery. */
    boolean needsTouch(Instant lastUsed, Instant now) {
        return Duration.between(lastUsed, now).compareTo(touchEvery) >= 0;
    }
}
