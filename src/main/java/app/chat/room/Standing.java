package app.chat.room;

/**
 * Where one user stands in one room.
 *
 * @param role their role, null when they are not a member
 * @param invited whether an invite of theirs is waiting
 * @param banned whether they were banned (and not invited since)
 */
record Standing(RoomRole role, boolean invited, boolean banned) {

    static final Standing STRANGER = new Standing(null, false, false);

    Standing(RoomRole role, boolean invited) {
        this(role, invited, false);
    }

    boolean isMember() {
        return role != null;
    }

    /** Owners and moderators run a room: they invite. */
    boolean runsTheRoom() {
        return role == RoomRole.OWNER || role == RoomRole.MODERATOR;
    }
}
