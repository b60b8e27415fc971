package app.chat.broker;

import app.chat.publish.Destinations;
import jakarta.json.spi.JsonProvider;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrame;
import org.apache.activemq.artemis.core.protocol.stomp.StompFrameInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * "Someone is typing" without the message path: a SEND to /app/chat.typing is taken out of the
 * STOMP stream before the broker handles it as a message, so it never reaches a queue, the
 * journal, an MDB or the database. Its sender is the connection's login; the body's {@code roomId}
 * is all that is read (any other field, a forged {@code user} included, is ignored). Once per
 * {@link TypingThrottle} interval per user and room, and only for a member ({@link MemberCache}),
 * a non-durable {@code {"type":"typing","user","roomId"}} is routed to the room topic, where only
 * the room's members can be subscribed. Everything else (too soon, not a member, no such room, a
 * body without a roomId) is dropped without an answer: typing notices are not acknowledged.
 */
final class TypingRelay implements StompFrameInterceptor {

    private static final System.Logger LOG = System.getLogger(TypingRelay.class.getName());
    /** As clients write it: broker.xml's STOMP acceptor maps the /app/ prefix to anycast addresses. */
    static final String DESTINATION = "/app/" + Destinations.CHAT_TYPING;

    private final RoomRoutes routes;
    private final TypingThrottle throttle;
    private final MemberCache members;
    private final RoomIdField roomIds;
    private final JsonProvider json;

    TypingRelay(RoomRoutes routes, TypingThrottle throttle, MemberCache members, JsonProvider json) {
        this.routes = routes;
        this.throttle = throttle;
        this.members = members;
        this.roomIds = new RoomIdField(json);
        this.json = json;
    }

    @Override
    public boolean intercept(StompFrame frame, RemotingConnection connection) {
        if (!"SEND".equals(frame.getCommand()) || !DESTINATION.equals(frame.getHeader("destination"))) {
            return true;
        }
        Subject subject = connection.getSubject();
        String user = subject == null ? null : ChatSecurityManager.userOf(subject);
        if (user == null) {
            return true; // not signed in: the broker refuses the SEND as it refuses any other then
        }
        Long roomId = roomIds.of(frame.getBodyAsBytes());
        if (roomId != null && roomId > 0 && throttle.allow(user, roomId)) {
            members.ifMember(roomId, user, () -> publish(roomId, user));
        }
        return false;
    }

    /** Routes the notice like the application's own room events: bytes, not durable, to the topic's subscribers. */
    private void publish(long roomId, String user) {
        byte[] body = json.createObjectBuilder().add("type", "typing").add("user", user).add("roomId", roomId)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            routes.publish(roomId, body);
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Could not route a typing notice of {0} to room {1}: {2}", user, roomId, e);
        }
    }
}
