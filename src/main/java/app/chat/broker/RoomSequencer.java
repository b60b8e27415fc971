package app.chat.broker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts a room's events back in {@code seq} order on a node of a cluster. Each node's message writer
 * publishes its batches after its own commit, so two nodes writing to one room publish seq 7 and 8
 * from different places, and a third node may receive 8 first. The room rows' locks make the
 * commits, hence the seqs, gapless and ordered; only the arrivals are not. So a node holds an event
 * that comes early until the ones before it arrive, and delivers each seq once.
 *
 * <p>An event that never comes (its node died between its commit and its publish) is waited for
 * {@code wait} at most; then what is held goes out, with the gap a subscriber fills from history, as
 * after any missed event. The same wait applies to the first event of a room this node has not seen
 * (for an hour, or since it started): it does not know which seq came before, so it collects what
 * arrives in that time and starts from the lowest. Events without a seq (presence, typing) pass.
 *
 * <p>Not thread-safe: {@link RoomEventRelay} calls it under one lock, in arrival order.
 */
final class RoomSequencer<T> {

    /** An event to deliver now, to its room topic, in the order of the list. */
    record Release<T>(String topic, T event) {
    }

    private static final long UNKNOWN = -1;

    private final long waitNanos;
    private final Cache<String, Room<T>> rooms;
    /** Rooms with held events, in the order their wait began. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** Held events of rooms the cache let go (size bound), delivered with the next call. */
    private final List<Release<T>> orphans = new ArrayList<>();
    private long dropped;
    private long gaps;

    RoomSequencer(Duration wait, long maxRooms) {
        this.waitNanos = wait.toNanos();
        this.rooms = Caffeine.newBuilder()
                .maximumSize(maxRooms)
                // a room quiet this long has nothing in flight: starting it afresh is safe
                .expireAfterAccess(Duration.ofHours(1))
                .executor(Runnable::run)
                .<String, Room<T>>removalListener((topic, room, cause) -> {
                    if (cause != RemovalCause.REPLACED && room != null) {
                        room.held.values().forEach(e -> orphans.add(new Release<>(topic, e)));
                    }
                })
                .build();
    }

    /** An event arrived; returns what may be delivered now (this one, or more, or nothing yet). */
    List<Release<T>> accept(String topic, long seq, T event, long nowNanos) {
        List<Release<T>> out = new ArrayList<>();
        if (seq <= 0) {
            out.add(new Release<>(topic, event)); // not numbered: nothing to order it against
            return withOrphans(out);
        }
        Room<T> room = rooms.getIfPresent(topic);
        if (room == null) {
            // held before the cache sees the room: if the bound lets it go at once, its event goes with it
            room = new Room<>();
            room.held.put(seq, event);
            room.waitingSince = nowNanos;
            waiting.add(topic);
            rooms.put(topic, room);
            return withOrphans(out);
        }
        if (room.last != UNKNOWN && seq <= room.last) {
            dropped++; // a copy of one delivered, or one given up on: delivered once, or read from history
            return withOrphans(out);
        }
        if (room.last != UNKNOWN && seq == room.last + 1) {
            out.add(new Release<>(topic, event));
            room.last = seq;
            room.releaseConsecutive(topic, out);
            if (room.held.isEmpty()) {
                waiting.remove(topic);
            } else {
                room.waitingSince = nowNanos;
            }
            return withOrphans(out);
        }
        room.held.putIfAbsent(seq, event);
        if (waiting.add(topic)) {
            room.waitingSince = nowNanos;
        }
        return withOrphans(out);
    }

    /** Gives up on gaps older than the wait: what was held behind them goes out. */
    List<Release<T>> expire(long nowNanos) {
        List<Release<T>> out = new ArrayList<>();
        var it = waiting.iterator();
        while (it.hasNext()) {
            String topic = it.next();
            Room<T> room = rooms.getIfPresent(topic);
            if (room == null || room.held.isEmpty()) {
                it.remove();
                continue;
            }
            if (nowNanos - room.waitingSince < waitNanos) {
                continue;
            }
            if (room.last != UNKNOWN) {
                gaps++;
            }
            room.last = room.held.firstKey() - 1;
            room.releaseConsecutive(topic, out);
            if (room.held.isEmpty()) {
                it.remove();
            } else {
                room.waitingSince = nowNanos; // the next gap gets a wait of its own
            }
        }
        return withOrphans(out);
    }

    /** Events that came after one with the same or a later seq had gone out (dropped). */
    long dropped() {
        return dropped;
    }

    /** Gaps given up on: events that never came (their subscribers read them from history). */
    long gaps() {
        return gaps;
    }

    /** Adds what the cache let go meanwhile (its listener runs on this thread, within the calls above). */
    private List<Release<T>> withOrphans(List<Release<T>> out) {
        if (!orphans.isEmpty()) {
            out.addAll(orphans);
            orphans.clear();
        }
        return out;
    }

    private static final class Room<T> {
        long last = UNKNOWN;
        long waitingSince;
        final TreeMap<Long, T> held = new TreeMap<>();

        void releaseConsecutive(String topic, List<Release<T>> out) {
            for (Map.Entry<Long, T> next = held.firstEntry(); next != null && next.getKey() == last + 1; next = held.firstEntry()) {
                held.pollFirstEntry();
                out.add(new Release<>(topic, next.getValue()));
                last = next.getKey();
            }
        }
    }
}
