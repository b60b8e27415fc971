package app.chat.room;

/** A room request the rules refuse; {@link RoomRequestRefusedMapper} answers it with its typed error. */
public class RoomRequestRefused extends RuntimeException {

    private final Refusal refusal;

    public RoomRequestRefused(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
