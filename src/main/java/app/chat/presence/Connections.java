package app.chat.presence;

import java.util.Collection;
import java.util.Set;

/**
 * What the broker reports about browser connections: one call per connection that signed in, one
 * when it is gone (closed, dropped, or timed out without heart-beats). Called on broker threads,
 * so it must not block. In a cluster the broker also reports what the other nodes said about
 * theirs, so that a user connected to any node is online on every node.
 */
public interface Connections {

    /** @return true when this is the user's first connection to this node */
    boolean opened(String username);

    /** @return true when this was the user's last connection to this node */
    boolean closed(String username);

    /** Another node said the user's first connection there opened ({@code online}) or their last closed. */
    void elsewhere(String username, String node, boolean online);

    /** Another node listed everyone connected to it (it joined, or this node did). */
    void onlineAt(String node, Collection<String> usernames);

    /**
     * Another node is gone, and its connections with it. {@code announce}: this node tells the rooms of
     * those who are now offline everywhere (one node does, for the cluster).
     */
    void nodeGone(String node, boolean announce);

    /** Users with a connection to this node. */
    Set<String> onlineHere();
}
