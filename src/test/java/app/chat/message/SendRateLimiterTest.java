package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    @Test
    void allowsTheBurstThenRefillsAtTheRateAndSaysHowLongToWait() {
        var now = new AtomicLong();
        var limiter = limiter(2, 3, now, SenderNodes.ALONE);
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

    @Test
    void aUserOnSeveralNodesGetsAShareOnEachSoTheClusterStaysWithinTheLimit() {
        var now = new AtomicLong();
        var nodesOfAnn = new AtomicInteger(3);
        var limiter = limiter(3, 9, now, user -> user.equals("ann") ? nodesOfAnn.get() : 1);
        assertEquals(3, allowedNow(limiter, "ann"), "a third of the burst on this node, as on each of the other two");
        assertEquals(9, allowedNow(limiter, "bob"), "a user on one node has all of it");
        now.addAndGet(1_000_000_000L);
        assertEquals(1, allowedNow(limiter, "ann"), "and a third of the rate: 1/s");

        nodesOfAnn.set(1);
        now.addAndGet(3_000_000_000L);
        assertEquals(9, allowedNow(limiter, "ann"), "back on one node: the whole limit again");
    }

    @Test
    void aBurstOfOneStillLetsAUserOnManyNodesSendAtTheirShareOfTheRate() {
        var now = new AtomicLong();
        var limiter = limiter(2, 1, now, user -> 4);
        assertEquals(1, allowedNow(limiter, "ann"));
        long wait = limiter.tryAcquire("ann");
        assertTrue(wait > 1_500 && wait <= 2_000, "0.5/s on this node: the next one in 2 s, not never: " + wait);
    }

    private static SendRateLimiter limiter(double perSecond, int burst, AtomicLong nanos, SenderNodes nodes) {
        var limiter = new SendRateLimiter();
        limiter.settings = new MessageSettings();
        limiter.settings.ratePerSecond = perSecond;
        limiter.settings.rateBurst = burst;
        limiter.nanoClock = nanos::get;
        limiter.nodes = nodes;
        return limiter;
    }

    private static int allowedNow(SendRateLimiter limiter, String user) {
        int allowed = 0;
        while (limiter.tryAcquire(user) == 0) {
            allowed++;
        }
        return allowed;
    }
}
