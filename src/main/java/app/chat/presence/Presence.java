package app.chat.presence;

import app.chat.message.SenderNodes;
import app.chat.room.OnlineUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online: this node's connections ({@link ConnectionCounts}) and, in a cluster, the users
 * the other nodes said they hold. A user's rooms hear of it ({@link PresenceAnnouncer}) from the node
 * where their first connection opened or their last closed; the other nodes only take note.
 */
@ApplicationScoped
public class Presence implements Connections, OnlineUsers, SenderNodes {

    private final ConnectionCounts counts = new ConnectionCounts();
    /** User → the other nodes they are connected to; a user on none has no entry. */
    private final Map<String, Set<String>> elsewhere = new ConcurrentHashMap<>();

    @Inject
    PresenceAnnouncer announcer;

    @Override
    public boolean opened(String username) {
        boolean first = counts.opened(username);
        if (first) {
            announcer.changed(username, this::isOnline);
        }
        return first;
    }

    @Override
    public boolean closed(String username) {
        boolean last = counts.closed(username);
        if (last) {
            announcer.changed(username, this::isOnline);
        }
        return last;
    }

    @Override
    public void elsewhere(String username, String node, boolean online) {
        if (online) {
            elsewhere.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(node);
        } else {
            elsewhere.computeIfPresent(username, (u, nodes) -> nodes.remove(node) && nodes.isEmpty() ? null : nodes);
        }
        announcer.observed(username, isOnline(username));
    }

    @Override
    public void onlineAt(String node, Collection<String> usernames) {
        Set<String> listed = new HashSet<>(usernames);
        Set<String> affected = new HashSet<>(listed);
        elsewhere.forEach((user, nodes) -> {
            if (nodes.contains(node) && !listed.contains(user)) {
                affected.add(user);
            }
        });
        for (String user : affected) {
            if (listed.contains(user)) {
                elsewhere.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(node);
            } else {
                elsewhere.computeIfPresent(user, (u, nodes) -> nodes.remove(node) && nodes.isEmpty() ? null : nodes);
            }
            announcer.observed(user, isOnline(user));
        }
    }

    @Override
    public void nodeGone(String node, boolean announce) {
        for (String user : Set.copyOf(elsewhere.keySet())) {
            boolean[] removed = {false};
            elsewhere.computeIfPresent(user, (u, nodes) -> {
                removed[0] = nodes.remove(node);
                return nodes.isEmpty() ? null : nodes;
            });
            if (removed[0] && !isOnline(user)) {
                if (announce) {
                    announcer.changed(user, this::isOnline);
                } else {
                    announcer.observed(user, false);
                }
            }
        }
    }

    @Override
    public Set<String> onlineHere() {
        return counts.users();
    }

    @Override
    public int nodesOf(String username) {
        Set<String> nodes = elsewhere.get(username);
        return Math.max(1, (counts.isOnline(username) ? 1 : 0) + (nodes == null ? 0 : nodes.size()));
    }

    @Override
    public boolean isOnline(String username) {
        return counts.isOnline(username) || elsewhere.containsKey(username);
    }
}
