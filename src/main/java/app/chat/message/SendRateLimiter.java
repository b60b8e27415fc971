package app.chat.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per sender: {@code chat.rate.burst} messages at once, refilled at
 * {@code chat.rate.per-second}. Per node: behind a load balancer a user's limit is per connection's node.
 */
@ApplicationScoped
public class SendRateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    MessageSettings settings;

    LongSupplier nanoClock = System::nanoTime;

    /** 0 when the sender may send now; otherwise how many milliseconds until one more message is allowed. */
    public long tryAcquire(String sender) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // a full bucket is the same as no bucket: forgetting is safe
        }
        int burst = settings.rateBurst();
        return buckets.computeIfAbsent(sender, s -> new Bucket(burst, nanoClock.getAsLong()))
                .take(nanoClock.getAsLong(), settings.ratePerSecond(), burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now, double perSecond, int burst) {
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
