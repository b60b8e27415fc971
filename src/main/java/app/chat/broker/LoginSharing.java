package app.chat.broker;

import app.chat.user.LoginAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Passes this node's login failures (and the successes that clear them) to the other nodes, whose
 * throttles count them as their own ({@link ClusterNoticeReceiver}). Alone, a node tells no one.
 */
@ApplicationScoped
public class LoginSharing {

    @Inject
    BrokerLifecycle broker;

    void onAttempt(@Observes LoginAttempt attempt) {
        broker.tellOtherNodes(attempt.succeeded() ? ClusterNotices.Kind.LOGIN_SUCCEEDED : ClusterNotices.Kind.LOGIN_FAILED,
                fields(attempt), List.of());
    }

    static Map<String, String> fields(LoginAttempt attempt) {
        return attempt.address() == null ? Map.of(ClusterNotices.USER, attempt.username())
                : Map.of(ClusterNotices.USER, attempt.username(), ClusterNotices.CLIENT_ADDRESS, attempt.address());
    }

    static LoginAttempt attempt(ClusterNotices.Kind kind, Map<String, String> fields) {
        return new LoginAttempt(fields.get(ClusterNotices.USER), fields.get(ClusterNotices.CLIENT_ADDRESS),
                kind == ClusterNotices.Kind.LOGIN_SUCCEEDED);
    }
}
