package app.chat.presence;

import app.chat.room.OnlineUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** This node's view of who is online; see {@link ConnectionCounts} and {@link PresenceAnnouncer}. */
@ApplicationScoped
public class Presence implements Connections, OnlineUsers {

    private final ConnectionCounts counts = new ConnectionCounts();

    @Inject
    PresenceAnnouncer announcer;

    @Override
    public void opened(String username) {
        if (counts.opened(username)) {
            announcer.changed(username, counts::isOnline);
        }
    }

    @Override
    public void closed(String username) {
        if (counts.closed(username)) {
            announcer.changed(username, counts::isOnline);
        }
    }

    @Override
    public boolean isOnline(String username) {
        return counts.isOnline(username);
    }
}
