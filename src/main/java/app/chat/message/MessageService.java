package app.chat.message;

import app.chat.publish.Destinations;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validates, deduplicates and stores chat messages and their edits and deletes, a whole batch in one
 * transaction: a handful of statements and one commit whether the batch holds one message or
 * hundreds. Publishing is the caller's (the {@link MessageWriter}'s) job, after the commit.
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
    CommandParser.Parsed check(String destination, String body) {
        var parsed = CommandParser.parse(destination, body);
        if (parsed instanceof CommandParser.Command c) {
            String text = c.command() instanceof SendCommand send ? send.text()
                    : c.command() instanceof EditCommand edit ? edit.text() : null;
            var textProblem = text == null ? null : TextRules.check(text, settings.maxTextLength());
            if (textProblem != null) {
                return new CommandParser.Invalid(new Rejection(c.command().clientMsgId(), textProblem,
                        TextRules.explain(textProblem, settings.maxTextLength())));
            }
        }
        return parsed;
    }

    /** {@link #check(String, String)} of a body sent to /app/chat.send. */
    CommandParser.Parsed check(String body) {
        return check(Destinations.CHAT_SEND, body);
    }

    /**
     * Decides and stores a batch, in order: a retry of a stored message is acked again, then the
     * sender's rate, the room and the membership are checked, then an edit's or delete's message
     * (locked) and the sender's right to change it, then the accepted commands take consecutive seqs
     * in their rooms (the rooms' rows locked until commit) and are inserted; an edit or delete also
     * updates its message. Returns one outcome per command, in the batch's order. Any failure rolls
     * the whole batch back. With {@link EarlierCopies#TRUST_THE_UNIQUE_KEY} a first delivery's key is
     * looked up only if the message is about to be refused; a first delivery that is a client's retry
     * of a stored message then fails the batch on the unique key, and the caller writes it again with
     * {@link EarlierCopies#LOOK_UP_ALL}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> storeAll(List<PendingMessage> batch, EarlierCopies earlierCopies) {
        Outcome[] outcomes = new Outcome[batch.size()];
        Set<PendingMessage.DedupeId> lookedUp = batch.stream()
                .filter(p -> earlierCopies == EarlierCopies.LOOK_UP_ALL || !p.firstAttempt)
                .map(PendingMessage::dedupeId).collect(Collectors.toSet());
        Map<PendingMessage.DedupeId, ChatMessage> earlier = lookedUp.isEmpty() ? Map.of() : messages.findByDedupeIds(lookedUp);
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
        List<Integer> members = checkRoomsAndMembership(batch, candidates, outcomes);
        Map<Long, ChatMessage> targets = messages.messagesToChange(members.stream()
                .map(i -> messageIdOf(batch.get(i).command)).filter(id -> id != null).collect(Collectors.toSet()));
        List<Integer> accepted = checkChanges(batch, members, targets, outcomes);
        answerRefusedRetries(batch, lookedUp, outcomes);
        store(batch, accepted, targets, outcomes);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                outcomes[i] = sameAs(outcomes[firstInBatch.get(batch.get(i).dedupeId())]);
            }
        }
        return Arrays.asList(outcomes);
    }

    /** How a batch finds the stored copies of its messages (a client's retry, the broker's redelivery). */
    public enum EarlierCopies {
        /** Every message's key is looked up before anything is decided: one query per sender in the batch. */
        LOOK_UP_ALL,
        /**
         * Only redeliveries' keys are looked up first (a redelivery is the likely copy: the node may have
         * stored it and died before the broker heard). A retry among first deliveries is rare, and the
         * unique key (sender, dedupe_key) still refuses its second row: the batch fails and is written
         * again with {@link #LOOK_UP_ALL}. At 100 rooms x 10 the look-ups were a fifth of the writer's time.
         */
        TRUST_THE_UNIQUE_KEY
    }

    /**
     * A refused message whose key was not looked up may be the retry of one stored earlier, which is
     * acked with the original, never refused (its sender may have left the room since, or spent their
     * rate): one look-up for those, usually none.
     */
    private void answerRefusedRetries(List<PendingMessage> batch, Set<PendingMessage.DedupeId> lookedUp, Outcome[] outcomes) {
        Set<PendingMessage.DedupeId> refused = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof Outcome.Rejected && !lookedUp.contains(batch.get(i).dedupeId())) {
                refused.add(batch.get(i).dedupeId());
            }
        }
        if (refused.isEmpty()) {
            return;
        }
        Map<PendingMessage.DedupeId, ChatMessage> stored = messages.findByDedupeIds(refused);
        for (int i = 0; i < batch.size(); i++) {
            ChatMessage original = outcomes[i] instanceof Outcome.Rejected ? stored.get(batch.get(i).dedupeId()) : null;
            if (original != null) {
                outcomes[i] = new Outcome.Duplicate(original.ack());
            }
        }
    }

    /**
     * The membership first: a member's room exists (rooms are never deleted), so the usual batch, all
     * of its senders members, asks only that. Whether a room exists is asked for the rest, and for
     * membership events (recorded whoever is in the room now).
     */
    private List<Integer> checkRoomsAndMembership(List<PendingMessage> batch, List<Integer> candidates, Outcome[] outcomes) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Map<String, Set<Long>> roomsBySender = new TreeMap<>();
        for (int i : candidates) {
            PendingMessage p = batch.get(i);
            if (!(p.command instanceof MemberCommand)) {
                roomsBySender.computeIfAbsent(p.sender, s -> new TreeSet<>()).add(p.command.roomId());
            }
        }
        Set<Membership.Key> members = rooms.memberships(roomsBySender);
        Set<Integer> byMembers = new HashSet<>();
        Set<Long> unproven = new TreeSet<>();
        for (int i : candidates) {
            PendingMessage p = batch.get(i);
            if (!(p.command instanceof MemberCommand) && members.contains(new Membership.Key(p.command.roomId(), p.sender))) {
                byMembers.add(i);
            } else {
                unproven.add(p.command.roomId());
            }
        }
        Set<Long> existing = rooms.existing(unproven);
        List<Integer> accepted = new ArrayList<>();
        for (int i : candidates) {
            ChatCommand command = batch.get(i).command;
            if (byMembers.contains(i)) {
                accepted.add(i);
            } else if (!existing.contains(command.roomId())) {
                outcomes[i] = reject(command, ErrorCode.UNKNOWN_ROOM, "room " + command.roomId() + " does not exist");
            } else if (command instanceof MemberCommand) {
                // a membership event is recorded whoever is in the room now (one who left is not)
                accepted.add(i);
            } else if (!rooms.canSee(command.roomId(), batch.get(i).sender)) {
                // a private room or DM of others answers as one that does not exist (one look-up per refusal)
                outcomes[i] = reject(command, ErrorCode.UNKNOWN_ROOM, "room " + command.roomId() + " does not exist");
            } else {
                outcomes[i] = reject(command, ErrorCode.NOT_A_MEMBER, "you are not a member of room " + command.roomId());
            }
        }
        return accepted;
    }

    /**
     * Edits and deletes against their messages, in batch order: a message deleted earlier in the
     * batch is gone for the commands after it. Sends pass.
     */
    private List<Integer> checkChanges(List<PendingMessage> batch, List<Integer> candidates,
                                       Map<Long, ChatMessage> targets, Outcome[] outcomes) {
        Set<Long> deletedInBatch = new HashSet<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i : candidates) {
            PendingMessage p = batch.get(i);
            Long messageId = messageIdOf(p.command);
            if (messageId == null) {
                accepted.add(i);
                continue;
            }
            ChatMessage message = deletedInBatch.contains(messageId) ? null : targets.get(messageId);
            ChangeRules.Target target = message == null ? null : message.target();
            ErrorCode problem = p.command instanceof DeleteCommand
                    ? ChangeRules.deleteProblem(p.command.roomId(), p.sender, target, moderates(p.command.roomId(), p.sender))
                    : ChangeRules.editProblem(p.command.roomId(), p.sender, target);
            if (problem != null) {
                outcomes[i] = reject(p.command, problem, ChangeRules.explain(problem, messageId));
                continue;
            }
            if (p.command instanceof DeleteCommand) {
                deletedInBatch.add(messageId);
            }
            accepted.add(i);
        }
        return accepted;
    }

    /**
     * Whether {@code user} may delete anyone's messages in the room: its owner and moderators. One
     * look-up per delete of someone else's message, which is rare next to sends.
     */
    private boolean moderates(long roomId, String user) {
        return rooms.moderates(roomId, user);
    }

    private void store(List<PendingMessage> batch, List<Integer> accepted, Map<Long, ChatMessage> targets, Outcome[] outcomes) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        accepted.forEach(i -> counts.merge(batch.get(i).command.roomId(), 1, Integer::sum));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, Long> nextSeq = new HashMap<>(rooms.reserveSeqs(counts, now));
        List<ChatMessage> rows = new ArrayList<>(accepted.size());
        Set<Long> deleted = new HashSet<>();
        for (int i : accepted) {
            PendingMessage p = batch.get(i);
            long seq = nextSeq.merge(p.command.roomId(), 1L, Long::sum) - 1;
            if (p.command instanceof SendCommand send) {
                rows.add(new ChatMessage(send.roomId(), seq, p.sender, send.text(), send.clientMsgId(), p.dedupeKey, now));
            } else if (p.command instanceof EditCommand edit) {
                rows.add(targets.get(edit.messageId()).edit(seq, p.sender, edit.text(), edit.clientMsgId(), p.dedupeKey, now));
            } else if (p.command instanceof DeleteCommand delete) {
                rows.add(targets.get(delete.messageId()).delete(seq, p.sender, delete.clientMsgId(), p.dedupeKey, now));
                deleted.add(delete.messageId());
            } else if (p.command instanceof MemberCommand change) {
                rows.add(ChatMessage.member(seq, change, p.dedupeKey, now));
            }
        }
        messages.addAll(rows); // the changed messages are flushed with the new rows
        messages.forgetEditedTexts(deleted);
        messages.forgetMentions(deleted);
        Map<Integer, List<String>> mentioned = storeMentions(rows);
        for (int k = 0; k < rows.size(); k++) {
            ChatMessage row = rows.get(k);
            stored.fire(new MessageStored(row.event()));
            outcomes[accepted.get(k)] = new Outcome.Stored(row.event(), row.ack(), mentioned.getOrDefault(k, List.of()));
        }
    }

    /**
     * Records whom the new messages of a batch mention (members of the room other than the sender),
     * and returns them by row. Edits mention no one new: an edit would otherwise notify again. A batch
     * without an '@' in any new message costs nothing more; one with costs a query for which of the
     * names are members and one batch insert.
     */
    private Map<Integer, List<String>> storeMentions(List<ChatMessage> rows) {
        Map<Integer, Set<String>> named = new HashMap<>();
        for (int k = 0; k < rows.size(); k++) {
            ChatMessage row = rows.get(k);
            Set<String> names = row.isMessage() ? Mentions.in(row.text()) : Set.of();
            if (!names.isEmpty()) {
                named.put(k, names);
            }
        }
        if (named.isEmpty()) {
            return Map.of();
        }
        Set<Long> roomIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        named.forEach((k, n) -> {
            roomIds.add(rows.get(k).roomId());
            names.addAll(n);
        });
        Set<Membership.Key> members = rooms.membersAmong(roomIds, names);
        Map<Integer, List<String>> mentioned = new HashMap<>();
        List<Mention> mentions = new ArrayList<>();
        named.forEach((k, n) -> {
            ChatMessage row = rows.get(k);
            List<String> found = n.stream()
                    .filter(name -> !name.equals(row.sender()) && members.contains(new Membership.Key(row.roomId(), name)))
                    .toList();
            if (!found.isEmpty()) {
                mentioned.put(k, found);
                found.forEach(name -> mentions.add(new Mention(row.id(), name, row.roomId(), row.seq())));
            }
        });
        if (!mentions.isEmpty()) {
            messages.addMentions(mentions);
        }
        return mentioned;
    }

    /** An edit's or delete's message id; null for a send. */
    private static Long messageIdOf(ChatCommand command) {
        if (command instanceof EditCommand edit) {
            return edit.messageId();
        }
        return command instanceof DeleteCommand delete ? delete.messageId() : null;
    }

    /** The answer to a second copy of a message in the same batch: an ack if the first was stored. */
    private static Outcome sameAs(Outcome first) {
        return first instanceof Outcome.Stored s ? new Outcome.Duplicate(s.ack()) : first;
    }

    private static Outcome reject(ChatCommand command, ErrorCode code, String why) {
        return new Outcome.Rejected(new Rejection(command.clientMsgId(), code, why));
    }
}
