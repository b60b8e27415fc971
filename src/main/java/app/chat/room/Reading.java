package app.chat.room;

/**
 * How far one member has read one room, and what waits above their marker.
 *
 * @param readSeq the read marker; null for one who is not a member
 */
record Reading(Long readSeq, long unread, long mentions) {

    static final Reading NOT_A_MEMBER = new Reading(null, 0, 0);

    /** A member with nothing above their marker. */
    static Reading upTo(long readSeq) {
        return new Reading(readSeq, 0, 0);
    }
}
