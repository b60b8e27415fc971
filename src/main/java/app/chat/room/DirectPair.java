package app.chat.room;

import java.util.List;

/**
 * The two people of a direct message, in name order: the same pair whoever of them asks. Its key is
 * the room's unique {@code dm_pair} column (usernames never contain ':').
 */
record DirectPair(String first, String second) {

    static DirectPair of(String a, String b) {
        return a.compareTo(b) <= 0 ? new DirectPair(a, b) : new DirectPair(b, a);
    }

    /** Reads a stored key back. */
    static DirectPair parse(String key) {
        int colon = key.indexOf(':');
        return new DirectPair(key.substring(0, colon), key.substring(colon + 1));
    }

    String key() {
        return first + ":" + second;
    }

    boolean contains(String username) {
        return first.equals(username) || second.equals(username);
    }

    /** The one who is not {@code me}. */
    String otherThan(String me) {
        return first.equals(me) ? second : first;
    }

    /** {@code me} first, as clients are shown it. */
    List<String> startingWith(String me) {
        return List.of(me, otherThan(me));
    }
}
