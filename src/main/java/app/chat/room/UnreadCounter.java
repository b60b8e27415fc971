package app.chat.room;

import java.util.Map;

/**
 * Counts what a reader has not read, room by room: the messages are another feature's (which
 * depends on rooms, so rooms ask through this interface rather than call it).
 */
public interface UnreadCounter {

    /**
     * For each room of {@code readSeqs} (room id to the reader's marker, below the room's last seq),
     * the others' messages above the marker and those of them that mention the reader; a room with
     * neither may be left out.
     */
    Map<Long, Unread> count(String reader, Map<Long, Long> readSeqs);

    record Unread(long messages, long mentions) {
    }
}
