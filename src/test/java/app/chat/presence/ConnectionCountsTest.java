package app.chat.presence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionCountsTest {

    private final ConnectionCounts counts = new ConnectionCounts();

    @Test
    void onlyTheFirstConnectionBringsAUserOnlineAndOnlyTheLastTakesThemOffline() {
        assertFalse(counts.isOnline("alice"));
        assertTrue(counts.opened("alice"), "first tab");
        assertFalse(counts.opened("alice"), "second tab");
        assertTrue(counts.isOnline("alice"));
        assertFalse(counts.closed("alice"), "one tab left");
        assertTrue(counts.isOnline("alice"));
        assertTrue(counts.closed("alice"), "last tab");
        assertFalse(counts.isOnline("alice"));
    }

    @Test
    void aCloseWithoutAnOpenChangesNothing() {
        assertFalse(counts.closed("bob"));
        assertFalse(counts.isOnline("bob"));
        assertTrue(counts.opened("bob"), "still a first connection");
    }

    @Test
    void usersAreCountedApart() {
        counts.opened("alice");
        assertTrue(counts.opened("bob"));
        assertTrue(counts.closed("alice"));
        assertTrue(counts.isOnline("bob"));
    }
}
