package app.chat.broker;

import app.chat.presence.Connections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Reports each browser connection to {@link Connections} once it has signed in (its first session:
 * STOMP opens one at CONNECT) and again when the broker destroys it, whatever the cause: a DISCONNECT,
 * a dropped socket, or no heart-beat within the connection's TTL, so a crashed client goes offline too.
 */
final class PresenceTracker implements ActiveMQServerSessionPlugin, ActiveMQServerConnectionPlugin {

    private final Connections connections;
    private final Map<Object, String> userOfConnection = new ConcurrentHashMap<>();

    PresenceTracker(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void afterCreateSession(ServerSession session) {
        RemotingConnection connection = session.getRemotingConnection();
        String user = session.getUsername();
        if (user == null || !(connection.getTransportConnection() instanceof NettyConnection)) {
            return; // the application's own (in-VM) sessions are nobody's presence
        }
        if (userOfConnection.putIfAbsent(connection.getID(), user) == null) {
            connections.opened(user);
        }
    }

    @Override
    public void afterDestroyConnection(RemotingConnection connection) {
        String user = userOfConnection.remove(connection.getID());
        if (user != null) {
            connections.closed(user);
        }
    }
}
