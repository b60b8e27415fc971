package app.chat.message;

import app.chat.room.Membership;
import app.chat.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validates, deduplicates and stores chat messages, a whole batch in one transaction: a handful of
 * statements and one commit whether the batch holds one message or hundreds. Publishing is the
 * caller's (the {@link MessageWriter}'s) job, after the commit.
 */
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
    MessageSettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * What can be decided from the body alone, before any database work: the command, or the
     * rejection to send back. The checks run in the order README documents.
     */
    SendCommandParser.Parsed check(String body) {
        var parsed = SendCommandParser.parse(body);
        if (parsed instanceof SendCommandParser.Command c) {
            var textProblem = TextRules.check(c.command().text(), settings.maxTextLength());
            if (textProblem != null) {
                return new SendCommandParser.Invalid(new Rejection(c.command().clientMsgId(), textProblem,
                        TextRules.explain(textProblem, settings.maxTextLength())));
            }
        }
        return parsed;
    }

    /**
     * Decides and stores a batch, in order: a retry of a stored message is acked again, then the
     * sender's rate, the room and the membership are checked, then the accepted messages take
     * consecutive seqs in their rooms (the rooms' rows locked until commit) and are inserted.
     * Returns one outcome per message, in the batch's order. Any failure rolls the whole batch back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> storeAll(List<PendingMessage> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        Map<PendingMessage.DedupeId, ChatMessage> earlier = messages.findByDedupeIds(
                batch.stream().map(PendingMessage::dedupeId).collect(Collectors.toSet()));
        Map<PendingMessage.DedupeId, Integer> firstInBatch = new HashMap<>();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingMessage p = batch.get(i);
            ChatMessage stored = earlier.get(p.dedupeId());
            if (stored != null) {
                outcomes[i] = new Outcome.Duplicate(stored.ack());
            } else if (firstInBatch.putIfAbsent(p.dedupeId(), i) != null) {
                continue; // the same key twice in one batch: answered like the first, below
            } else {
                long waitMs = p.rateWaitMs(rateLimiter::tryAcquire);
                if (waitMs > 0) {
                    outcomes[i] = new Outcome.Rejected(Rejection.rateLimited(p.command.clientMsgId(), waitMs));
                } else {
                    candidates.add(i);
                }
            }
        }
        List<Integer> accepted = checkRoomsAndMembership(batch, candidates, outcomes);
        store(batch, accepted, outcomes);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = sameAs(outcomes[firstInBatch.get(batch.get(i).dedupeId())]);
            }
        }
        return Arrays.asList(outcomes);
    }

    private List<Integer> checkRoomsAndMembership(List<PendingMessage> batch, List<Integer> candidates, Outcome[] outcomes) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<Long> roomIds = new TreeSet<>();
        Set<String> senders = new TreeSet<>();
        candidates.forEach(i -> {
            roomIds.add(batch.get(i).command.roomId());
            senders.add(batch.get(i).sender);
        });
        Set<Long> existing = rooms.existing(roomIds);
        Set<Membership.Key> members = rooms.memberships(existing, senders);
        List<Integer> accepted = new ArrayList<>();
        for (int i : candidates) {
            SendCommand command = batch.get(i).command;
            if (!existing.contains(command.roomId())) {
                outcomes[i] = reject(command, ErrorCode.UNKNOWN_ROOM, "room " + command.roomId() + " does not exist");
            } else if (!members.contains(new Membership.Key(command.roomId(), batch.get(i).sender))) {
                outcomes[i] = reject(command, ErrorCode.NOT_A_MEMBER, "you are not a member of room " + command.roomId());
            } else {
                accepted.add(i);
            }
        }
        return accepted;
    }

    private void store(List<PendingMessage> batch, List<Integer> accepted, Outcome[] outcomes) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        accepted.forEach(i -> counts.merge(batch.get(i).command.roomId(), 1, Integer::sum));
        Map<Long, Long> nextSeq = new HashMap<>(rooms.reserveSeqs(counts));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<ChatMessage> rows = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            PendingMessage p = batch.get(i);
            long seq = nextSeq.merge(p.command.roomId(), 1L, Long::sum) - 1;
            rows.add(new ChatMessage(p.command.roomId(), seq, p.sender, p.command.text(), p.command.clientMsgId(),
                    p.dedupeKey, now));
        }
        messages.addAll(rows);
        for (int k = 0; k < rows.size(); k++) {
            ChatMessage row = rows.get(k);
            stored.fire(new MessageStored(row.event()));
            outcomes[accepted.get(k)] = new Outcome.Stored(row.event(), row.ack());
        }
    }

    /** The answer to a second copy of a message in the same batch: an ack if the first was stored. */
    private static Outcome sameAs(Outcome first) {
        return first instanceof Outcome.Stored s ? new Outcome.Duplicate(s.ack()) : first;
    }

    private static Outcome reject(SendCommand command, ErrorCode code, String why) {
        return new Outcome.Rejected(new Rejection(command.clientMsgId(), code, why));
    }
}
