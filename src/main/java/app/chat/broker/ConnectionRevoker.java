package app.chat.broker;

import app.chat.user.PasswordChanged;
import app.chat.user.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
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
 * This node's connections only (see README, Known limits).
 */
@ApplicationScoped
public class ConnectionRevoker {

    private static final System.Logger LOG = System.getLogger(ConnectionRevoker.class.getName());

    @Inject
    BrokerLifecycle broker;

    void onSignOut(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        close(ended.username(), ended.sessionId()::equals, "the session has ended (signed out)");
    }

    void onPasswordChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        close(changed.username(), session -> !Objects.equals(session, changed.keptSessionId()),
                "the password has changed; sign in again");
    }

    /** @param ofSession which of the user's connections to close, by session id (null: signed in with the password) */
    private void close(String username, Predicate<String> ofSession, String reason) {
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
