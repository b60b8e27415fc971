package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    @Test
    void allowsTheBurstThenRefillsAtTheRateAndSaysHowLongToWait() {
        var now = new AtomicLong();
        var limiter = new SendRateLimiter();
        limiter.settings = new MessageSettings();
        limiter.settings.ratePerSecond = 2;
        limiter.settings.rateBurst = 3;
        limiter.nanoClock = now::get;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.tryAcquire("ann"), "burst message " + i);
        }
        long wait = limiter.tryAcquire("ann");
        assertTrue(wait > 0 && wait <= 500, "one token takes 500 ms at 2/s: " + wait);
        assertEquals(0, limiter.tryAcquire("bob"), "buckets are per sender");
        now.addAndGet(500_000_000L);
        assertEquals(0, limiter.tryAcquire("ann"));
        assertTrue(limiter.tryAcquire("ann") > 0);
    }
}
