package app.chat.message;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per sender: {@code chat.rate.burst} messages at once, refilled at
 * {@code chat.rate.per-second}. Cluster-wide without a shared counter: a user connected to k nodes
 * gets 1/k of the rate and of the burst on each (presence tells every node where a user is
 * connected), so the sum over the nodes stays within the limit and a user on one node, the usual
 * case, gets all of it. A shared counter (a database row per sender) would add a round trip or a
 * row lock to every message for a case only a client that spreads itself over nodes creates.
 */
@ApplicationScoped
public class SendRateLimiter {

    /**
     * A bucket left alone for ten minutes is full with any sane setting (burst / per-second well under
     * that), and a full bucket is the same as none: forgetting it is safe. The size bound only stops a
     * runaway; Caffeine evicts by frequency, so a flood of new senders does not reset busy ones.
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(1_000_000).build();

    @Inject
    MessageSettings settings;

    @Inject
    SenderNodes nodes;

    LongSupplier nanoClock = System::nanoTime;

    /** 0 when the sender may send now; otherwise how many milliseconds until one more message is allowed. */
    public long tryAcquire(String sender) {
        int share = Math.max(1, nodes.nodesOf(sender));
        // shared, at least one message at once on each node, or a burst of 1 would block a user on two nodes for good
        double burst = share == 1 ? settings.rateBurst() : Math.max(1.0, (double) settings.rateBurst() / share);
        return buckets.get(sender, s -> new Bucket(burst, nanoClock.getAsLong()))
                .take(nanoClock.getAsLong(), settings.ratePerSecond() / share, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * 1000));
        }
    }
}
