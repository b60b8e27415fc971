package app.chat.presence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live connections per user. A user with none has no entry, so the map holds only those online
 * (bounded by the broker's connection limit).
 */
final class ConnectionCounts {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** @return true when this is the user's first connection: they just came online */
    boolean opened(String username) {
        return counts.merge(username, 1, Integer::sum) == 1;
    }

    /** @return true when this was the user's last connection: they just went offline */
    boolean closed(String username) {
        boolean[] last = {false};
        counts.computeIfPresent(username, (u, n) -> {
            last[0] = n <= 1;
            return last[0] ? null : n - 1;
        });
        return last[0];
    }

    Set<String> users() {
        return Set.copyOf(counts.keySet());
    }

    boolean isOnline(String username) {
        return counts.containsKey(username);
    }
}
