package app.chat.publish;

import jakarta.jms.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Topics the publisher has already resolved, the most recently used kept, at most {@code capacity}.
 * Artemis' JMS client asks the broker whether an address exists the first time a Topic object is
 * used, and that query scans every address on the broker (about 10 % of the chat's CPU under load
 * when every publish used a fresh Topic). A Topic is a plain value, valid in any session, so one
 * resolved object serves all pooled connections. Bounded, unlike the RA's per-session
 * cacheDestinations, which would keep one entry per user who ever sent, in every pooled session.
 */
final class KnownTopics {

    private final Map<String, Topic> topics;

    KnownTopics(int capacity) {
        this.topics = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Topic> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The known Topic for {@code address}, else one made by {@code resolve} and remembered. */
    synchronized Topic topic(String address, Function<String, Topic> resolve) {
        Topic known = topics.get(address);
        if (known == null) {
            known = resolve.apply(address);
            topics.put(address, known);
        }
        return known;
    }

    synchronized int size() {
        return topics.size();
    }
}
