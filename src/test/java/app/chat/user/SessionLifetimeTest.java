package app.chat.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-01-01T00:00:00Z");
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(1));

    @Test
    void aNewSessionLastsTheIdleTime() {
        assertEquals(SIGNED_IN.plus(Duration.ofDays(7)), lifetime.expiresAt(SIGNED_IN, SIGNED_IN));
    }

    @Test
    void useSlidesTheExpiryButNeverPastTheMaximum() {
        Instant dayTen = SIGNED_IN.plus(Duration.ofDays(10));
        assertEquals(dayTen.plus(Duration.ofDays(7)), lifetime.expiresAt(SIGNED_IN, dayTen));
        Instant dayTwentyFive = SIGNED_IN.plus(Duration.ofDays(25));
        assertEquals(SIGNED_IN.plus(Duration.ofDays(30)), lifetime.expiresAt(SIGNED_IN, dayTwentyFive));
    }

    @Test
    void aSessionHasExpiredFromItsExpiryOn() {
        Instant expiry = lifetime.expiresAt(SIGNED_IN, SIGNED_IN);
        assertFalse(lifetime.isExpired(expiry, expiry.minusMillis(1)));
        assertTrue(lifetime.isExpired(expiry, expiry));
        assertTrue(lifetime.isExpired(expiry, expiry.plusSeconds(1)));
    }

    @Test
    void useIsWrittenDownOnlyWhenTheLastWriteIsAMinuteOld() {
        assertFalse(lifetime.needsTouch(SIGNED_IN, SIGNED_IN));
        assertFalse(lifetime.needsTouch(SIGNED_IN, SIGNED_IN.plusSeconds(59)));
        assertTrue(lifetime.needsTouch(SIGNED_IN, SIGNED_IN.plusSeconds(60)));
        assertTrue(lifetime.needsTouch(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(3))));
    }

    @Test
    void lifetimesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionLifetime(Duration.ZERO, Duration.ofDays(1), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionLifetime(Duration.ofDays(1), Duration.ofHours(-1), Duration.ofMinutes(1)));
    }
}
