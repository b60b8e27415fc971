package app.chat.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Who is online across a cluster's nodes, and which node speaks for a change. */
class PresenceTest {

    /** What the announcer was asked: "changed alice" (this node announces), "observed alice online". */
    private final List<String> heard = new ArrayList<>();
    private final Presence presence = new Presence();

    PresenceTest() {
        presence.announcer = new PresenceAnnouncer() {
            @Override
            void changed(String username, Predicate<String> online) {
                heard.add("changed " + username + " " + (online.test(username) ? "online" : "offline"));
            }

            @Override
            void observed(String username, boolean online) {
                heard.add("observed " + username + " " + (online ? "online" : "offline"));
            }
        };
    }

    @Test
    void aUserOnAnotherNodeIsOnlineHereAndThatNodeAnnouncedIt() {
        presence.elsewhere("alice", "node-b", true);
        assertTrue(presence.isOnline("alice"));
        assertEquals(List.of("observed alice online"), heard, "node b tells the rooms; this node takes note");
    }

    @Test
    void aSecondConnectionOnAnotherNodeChangesNothingForTheRooms() {
        presence.elsewhere("alice", "node-b", true);
        heard.clear();
        assertTrue(presence.opened("alice"), "the first connection to this node");
        assertEquals(List.of("changed alice online"), heard, "the announcer sees she was announced online already");
        heard.clear();
        assertTrue(presence.closed("alice"));
        assertEquals(List.of("changed alice online"), heard, "still online on node b: nothing to announce");
        assertTrue(presence.isOnline("alice"));
    }

    @Test
    void theLastConnectionAnywhereMakesTheUserOffline() {
        presence.opened("alice");
        presence.elsewhere("alice", "node-b", true);
        presence.elsewhere("alice", "node-b", false);
        assertTrue(presence.isOnline("alice"), "her connection here");
        presence.closed("alice");
        assertFalse(presence.isOnline("alice"));
        assertEquals("changed alice offline", heard.get(heard.size() - 1));
    }

    @Test
    void aDeadNodesUsersGoOfflineAndOneSurvivorAnnouncesIt() {
        presence.elsewhere("alice", "node-b", true);
        presence.elsewhere("bob", "node-b", true);
        presence.elsewhere("bob", "node-c", true);
        presence.opened("carol");
        heard.clear();
        presence.nodeGone("node-b", true);
        assertEquals(List.of("changed alice offline"), heard, "bob is still on node c");
        assertFalse(presence.isOnline("alice"));
        assertTrue(presence.isOnline("bob"));

        heard.clear();
        presence.nodeGone("node-c", false);
        assertEquals(List.of("observed bob offline"), heard, "another survivor announces bob");
    }

    @Test
    void aNodesListReplacesWhatItSaidBefore() {
        presence.elsewhere("alice", "node-b", true);
        presence.elsewhere("bob", "node-b", true);
        presence.onlineAt("node-b", List.of("bob", "dave"));
        assertFalse(presence.isOnline("alice"), "node b no longer lists her");
        assertTrue(presence.isOnline("bob"));
        assertTrue(presence.isOnline("dave"));
    }

    @Test
    void onlineHereIsThisNodesConnectionsOnly() {
        presence.opened("alice");
        presence.elsewhere("bob", "node-b", true);
        assertEquals(Set.of("alice"), presence.onlineHere());
    }

    @Test
    void theNodesAUserIsConnectedToAreCountedForTheirShareOfTheSendRate() {
        assertEquals(1, presence.nodesOf("alice"), "a sender whose connection is gone still has one node: this one");
        presence.opened("alice");
        presence.opened("alice");
        assertEquals(1, presence.nodesOf("alice"), "two connections here are one node");
        presence.elsewhere("alice", "node-b", true);
        presence.onlineAt("node-c", List.of("alice", "bob"));
        assertEquals(3, presence.nodesOf("alice"));
        presence.nodeGone("node-c", false);
        assertEquals(2, presence.nodesOf("alice"));
        presence.closed("alice");
        presence.closed("alice");
        assertEquals(1, presence.nodesOf("alice"), "only node b now");
    }
}
