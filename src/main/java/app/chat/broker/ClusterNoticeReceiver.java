package app.chat.broker;

import app.chat.presence.Connections;
import app.chat.user.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Does on this node what another node's notice says happened there ({@link ClusterNotices}). */
@ApplicationScoped
public class ClusterNoticeReceiver implements ClusterNotices.Receiver {

    @Inject
    SubscriptionRevoker subscriptions;

    @Inject
    ConnectionRevoker connections;

    @Inject
    Connections presence;

    @Inject
    BrokerLifecycle broker;

    @Inject
    LoginThrottle logins;

    @Override
    public void notice(ClusterNotices.Kind kind, String origin, Map<String, String> fields, List<String> users) {
        String user = fields.get(ClusterNotices.USER);
        switch (kind) {
            case LEFT_ROOM -> subscriptions.revokeHere(Long.parseLong(fields.get(ClusterNotices.ROOM)), user);
            case SIGNED_OUT -> connections.closeHere(user, fields.get(ClusterNotices.SESSION)::equals,
                    ConnectionRevoker.SIGNED_OUT);
            case PASSWORD_CHANGED -> connections.closeHere(user,
                    session -> !Objects.equals(session, fields.get(ClusterNotices.SESSION)), ConnectionRevoker.PASSWORD_CHANGED);
            case ONLINE -> presence.elsewhere(user, origin, true);
            case OFFLINE -> presence.elsewhere(user, origin, false);
            case ONLINE_HERE -> presence.onlineAt(origin, users);
            case LOGIN_FAILED, LOGIN_SUCCEEDED -> logins.heardOf(LoginSharing.attempt(kind, fields));
        }
    }

    @Override
    public void nodeUp(String node) {
        broker.tellOtherNodes(ClusterNotices.Kind.ONLINE_HERE, Map.of(), presence.onlineHere());
    }

    @Override
    public void nodeDown(String node, boolean announce) {
        presence.nodeGone(node, announce);
    }
}
