package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TypingThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TypingThrottle throttle = new TypingThrottle(Duration.ofSeconds(2), 1000, now::get);

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void oneNoticePerIntervalTheRestAreDropped() {
        assertTrue(throttle.allow("alice", 7));
        for (int i = 0; i < 4; i++) {
            advance(200);
            assertFalse(throttle.allow("alice", 7), "notice " + (i + 2) + " within 2 s");
        }
        advance(1199);
        assertFalse(throttle.allow("alice", 7), "1999 ms after the first");
        advance(1);
        assertTrue(throttle.allow("alice", 7), "2 s after the first");
        assertFalse(throttle.allow("alice", 7));
    }

    @Test
    void droppedNoticesDoNotExtendTheInterval() {
        assertTrue(throttle.allow("alice", 7));
        advance(1900);
        assertFalse(throttle.allow("alice", 7));
        advance(100);
        assertTrue(throttle.allow("alice", 7), "counted from the last notice that went out");
    }

    @Test
    void eachUserAndRoomHasItsOwnInterval() {
        assertTrue(throttle.allow("alice", 7));
        assertTrue(throttle.allow("alice", 8), "another room");
        assertTrue(throttle.allow("bob", 7), "another user");
        assertFalse(throttle.allow("alice", 7));
    }

    @Test
    void aFloodOfOtherKeysDoesNotLetAThrottledUserThroughEarly() {
        TypingThrottle small = new TypingThrottle(Duration.ofSeconds(2), 100, now::get);
        assertTrue(small.allow("alice", 7));
        for (int room = 1000; room < 1050; room++) {
            small.allow("mallory", room);
        }
        assertFalse(small.allow("alice", 7));
    }
}
