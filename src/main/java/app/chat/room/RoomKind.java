package app.chat.room;

import java.util.Locale;

/** Who may see and join a room. Clients see the lower-case name ({@code "dm"}). */
public enum RoomKind {
    /** Listed to everyone; anyone may join. */
    PUBLIC,
    /** Listed to its members and invitees; joining needs an invite. */
    PRIVATE,
    /** Two people, for good: nobody else joins, is invited or sees it. */
    DM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
