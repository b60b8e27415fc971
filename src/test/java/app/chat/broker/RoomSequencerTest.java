package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomSequencerTest {

    private static final long MS = 1_000_000;
    private final RoomSequencer<String> sequencer = new RoomSequencer<>(Duration.ofMillis(200), 1000);
    private final List<String> delivered = new ArrayList<>();

    private void accept(String topic, long seq, long atMs) {
        sequencer.accept(topic, seq, topic + "#" + seq, atMs * MS).forEach(r -> delivered.add(r.event()));
    }

    private void expire(long atMs) {
        sequencer.expire(atMs * MS).forEach(r -> delivered.add(r.event()));
    }

    /** The room is known from seq 1 on (its first event waited out), so later ones flow at once. */
    private void known(String topic) {
        accept(topic, 1, 0);
        expire(200);
        delivered.clear();
    }

    @Test
    void eventsInOrderGoOutAtOnce() {
        known("room.1");
        accept("room.1", 2, 300);
        accept("room.1", 3, 300);
        assertEquals(List.of("room.1#2", "room.1#3"), delivered);
    }

    @Test
    void anEarlyEventWaitsForTheOneBeforeIt() {
        known("room.1");
        accept("room.1", 3, 300);
        assertEquals(List.of(), delivered, "3 came before 2: held");
        accept("room.1", 2, 301);
        assertEquals(List.of("room.1#2", "room.1#3"), delivered);
        expire(10_000);
        assertEquals(2, delivered.size(), "nothing held any more");
    }

    @Test
    void aCopyOfADeliveredEventIsDropped() {
        known("room.1");
        accept("room.1", 2, 300);
        accept("room.1", 2, 301);
        accept("room.1", 1, 302);
        assertEquals(List.of("room.1#2"), delivered);
        assertEquals(2, sequencer.dropped());
    }

    @Test
    void anEventThatNeverComesIsWaitedForOnlySoLong() {
        known("room.1");
        accept("room.1", 3, 300);
        accept("room.1", 4, 310);
        expire(499);
        assertEquals(List.of(), delivered, "still within the wait");
        expire(500);
        assertEquals(List.of("room.1#3", "room.1#4"), delivered, "the gap (2) is the subscribers' to read from history");
        assertEquals(1, sequencer.gaps());
        accept("room.1", 2, 600);
        assertEquals(2, delivered.size(), "2, late, would now be out of order: dropped");
    }

    @Test
    void aSecondGapAfterTheFirstGetsAWaitOfItsOwn() {
        known("room.1");
        accept("room.1", 3, 300);
        accept("room.1", 5, 300);
        expire(500);
        assertEquals(List.of("room.1#3"), delivered);
        accept("room.1", 4, 550);
        assertEquals(List.of("room.1#3", "room.1#4", "room.1#5"), delivered);
    }

    @Test
    void aRoomSeenForTheFirstTimeStartsFromTheLowestSeqThatArrivesWithinTheWait() {
        accept("room.9", 8, 0);
        accept("room.9", 7, 50);
        assertEquals(List.of(), delivered, "which came before 7 is not known yet");
        expire(200);
        assertEquals(List.of("room.9#7", "room.9#8"), delivered);
        assertEquals(0, sequencer.gaps(), "a first start is no gap");
        accept("room.9", 9, 201);
        assertEquals("room.9#9", delivered.get(2));
    }

    @Test
    void roomsAreIndependent() {
        known("room.1");
        known("room.2");
        accept("room.1", 3, 300);
        accept("room.2", 2, 300);
        assertEquals(List.of("room.2#2"), delivered, "a gap in room 1 holds nothing of room 2");
    }

    @Test
    void eventsWithoutASeqPassAsTheyCome() {
        accept("room.1", 0, 0);
        assertEquals(List.of("room.1#0"), delivered);
    }

    @Test
    void aRoomTheBoundLetsGoStillDeliversWhatItHeld() {
        RoomSequencer<String> small = new RoomSequencer<>(Duration.ofMillis(200), 2);
        List<String> out = new ArrayList<>();
        for (int room = 1; room <= 50; room++) {
            small.accept("room." + room, 5, "room." + room + "#5", 0).forEach(r -> out.add(r.event()));
        }
        small.expire(1000 * MS).forEach(r -> out.add(r.event()));
        assertEquals(50, out.size(), "held or evicted, every event went out once: " + out);
        assertTrue(out.stream().distinct().count() == 50);
    }
}
