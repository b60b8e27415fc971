package app.chat.message;

import app.chat.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Validates, deduplicates and stores chat messages. Publishing is the caller's (the MDB's) job. */
@ApplicationScoped
public class MessageService {

    @Inject
    MessageRepository messages;

    @Inject
    RoomService rooms;

    @Inject
    Event<MessageStored> stored;

    @Inject
    SendRateLimiter rateLimiter;

    @Inject
    @ConfigProperty(name = "chat.text.max-length", defaultValue = "4000")
    int maxTextLength;

    Clock clock = Clock.systemUTC();

    /**
     * Handles one message from {@code sender} (the authenticated user). {@code transportId} is the
     * broker's message id: the idempotency key when the client gave no clientMsgId, so that a
     * redelivered message is stored once all the same. A redelivery ({@code firstAttempt} false)
     * is not counted against the sender's rate: its first attempt was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome accept(String sender, String body, String transportId, boolean firstAttempt) {
        var parsed = SendCommandParser.parse(body);
        if (parsed instanceof SendCommandParser.Invalid invalid) {
            return new Outcome.Rejected(invalid.rejection());
        }
        SendCommand command = ((SendCommandParser.Command) parsed).command();

        var textProblem = TextRules.check(command.text(), maxTextLength);
        if (textProblem != null) {
            return reject(command, textProblem, TextRules.explain(textProblem, maxTextLength));
        }

        String dedupeKey = command.clientMsgId() != null ? "c:" + command.clientMsgId() : "m:" + transportId;
        var earlier = messages.findByDedupeKey(sender, dedupeKey);
        if (earlier.isPresent()) {
            return new Outcome.Duplicate(earlier.get().ack());
        }

        long waitMs = firstAttempt ? rateLimiter.tryAcquire(sender) : 0;
        if (waitMs > 0) {
            return new Outcome.Rejected(Rejection.rateLimited(command.clientMsgId(), waitMs));
        }
        if (!rooms.exists(command.roomId())) {
            return reject(command, ErrorCode.UNKNOWN_ROOM, "room " + command.roomId() + " does not exist");
        }
        if (!rooms.isMember(command.roomId(), sender)) {
            return reject(command, ErrorCode.NOT_A_MEMBER, "you are not a member of room " + command.roomId());
        }

        long seq = rooms.nextSeq(command.roomId());
        var message = new ChatMessage(command.roomId(), seq, sender, command.text(), command.clientMsgId(),
                dedupeKey, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        messages.add(message);
        ChatEvent event = message.event();
        stored.fire(new MessageStored(event));
        return new Outcome.Stored(event, message.ack());
    }

    private static Outcome reject(SendCommand command, ErrorCode code, String why) {
        return new Outcome.Rejected(new Rejection(command.clientMsgId(), code, why));
    }
}
