package app.chat.message;

import app.chat.publish.ChatPublisher;
import app.chat.publish.Destinations;
import app.chat.room.MemberChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/**
 * Gets a membership change numbered with the room's messages. Its seq is not taken here, in the REST
 * transaction: that transaction's broadcast could leave after the message writer published the next
 * seq. Instead the change is queued on chat.send in the same transaction (it is queued if, and only
 * if, the membership changes) and the MDB hands it to the writer, which numbers, stores and publishes
 * it in order with the room's messages, like a client's command. See README, Design notes.
 */
@ApplicationScoped
class MemberChangeRecorder {

    @Inject
    ChatPublisher publisher;

    void onChange(@Observes MemberChange change) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("roomId", change.roomId())
                .add("action", change.action().wire())
                .add("user", change.user())
                .add("by", change.by())
                .add("eventId", UUID.randomUUID().toString());
        if (change.role() != null) {
            json.add("role", change.role());
        }
        publisher.queueCommand(Destinations.MEMBER_CHANGE, Destinations.MEMBER_GROUP_PREFIX + change.roomId(),
                json.build().toString());
    }
}
