package app.chat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownTopicsTest {

    private final List<String> resolved = new ArrayList<>();

    private Topic resolve(String address) {
        resolved.add(address);
        return () -> address;
    }

    @Test
    void aTopicIsResolvedOnceAndThenReused() {
        var known = new KnownTopics(10);
        Topic first = known.topic("room.1", this::resolve);
        assertSame(first, known.topic("room.1", this::resolve));
        assertEquals(List.of("room.1"), resolved);
    }

    @Test
    void theLeastRecentlyUsedTopicIsForgottenBeyondTheCapacity() {
        var known = new KnownTopics(2);
        known.topic("room.1", this::resolve);
        known.topic("user.ann", this::resolve);
        known.topic("room.1", this::resolve); // room.1 is now the most recently used
        known.topic("user.bob", this::resolve); // evicts user.ann
        assertEquals(2, known.size());
        known.topic("room.1", this::resolve);
        known.topic("user.ann", this::resolve);
        assertEquals(List.of("room.1", "user.ann", "user.bob", "user.ann"), resolved);
    }
}
