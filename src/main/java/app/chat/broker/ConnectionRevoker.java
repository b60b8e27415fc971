package app.chat.broker;

import app.chat.user.PasswordChanged;
import app.chat.user.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.security.auth.Subject;
import io.netty.channel.Channel;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.security.impl.SecurityStoreImpl;
import org.apache.activemq.artemis.core.server.protocol.websocket.WebSocketServerHandler;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * When a session ends (sign-out) its live STOMP connections end too, at once: signing out is not
 * only a promise of the client's. When a password changes, every connection of the user ends but
 * those of the session the change was made in, also those that signed in with the old password.
 * The broker's cached logins are dropped too, so the token or old password is checked afresh.
 * In a cluster, on every node (the others hear of it through {@link ClusterNotices}).
 */
@ApplicationScoped
public class ConnectionRevoker {

    private static final System.Logger LOG = System.getLogger(ConnectionRevoker.class.getName());

    @Inject
    BrokerLifecycle broker;

    static final String SIGNED_OUT = "the session has ended (signed out)";
    static final String PASSWORD_CHANGED = "the password has changed; sign in again";

    void onSignOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        closeHere(ended.username(), ended.sessionId()::equals, SIGNED_OUT);
        broker.tellOtherNodes(ClusterNotices.Kind.SIGNED_OUT,
                Map.of(ClusterNotices.USER, ended.username(), ClusterNotices.SESSION, ended.sessionId()), List.of());
    }

    void onPasswordChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        closeHere(changed.username(), session -> !Objects.equals(session, changed.keptSessionId()), PASSWORD_CHANGED);
        broker.tellOtherNodes(ClusterNotices.Kind.PASSWORD_CHANGED, changed.keptSessionId() == null
                ? Map.of(ClusterNotices.USER, changed.username())
                : Map.of(ClusterNotices.USER, changed.username(), ClusterNotices.SESSION, changed.keptSessionId()), List.of());
    }

    /**
     * Closes the user's connections to this node.
     * @param ofSession which of the user's connections to close, by session id (null: signed in with the password)
     */
    void closeHere(String username, Predicate<String> ofSession, String reason) {
        if (!broker.isReady()) {
            return;
        }
        var server = broker.server();
        if (server.getSecurityStore() instanceof SecurityStoreImpl store) {
            store.invalidateAuthenticationCache();
        }
        try {
            for (RemotingConnection connection : server.getRemotingService().getConnections()) {
                Subject subject = connection.getSubject();
                if (subject == null || !(connection.getTransportConnection() instanceof NettyConnection netty)
                        || !username.equals(ChatSecurityManager.userOf(subject))
                        || !ofSession.test(ChatSecurityManager.sessionOf(subject))) {
                    continue;
                }
                LOG.log(Level.INFO, "Closing the connection of {0} from {1}: {2}", username, connection.getRemoteAddress(), reason);
                // an ERROR frame, then a WebSocket close frame: without one the client may not notice
                // the close for a long while (the test client did not within 5 s); the broker cleans
                // up the connection when its channel has closed, as after any disconnect
                Channel channel = netty.getChannel();
                StompStreamLimiter.refuse(channel, channel.pipeline().get(WebSocketServerHandler.class) != null, reason);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close the connections of " + username + " (" + reason + ")", e);
        }
    }
}
