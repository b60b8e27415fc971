package app.chat.presence;

import app.chat.platform.ChatJson;
import app.chat.publish.ChatPublisher;
import app.chat.publish.ChatPublisher.Outgoing;
import app.chat.publish.Destinations;
import app.chat.room.RoomService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;

/**
 * Tells a user's rooms that they came online or went offline, off the broker's threads (finding the
 * rooms is a database query). One thread does it all, in order; it announces the state a user is in
 * when it gets to them, and only when that differs from what it announced last, so a connection
 * that opens and closes before it gets there costs nothing and online/offline always alternate.
 * At most one task waits per user, however fast their connections come and go.
 */
@ApplicationScoped
public class PresenceAnnouncer {

    private static final System.Logger LOG = System.getLogger(PresenceAnnouncer.class.getName());

    @Inject
    RoomService rooms;

    @Inject
    ChatPublisher publisher;

    @Inject
    ChatJson json;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService executor;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    /** Users last announced online; touched only by the executor's thread. */
    private final Set<String> announcedOnline = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        executor = Executors.newSingleThreadExecutor(threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** @param online tells, when the announcement is made, whether the user is online then */
    void changed(String username, Predicate<String> online) {
        if (!waiting.add(username)) {
            return; // the waiting task will see the latest state
        }
        try {
            executor.execute(() -> {
                waiting.remove(username);
                announce(username, online.test(username));
            });
        } catch (RejectedExecutionException stopping) {
            waiting.remove(username);
        }
    }

    /**
     * Another node announced the user's state (or this node learnt it without a change of its own):
     * taken note of, in order with this node's announcements, so that this node announces the next
     * change only, not this one again.
     */
    void observed(String username, boolean online) {
        try {
            executor.execute(() -> {
                if (online) {
                    announcedOnline.add(username);
                } else {
                    announcedOnline.remove(username);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // shutting down: nothing more is announced
        }
    }

    private void announce(String username, boolean online) {
        if (online == announcedOnline.contains(username)) {
            return;
        }
        try {
            List<Outgoing> events = rooms.roomsOf(username).stream()
                    .map(room -> new Outgoing(Destinations.roomTopic(room), json.write(PresenceEvent.of(username, room, online))))
                    .toList();
            if (!events.isEmpty()) {
                publisher.publish(events);
            }
            if (online) {
                announcedOnline.add(username);
            } else {
                announcedOnline.remove(username);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the rooms of " + username + " that they are " + (online ? "online" : "offline") + ": " + e);
        }
    }
}
