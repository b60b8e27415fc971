package app.chat.broker;

import app.chat.presence.Connections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.core.protocol.stomp.StompConnection;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Reports each browser connection to {@link Connections} once it has signed in (its first session:
 * STOMP opens one at CONNECT and keeps it as long as the connection) and again when it is gone,
 * whatever the cause: a DISCONNECT, a dropped socket, or no heart-beat within the connection's TTL,
 * so a crashed client goes offline too. Gone is whichever comes first of that session closing and
 * the connection being destroyed: a connection the broker's TTL check fails is removed without
 * the connection plugins hearing of it (Artemis 2.57), but its sessions are closed.
 */
final class PresenceTracker implements ActiveMQServerSessionPlugin, ActiveMQServerConnectionPlugin {

    private final Connections connections;
    private final Map<Object, Tracked> connectionsById = new ConcurrentHashMap<>();
    /** In a cluster: where this node says that a user's first connection here opened, or their last closed. */
    private volatile ClusterNotices notices;

    PresenceTracker(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void afterCreateSession(ServerSession session) {
        RemotingConnection connection = session.getRemotingConnection();
        String user = session.getUsername();
        if (user == null || !(connection instanceof StompConnection)
                || !(connection.getTransportConnection() instanceof NettyConnection)) {
            return; // the application's own (in-VM) sessions and the cluster's are nobody's presence
        }
        if (connectionsById.putIfAbsent(connection.getID(), new Tracked(user, session.getName())) == null
                && connections.opened(user)) {
            tell(ClusterNotices.Kind.ONLINE, user);
        }
    }

    @Override
    public void afterCloseSession(ServerSession session, boolean failed) {
        Object id = session.getRemotingConnection().getID();
        Tracked tracked = connectionsById.get(id);
        // a STOMP transaction's own session may close earlier: only the connection's first one counts
        if (tracked != null && tracked.session().equals(session.getName()) && connectionsById.remove(id, tracked)) {
            closed(tracked.user());
        }
    }

    @Override
    public void afterDestroyConnection(RemotingConnection connection) {
        Tracked tracked = connectionsById.remove(connection.getID());
        if (tracked != null) {
            closed(tracked.user());
        }
    }

    void tellingOtherNodes(ClusterNotices notices) {
        this.notices = notices;
    }

    private void closed(String user) {
        if (connections.closed(user)) {
            tell(ClusterNotices.Kind.OFFLINE, user);
        }
    }

    private void tell(ClusterNotices.Kind kind, String user) {
        ClusterNotices n = notices;
        if (n != null) {
            n.tell(kind, Map.of(ClusterNotices.USER, user), List.of());
        }
    }

    private record Tracked(String user, String session) {
    }
}
