package app.chat.message;

import app.chat.room.UnreadCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a reader's unread messages and mentions for the room list, in one statement for up to
 * {@value #ROOMS_PER_QUERY} rooms: a branch per room, each counting only above the reader's marker
 * through an index (chat_message by (room_id, seq), chat_mention by (username, room_id, seq)), so a
 * room with 100,000 read messages costs no more than one with none. Rooms read to the end are not
 * asked about at all (RoomService leaves them out).
 */
@ApplicationScoped
class MessageCounter implements UnreadCounter {

    static final int ROOMS_PER_QUERY = 100;

    @PersistenceContext(unitName = "chat")
    EntityManager em;

    @Override
    public Map<Long, Unread> count(String reader, Map<Long, Long> readSeqs) {
        Map<Long, Unread> counts = new HashMap<>();
        List<Map.Entry<Long, Long>> rooms = new ArrayList<>(readSeqs.entrySet());
        for (int from = 0; from < rooms.size(); from += ROOMS_PER_QUERY) {
            countChunk(reader, rooms.subList(from, Math.min(rooms.size(), from + ROOMS_PER_QUERY)), counts);
        }
        return counts;
    }

    /**
     * Native SQL, as JPQL has no UNION. The room ids and seqs are numbers from the database, written
     * into the statement; the reader's name is a parameter.
     */
    private void countChunk(String reader, List<Map.Entry<Long, Long>> rooms, Map<Long, Unread> counts) {
        StringBuilder sql = new StringBuilder();
        for (var room : rooms) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            long id = room.getKey();
            long readSeq = room.getValue();
            sql.append("select ").append(id)
                    .append(", (select count(*) from chat_message where room_id = ").append(id).append(" and seq > ").append(readSeq)
                    .append(" and kind = '").append(ChatMessage.MESSAGE).append("' and deleted = false and sender <> ?1)")
                    .append(", (select count(*) from chat_mention where username = ?1 and room_id = ").append(id)
                    .append(" and seq > ").append(readSeq).append(")");
        }
        Query query = em.createNativeQuery(sql.toString()).setParameter(1, reader);
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(((Number) columns[0]).longValue(),
                    new Unread(((Number) columns[1]).longValue(), ((Number) columns[2]).longValue()));
        }
    }
}
