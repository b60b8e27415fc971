package app.chat.room;

import app.chat.platform.ChatJson;
import app.chat.publish.ChatPublisher;
import app.chat.publish.Destinations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells users, on their own topic, that their list of rooms changed, and everyone, on
 * {@link Destinations#PUBLIC_ROOMS}, that a public room was created. Not stored: a client that missed
 * one reads GET /api/rooms again (as after any reconnect). Sent within the caller's transaction, so
 * they leave only if, and once, the change commits.
 */
@ApplicationScoped
class RoomNotices {

    @Inject
    ChatPublisher publisher;

    @Inject
    ChatJson json;

    /** {@code room} as {@code user} sees it after the change. */
    void toUser(String user, String action, RoomView room) {
        publisher.publish(List.of(new ChatPublisher.Outgoing(Destinations.userTopic(user), json.write(RoomNotice.of(action, room)))));
    }

    /** A new room to its creator; a public one also to everyone, as someone not in it sees it. */
    void created(String creator, RoomView asCreator, RoomView asStranger, boolean isPublic) {
        List<ChatPublisher.Outgoing> out = new ArrayList<>(2);
        out.add(new ChatPublisher.Outgoing(Destinations.userTopic(creator), json.write(RoomNotice.of("created", asCreator))));
        if (isPublic) {
            out.add(new ChatPublisher.Outgoing(Destinations.PUBLIC_ROOMS, json.write(RoomNotice.of("created", asStranger))));
        }
        publisher.publish(out);
    }
}
