package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    private static SendRateLimiter limiter(double perSecond, int burst) {
        var limiter = new SendRateLimiter();
        limiter.perSecond = perSecond;
        limiter.burst = burst;
        return limiter;
    }

    @Test
    void allowsTheBurstThenRefillsAtTheRateAndSaysHowLongToWait() {
        var limiter = limiter(2, 3);
        long t = 1_000_000;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.tryAcquire("ann", t), "burst message " + i);
        }
        long wait = limiter.tryAcquire("ann", t);
        assertTrue(wait > 0 && wait <= 500, "one token takes 500 ms at 2/s: " + wait);
        assertEquals(0, limiter.tryAcquire("bob", t), "buckets are per sender");
        assertEquals(0, limiter.tryAcquire("ann", t + 500));
        assertTrue(limiter.tryAcquire("ann", t + 500) > 0);
    }

    @Test
    void countsWhenMessagesArrivedNotWhenTheyAreProcessed() {
        var limiter = limiter(10, 30);
        long arrived = 5_000_000;
        // 100 messages that arrived within 100 ms, handled one by one over the next 10 s of backlog:
        // the arrival times decide: the burst passes (99 ms at 10/s refill less than one more) and
        // the rest is refused, however long the backlog took
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            if (limiter.tryAcquire("flood", arrived + i) == 0) {
                allowed++;
            }
        }
        assertEquals(30, allowed);
    }

    @Test
    void anEarlierMessageSeenLaterRefillsNothing() {
        var limiter = limiter(1, 1);
        assertEquals(0, limiter.tryAcquire("ann", 10_000));
        assertTrue(limiter.tryAcquire("ann", 9_000) > 0, "out of order: no time went by for the bucket");
        assertEquals(0, limiter.tryAcquire("ann", 11_000));
    }
}
