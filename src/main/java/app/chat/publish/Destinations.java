package app.chat.publish;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Every broker address the chat uses, in one place. Clients see them with the STOMP prefixes
 * from broker.xml: {@code /app/chat.send}, {@code /topic/room.42}, {@code /topic/user.alice}.
 */
public final class Destinations {

    /** Anycast address (and queue) that clients SEND chat messages to; edits and deletes end up there too. */
    public static final String CHAT_SEND = "chat.send";
    /** Where clients SEND edits of their messages; broker.xml diverts them to {@link #CHAT_SEND}. */
    public static final String CHAT_EDIT = "chat.edit";
    /** Where clients SEND deletes of messages; broker.xml diverts them to {@link #CHAT_SEND}. */
    public static final String CHAT_DELETE = "chat.delete";
    /**
     * Where clients SEND typing notices. The broker takes them out of the STOMP stream and relays them
     * to the room topic itself: no address or queue of this name exists.
     */
    public static final String CHAT_TYPING = "chat.typing";
    /**
     * Message property with the address a client sent to ({@link #CHAT_SEND}, {@link #CHAT_EDIT},
     * {@link #CHAT_DELETE}): all three arrive on one queue, so that a person's sends, edits and deletes
     * in a room keep their order. Stamped by the broker, never taken from the client.
     */
    public static final String SENT_TO = "chatSentTo";
    /**
     * The {@link #SENT_TO} of a membership change the server queues on {@link #CHAT_SEND} itself (not an
     * address: nobody can SEND to it). A client's message never carries it, since the broker
     * overwrites {@link #SENT_TO} on everything a client sends, and never lacks {@link #VALIDATED_USER}.
     */
    public static final String MEMBER_CHANGE = "chat.member";
    /** Message group of a room's membership changes on {@link #CHAT_SEND}: one after the other, in commit order. */
    public static final String MEMBER_GROUP_PREFIX = "members/room-";
    /**
     * Topic of public rooms as they are created, which every signed-in user may subscribe to and nobody
     * but the application sends to ({@code /topic/rooms.public}).
     */
    public static final String PUBLIC_ROOMS = "rooms.public";
    /**
     * In a cluster: where room events go instead of their room topic. The cluster carries this address
     * to every node, whose relay delivers each room's events to its own subscribers in seq order
     * (one node alone publishes to the room topics directly). Nobody but the application sends or
     * subscribes to it.
     */
    public static final String ROOM_EVENTS = "chat.events";
    /** Property of a {@link #ROOM_EVENTS} message: the room topic it is for. */
    public static final String EVENT_TOPIC = "chatTopic";
    /** Property of a {@link #ROOM_EVENTS} message: the event's seq in its room (absent: not numbered). */
    public static final String EVENT_SEQ = "chatSeq";
    /** Where chat.send messages end after their last failed delivery attempt. */
    public static final String DEAD_LETTERS = "chat.dlq";
    /** Message property in which the broker stamps the authenticated sender. */
    public static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private static final String ROOM_PREFIX = "room.";
    private static final String USER_PREFIX = "user.";
    private static final Pattern ROOM = Pattern.compile("room\\.([1-9][0-9]{0,17})");
    private static final Pattern USER = Pattern.compile("user\\.([a-z0-9_-]{3,32})");

    private Destinations() {
    }

    /** Whether clients may SEND to this address: the chat's commands, nothing else. */
    public static boolean isCommand(String address) {
        return CHAT_SEND.equals(address) || CHAT_EDIT.equals(address) || CHAT_DELETE.equals(address);
    }

    public static String roomTopic(long roomId) {
        return ROOM_PREFIX + roomId;
    }

    public static String userTopic(String username) {
        return USER_PREFIX + username;
    }

    /** A room or user topic address, by its prefix only (cheap enough for every message the broker routes). */
    public static boolean isTopic(String address) {
        return address != null && (address.startsWith(ROOM_PREFIX) || address.startsWith(USER_PREFIX)
                || address.equals(PUBLIC_ROOMS));
    }

    /** The room id of a room topic address, empty for anything else (wildcards included). */
    public static OptionalLong roomOf(String address) {
        var m = ROOM.matcher(address);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The username of a user topic address, or null for anything else (wildcards included). */
    public static String userOf(String address) {
        var m = USER.matcher(address);
        return m.matches() ? m.group(1) : null;
    }
}
