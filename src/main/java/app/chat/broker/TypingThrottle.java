package app.chat.broker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * At most one typing notice per user and room per interval; the rest are dropped. Remembers when
 * each (user, room) last passed, for one interval only; the size bound stops a flood of made-up room
 * ids from growing it without end (Caffeine evicts single entries, it never empties the cache).
 */
final class TypingThrottle {

    private final long intervalNanos;
    private final Ticker ticker;
    private final Cache<Key, Long> lastPassed;

    TypingThrottle(Duration interval, int maxEntries, Ticker ticker) {
        this.intervalNanos = interval.toNanos();
        this.ticker = ticker;
        this.lastPassed = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(interval).ticker(ticker).build();
    }

    /** True when this notice may go out (and starts a new interval), false when it is one too many. */
    boolean allow(String username, long roomId) {
        boolean[] allowed = {false};
        lastPassed.asMap().compute(new Key(username, roomId), (key, last) -> {
            long now = ticker.read();
            if (last != null && now - last < intervalNanos) {
                return last;
            }
            allowed[0] = true;
            return now;
        });
        return allowed[0];
    }

    private record Key(String username, long roomId) {
    }
}
