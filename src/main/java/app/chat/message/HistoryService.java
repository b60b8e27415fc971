package app.chat.message;

import app.chat.room.NotAMemberException;
import app.chat.room.RoomService;
import app.chat.room.UnknownRoomException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class HistoryService {

    @Inject
    MessageRepository messages;

    @Inject
    RoomService rooms;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomEvent> read(long roomId, String reader, HistoryQuery query) {
        if (!rooms.exists(roomId)) {
            throw new UnknownRoomException(roomId);
        }
        if (!rooms.isMember(roomId, reader)) {
            if (!rooms.canSee(roomId, reader)) {
                throw new UnknownRoomException(roomId); // a private room or DM of others does not show
            }
            throw new NotAMemberException(roomId);
        }
        var page = query.fromOldest()
                ? messages.oldestBetween(roomId, query.after(), query.before(), query.limit())
                : messages.newestBefore(roomId, query.before(), query.limit());
        return page.stream().map(ChatMessage::event).toList();
    }
}
