package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.room.Membership;
import app.chat.room.RoomService;
import app.chat.testing.RecordedEvents;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of one group-commit batch, without a container: the order of the checks, seqs
 * per room, idempotency inside and across batches, and that a rate decision is taken once.
 */
class MessageServiceBatchTest {

    static final long LOBBY = 1;
    static final long ATTIC = 2;
    static final long NOWHERE = 99;

    final FakeRooms rooms = new FakeRooms();
    final FakeMessages stored = new FakeMessages();
    final SendRateLimiter limiter = new SendRateLimiter();
    final MessageSettings settings = new MessageSettings();
    final AtomicLong clock = new AtomicLong();
    MessageService service;

    @BeforeEach
    void setUp() {
        settings.ratePerSecond = 1;
        settings.rateBurst = 3;
        settings.maxTextLength = 4000;
        limiter.settings = settings;
        limiter.nanoClock = clock::get;
        service = new MessageService();
        service.messages = stored;
        service.rooms = rooms;
        service.rateLimiter = limiter;
        limiter.nodes = SenderNodes.ALONE;
        service.stored = new RecordedEvents<>();
        service.settings = settings;
        rooms.lastSeq.put(LOBBY, 0L);
        rooms.lastSeq.put(ATTIC, 10L);
        rooms.members.add(new Membership.Key(LOBBY, "ann"));
        rooms.members.add(new Membership.Key(LOBBY, "bob"));
        rooms.members.add(new Membership.Key(ATTIC, "ann"));
    }

    /** As the writer's second try, and before the writer tried without look-ups: every key looked up. */
    List<Outcome> store(List<PendingMessage> batch) {
        return service.storeAll(batch, MessageService.EarlierCopies.LOOK_UP_ALL);
    }

    List<Outcome> storeTrusting(List<PendingMessage> batch) {
        return service.storeAll(batch, MessageService.EarlierCopies.TRUST_THE_UNIQUE_KEY);
    }

    static PendingMessage redelivery(String sender, long room, String clientMsgId) {
        return new PendingMessage(sender, new SendCommand(room, "hi " + clientMsgId, clientMsgId), "ID:" + clientMsgId, false);
    }

    static PendingMessage send(String sender, long room, String clientMsgId) {
        return new PendingMessage(sender, new SendCommand(room, "hi " + clientMsgId, clientMsgId), "ID:" + clientMsgId, true);
    }

    @Test
    void aBatchTakesConsecutiveSeqsPerRoomInBatchOrder() {
        var outcomes = store(List.of(send("ann", LOBBY, "a1"), send("ann", ATTIC, "a2"),
                send("bob", LOBBY, "b1"), send("ann", LOBBY, "a3")));
        assertEquals(List.of(1L, 11L, 2L, 3L), outcomes.stream().map(o -> ((Outcome.Stored) o).event().seq()).toList());
        assertEquals(3L, rooms.lastSeq.get(LOBBY));
        assertEquals(11L, rooms.lastSeq.get(ATTIC));
        assertEquals(4, stored.rows.size());
        assertEquals("bob", ((ChatEvent) ((Outcome.Stored) outcomes.get(2)).event()).sender(), "the sender is the authenticated one");
    }

    @Test
    void unknownRoomsAndNonMembersAreRejectedWithoutTakingASeq() {
        var outcomes = store(List.of(send("bob", NOWHERE, "x"), send("bob", ATTIC, "y"), send("bob", LOBBY, "z")));
        assertEquals(ErrorCode.UNKNOWN_ROOM, ((Outcome.Rejected) outcomes.get(0)).rejection().code());
        assertEquals(ErrorCode.NOT_A_MEMBER, ((Outcome.Rejected) outcomes.get(1)).rejection().code());
        assertEquals(1L, ((Outcome.Stored) outcomes.get(2)).event().seq());
        assertEquals(10L, rooms.lastSeq.get(ATTIC), "a refused message takes no seq");
        assertEquals(1, stored.rows.size());
    }

    @Test
    void aNonMemberOfAHiddenRoomIsToldItDoesNotExist() {
        rooms.hidden.add(ATTIC);
        var outcome = store(List.of(send("bob", ATTIC, "y"))).get(0);
        assertEquals(ErrorCode.UNKNOWN_ROOM, code(outcome), "a private room of others does not show");
    }

    static PendingMessage memberChange(long room, String action, String user, String by, String eventId) {
        return new PendingMessage(by, new MemberCommand(room, action, user, by, null, eventId), "ID:" + eventId, true);
    }

    @Test
    void aMembershipChangeTakesTheNextSeqWithoutAMembershipCheckRateOrAck() {
        settings.rateBurst = 0; // any charge would be refused
        var outcomes = store(List.of(send("ann", LOBBY, "a1"),
                memberChange(LOBBY, "left", "carol", "carol", "ev1"), memberChange(LOBBY, "left", "carol", "carol", "ev1")));
        assertEquals(ErrorCode.RATE_LIMITED, code(outcomes.get(0)));
        var event = assertInstanceOf(MemberEvent.class, ((Outcome.Stored) outcomes.get(1)).event());
        assertEquals(List.of("member", "left", "carol", "carol"), List.of(event.type(), event.action(), event.user(), event.by()));
        assertEquals(1L, event.seq());
        assertNull(((Outcome.Stored) outcomes.get(1)).ack(), "nobody waits for an ack");
        assertInstanceOf(Outcome.Duplicate.class, outcomes.get(2), "the same change once");
        var redelivered = store(List.of(memberChange(LOBBY, "left", "carol", "carol", "ev1"))).get(0);
        assertInstanceOf(Outcome.Duplicate.class, redelivered, "a redelivery is stored once");
        assertEquals(1L, rooms.lastSeq.get(LOBBY));
    }

    @Test
    void aRetryOfAStoredMessageIsAckedWithTheOriginalAndChargesNoRate() {
        var first = (Outcome.Stored) store(List.of(send("ann", LOBBY, "k"))).get(0);
        settings.rateBurst = 0; // any charge would now be refused
        var again = store(List.of(send("ann", LOBBY, "k"))).get(0);
        var ack = assertInstanceOf(Outcome.Duplicate.class, again).ack();
        assertEquals(first.ack(), ack);
        assertEquals(1, stored.rows.size());
    }

    @Test
    void membershipIsAskedFirstAndExistenceOnlyForTheRoomsNoMembershipVouchesFor() {
        var outcomes = store(List.of(send("ann", LOBBY, "a1"), send("ann", ATTIC, "a2"), send("bob", LOBBY, "b1"),
                send("bob", NOWHERE, "b2"), memberChange(ATTIC, "joined", "bob", "bob", "ev2")));

        assertEquals(List.of(Map.of("ann", Set.of(LOBBY, ATTIC), "bob", Set.of(LOBBY, NOWHERE))), rooms.membershipQueries);
        assertEquals(List.of(Set.of(NOWHERE, ATTIC)), rooms.existenceQueries, "the members' rooms exist");
        assertInstanceOf(Outcome.Stored.class, outcomes.get(2));
        assertEquals(ErrorCode.UNKNOWN_ROOM, code(outcomes.get(3)));
        assertInstanceOf(Outcome.Stored.class, outcomes.get(4));
    }

    @Test
    void aBatchOfMembersMessagesDoesNotAskWhetherTheirRoomsExist() {
        var outcomes = store(List.of(send("ann", LOBBY, "a1"), send("bob", LOBBY, "b1")));
        assertEquals(List.of(), rooms.existenceQueries);
        outcomes.forEach(o -> assertInstanceOf(Outcome.Stored.class, o));
    }

    @Test
    void aMembershipChangeIsRecordedInARoomItsSubjectAlsoWritesToInTheBatch() {
        var outcomes = store(List.of(send("ann", ATTIC, "a1"), memberChange(ATTIC, "left", "ann", "ann", "ev3")));
        assertEquals(List.of(11L, 12L), outcomes.stream().map(o -> ((Outcome.Stored) o).event().seq()).toList());
    }

    @Test
    void withoutLookUpsOnlyRedeliveriesAreLookedUp() {
        storeTrusting(List.of(send("ann", LOBBY, "a"), send("bob", LOBBY, "b")));
        assertEquals(List.of(), stored.lookUps);

        storeTrusting(List.of(send("ann", LOBBY, "c"), redelivery("bob", LOBBY, "b")));
        assertEquals(List.of(Set.of(new PendingMessage.DedupeId("bob", "c:b"))), stored.lookUps);
    }

    @Test
    void aRedeliveryOfAStoredMessageIsAckedWithoutLookingUpTheRest() {
        var first = (Outcome.Stored) storeTrusting(List.of(send("ann", LOBBY, "k"))).get(0);
        var outcomes = storeTrusting(List.of(redelivery("ann", LOBBY, "k"), send("bob", LOBBY, "new")));
        assertEquals(new Outcome.Duplicate(first.ack()), outcomes.get(0));
        assertInstanceOf(Outcome.Stored.class, outcomes.get(1));
        assertEquals(2, stored.rows.size());
    }

    @Test
    void aFirstDeliveryThatRetriesAStoredMessageFailsOnTheUniqueKeyThenIsAckedWithLookUps() {
        var first = (Outcome.Stored) storeTrusting(List.of(send("ann", LOBBY, "k"))).get(0);
        var retry = List.of(send("bob", LOBBY, "other"), send("ann", LOBBY, "k"));

        assertThrows(IllegalStateException.class, () -> storeTrusting(retry));
        var outcomes = store(retry); // the writer's second try (the database rolled the first back)

        assertEquals(new Outcome.Duplicate(first.ack()), outcomes.get(1));
        assertEquals(1, stored.rows.stream().filter(m -> m.dedupeId().equals(new PendingMessage.DedupeId("ann", "c:k"))).count());
    }

    @Test
    void aRefusedRetryIsAckedWithTheOriginalEvenWithoutLookUps() {
        var first = (Outcome.Stored) storeTrusting(List.of(send("ann", LOBBY, "k"))).get(0);
        settings.rateBurst = 0; // the retry's sender has spent their rate
        rooms.members.remove(new Membership.Key(LOBBY, "ann")); // and has left the room since

        var again = storeTrusting(List.of(send("ann", LOBBY, "k"))).get(0);

        assertEquals(new Outcome.Duplicate(first.ack()), again);
        assertEquals(1, stored.rows.size());
    }

    @Test
    void theSameKeyTwiceInOneBatchIsStoredOnce() {
        var outcomes = store(List.of(send("ann", LOBBY, "twice"), send("ann", LOBBY, "twice")));
        var original = (Outcome.Stored) outcomes.get(0);
        assertEquals(new Outcome.Duplicate(original.ack()), outcomes.get(1));
        assertEquals(1, stored.rows.size());
    }

    @Test
    void theSameKeyFromTwoSendersIsTwoMessages() {
        var outcomes = store(List.of(send("ann", LOBBY, "same"), send("bob", LOBBY, "same")));
        assertTrue(outcomes.stream().allMatch(o -> o instanceof Outcome.Stored), outcomes::toString);
    }

    @Test
    void theRateIsCheckedAfterIdempotencyAndBeforeTheRoom() {
        var outcomes = store(List.of(send("bob", LOBBY, "1"), send("bob", LOBBY, "2"), send("bob", LOBBY, "3"),
                send("bob", NOWHERE, "4")));
        var limited = assertInstanceOf(Outcome.Rejected.class, outcomes.get(3)).rejection();
        assertEquals(ErrorCode.RATE_LIMITED, limited.code(), "over the rate even though the room is unknown too");
        assertTrue(limited.retryAfterMs() > 0);
    }

    @Test
    void aBatchWrittenAgainChargesTheRateOnceAndARedeliveryNotAtAll() {
        var batch = List.of(send("bob", LOBBY, "1"), send("bob", LOBBY, "2"), send("bob", LOBBY, "3"));
        store(batch);
        stored.rows.clear(); // as if that transaction had rolled back
        rooms.lastSeq.put(LOBBY, 0L);
        var again = store(batch);
        assertTrue(again.stream().allMatch(o -> o instanceof Outcome.Stored), "the retry was not charged: " + again);
        var redelivered = new PendingMessage("bob", new SendCommand(LOBBY, "late", "4"), "ID:4", false);
        assertInstanceOf(Outcome.Stored.class, store(List.of(redelivered)).get(0));
    }

    @Test
    void checkRefusesBadJsonAndTextBeforeAnyDatabaseWork() {
        assertInstanceOf(CommandParser.Invalid.class, service.check("{\"roomId\":1,\"text\":\"   \"}"));
        assertInstanceOf(CommandParser.Invalid.class, service.check("not json"));
        assertInstanceOf(CommandParser.Command.class, service.check("{\"roomId\":1,\"text\":\"hello\"}"));
    }

    // ---- edits and deletes ----

    static PendingMessage edit(String sender, long room, long messageId, String text, String clientMsgId) {
        return new PendingMessage(sender, new EditCommand(room, messageId, text, clientMsgId), "ID:" + clientMsgId, true);
    }

    static PendingMessage delete(String sender, long room, long messageId, String clientMsgId) {
        return new PendingMessage(sender, new DeleteCommand(room, messageId, clientMsgId), "ID:" + clientMsgId, true);
    }

    private long sent(String sender, long room, String clientMsgId) {
        return ((Outcome.Stored) store(List.of(send(sender, room, clientMsgId))).get(0)).ack().id();
    }

    private static ErrorCode code(Outcome outcome) {
        return assertInstanceOf(Outcome.Rejected.class, outcome).rejection().code();
    }

    @Test
    void anEditTakesTheRoomsNextSeqAndTheMessageShowsTheNewText() {
        long id = sent("ann", LOBBY, "m1");
        var outcome = assertInstanceOf(Outcome.Stored.class, store(List.of(edit("ann", LOBBY, id, "fixed", "e1"))).get(0));
        var edited = assertInstanceOf(MessageEdited.class, outcome.event());
        assertEquals(new MessageEdited("edited", id, LOBBY, 2, "fixed", edited.editedAt()), edited);
        assertEquals(Ack.ofChange("edit", "e1", LOBBY, id, 2, edited.editedAt()), outcome.ack());
        var message = (ChatEvent) stored.byId(id).event();
        assertEquals("fixed", message.text());
        assertEquals(edited.editedAt(), message.editedAt());
        assertEquals(1, message.seq(), "the message keeps its place");
        assertEquals(2, stored.rows.size(), "the edit is an entry of its own");
    }

    @Test
    void aDeleteLeavesATombstoneAndTheMessagesEditsLoseTheirText() {
        settings.rateBurst = 100;
        long id = sent("ann", LOBBY, "m1");
        store(List.of(edit("ann", LOBBY, id, "second thoughts", "e1")));
        var outcome = assertInstanceOf(Outcome.Stored.class, store(List.of(delete("ann", LOBBY, id, "d1"))).get(0));
        assertEquals(MessageDeleted.of(id, LOBBY, 3, "ann"), outcome.event());
        var tombstone = (ChatEvent) stored.byId(id).event();
        assertEquals(null, tombstone.text());
        assertEquals(Boolean.TRUE, tombstone.deleted());
        assertEquals(List.of(id), stored.forgotten, "the edit entries' texts are cleared for that message");
    }

    @Test
    void onlyTheSenderMayEditOrDeleteAndNothingElseIsStoredOrNumbered() {
        long id = sent("ann", LOBBY, "m1");
        var outcomes = store(List.of(edit("bob", LOBBY, id, "ann said nothing", "x1"), delete("bob", LOBBY, id, "x2")));
        assertEquals(ErrorCode.NOT_YOUR_MESSAGE, code(outcomes.get(0)));
        assertEquals(ErrorCode.NOT_ALLOWED, code(outcomes.get(1)));
        assertEquals(1L, rooms.lastSeq.get(LOBBY), "a refused change takes no seq");
        assertEquals(1, stored.rows.size());
        assertEquals("hi m1", ((ChatEvent) stored.byId(id).event()).text());
    }

    @Test
    void aModeratorDeletesSomeoneElsesMessageButCannotEditIt() {
        long id = sent("ann", LOBBY, "m1");
        rooms.moderators.add(new Membership.Key(LOBBY, "bob"));
        var outcomes = store(List.of(edit("bob", LOBBY, id, "ann said nothing", "x1"), delete("bob", LOBBY, id, "x2")));
        assertEquals(ErrorCode.NOT_YOUR_MESSAGE, code(outcomes.get(0)));
        assertTrue(outcomes.get(1) instanceof Outcome.Stored, "deleted: " + outcomes.get(1));
        assertEquals(Boolean.TRUE, ((ChatEvent) stored.byId(id).event()).deleted());
    }

    @Test
    void anUnknownIdAMessageOfAnotherRoomAnEntryOrADeletedMessageIsUnknown() {
        settings.rateBurst = 100;
        long inAttic = sent("ann", ATTIC, "m1");
        long inLobby = sent("ann", LOBBY, "m2");
        long editEntry = stored.rows.size() + 100L; // the id the next row gets
        store(List.of(edit("ann", LOBBY, inLobby, "v2", "e1")));
        store(List.of(delete("ann", LOBBY, inLobby, "d1")));
        var outcomes = store(List.of(edit("ann", LOBBY, 98765, "x", "x1"), edit("ann", LOBBY, inAttic, "x", "x2"),
                edit("ann", LOBBY, editEntry, "x", "x3"), edit("ann", LOBBY, inLobby, "x", "x4"), delete("ann", LOBBY, inLobby, "x5")));
        outcomes.forEach(o -> assertEquals(ErrorCode.UNKNOWN_MESSAGE, code(o)));
    }

    @Test
    void aDeleteEarlierInTheBatchIsSeenByTheEditAfterIt() {
        settings.rateBurst = 100;
        long id = sent("ann", LOBBY, "m1");
        var outcomes = store(List.of(delete("ann", LOBBY, id, "d1"), edit("ann", LOBBY, id, "too late", "e1"),
                send("ann", LOBBY, "m2")));
        assertEquals(2L, ((Outcome.Stored) outcomes.get(0)).event().seq());
        assertEquals(ErrorCode.UNKNOWN_MESSAGE, code(outcomes.get(1)));
        assertEquals(3L, ((Outcome.Stored) outcomes.get(2)).event().seq(), "seqs stay gapless around the refusal");
    }

    @Test
    void aNonMemberCannotChangeEvenTheirOwnMessage() {
        long id = sent("bob", LOBBY, "m1");
        rooms.members.remove(new Membership.Key(LOBBY, "bob"));
        var outcomes = store(List.of(edit("bob", LOBBY, id, "x", "e1"), delete("bob", LOBBY, id, "d1")));
        outcomes.forEach(o -> assertEquals(ErrorCode.NOT_A_MEMBER, code(o)));
    }

    @Test
    void aRetriedEditIsAckedWithTheOriginalAndStoredOnce() {
        settings.rateBurst = 100;
        long id = sent("ann", LOBBY, "m1");
        var first = (Outcome.Stored) store(List.of(edit("ann", LOBBY, id, "v2", "e1"))).get(0);
        store(List.of(delete("ann", LOBBY, id, "d1")));
        var again = store(List.of(edit("ann", LOBBY, id, "v2", "e1"))).get(0);
        assertEquals(first.ack(), assertInstanceOf(Outcome.Duplicate.class, again).ack(), "acked as before, though deleted since");
        assertEquals(3, stored.rows.size());
    }

    @Test
    void aClientMsgIdOfASendUsedAgainForAnEditIsANewRequest() {
        long id = sent("ann", LOBBY, "same");
        var outcome = store(List.of(edit("ann", LOBBY, id, "v2", "same"))).get(0);
        assertInstanceOf(MessageEdited.class, assertInstanceOf(Outcome.Stored.class, outcome).event());
    }

    @Test
    void changesAreChargedToTheSendersRate() {
        long id = sent("bob", LOBBY, "m1");
        var outcomes = store(List.of(edit("bob", LOBBY, id, "a", "e1"), edit("bob", LOBBY, id, "b", "e2"),
                delete("bob", LOBBY, id, "d1")));
        assertEquals(ErrorCode.RATE_LIMITED, code(outcomes.get(2)), "the burst of 3 was one send and two edits");
    }

    @Test
    void checkAppliesTheTextRulesToEditsAndNoTextToDeletes() {
        var blank = assertInstanceOf(CommandParser.Invalid.class,
                service.check(app.chat.publish.Destinations.CHAT_EDIT, "{\"roomId\":1,\"messageId\":5,\"text\":\" \"}"));
        assertEquals(ErrorCode.TEXT_EMPTY, blank.rejection().code());
        assertInstanceOf(CommandParser.Command.class,
                service.check(app.chat.publish.Destinations.CHAT_DELETE, "{\"roomId\":1,\"messageId\":5}"));
    }

    static PendingMessage say(String sender, long room, String text, String clientMsgId) {
        return new PendingMessage(sender, new SendCommand(room, text, clientMsgId), "ID:" + clientMsgId, true);
    }

    @Test
    void aMessageMentionsMembersOtherThanItsSenderOnceEach() {
        rooms.members.add(new Membership.Key(LOBBY, "cyd"));
        var outcome = (Outcome.Stored) store(List.of(
                say("ann", LOBBY, "@bob, @Cyd and @bob again; not @ann, @dan (not here) or @nobody", "m1"))).get(0);
        assertEquals(List.of("bob", "cyd"), outcome.mentioned());
        assertEquals(2, stored.mentions.size());
        assertEquals(1, rooms.membersAmongCalls);
    }

    @Test
    void aBatchAsksForItsMentionedMembersOnceAndOneWithoutAtSignsNotAtAll() {
        store(List.of(say("ann", LOBBY, "no one", "n1"), say("bob", LOBBY, "plain", "n2")));
        assertEquals(0, rooms.membersAmongCalls, "no '@', no query");
        var outcomes = store(List.of(say("ann", LOBBY, "hi @bob", "a1"), say("bob", LOBBY, "hi @ann", "b1"),
                say("ann", ATTIC, "@bob is not in the attic", "a2")));
        assertEquals(1, rooms.membersAmongCalls, "one query for the whole batch");
        assertEquals(List.of(List.of("bob"), List.of("ann"), List.of()),
                outcomes.stream().map(o -> ((Outcome.Stored) o).mentioned()).toList());
    }

    @Test
    void anEditMentionsNoOneAndADeleteForgetsTheMessagesMentions() {
        var sent = (Outcome.Stored) store(List.of(say("ann", LOBBY, "hi @bob", "m"))).get(0);
        long id = sent.event().id();
        var edited = (Outcome.Stored) store(List.of(new PendingMessage("ann",
                new EditCommand(LOBBY, id, "hi @bob, again", "e"), "ID:e", true))).get(0);
        assertEquals(List.of(), edited.mentioned(), "an edit does not notify again");
        assertEquals(1, stored.mentions.size());
        store(List.of(new PendingMessage("ann", new DeleteCommand(LOBBY, id, "d"), "ID:d", true)));
        assertEquals(List.of(id), stored.mentionsForgotten);
    }

    @Test
    void storingGivesTheRoomItsLastActivity() {
        service.clock = java.time.Clock.fixed(Instant.parse("2026-12-03T10:15:30.123456Z"), java.time.ZoneOffset.UTC);
        store(List.of(send("ann", LOBBY, "t")));
        assertEquals(Instant.parse("2026-12-03T10:15:30.123Z"), rooms.lastActivity.get(LOBBY));
    }

    /** Rooms and memberships in memory; reserving seqs behaves as the locked rows do. */
    static final class FakeRooms extends RoomService {
        final Map<Long, Long> lastSeq = new TreeMap<>();
        final Set<Membership.Key> members = new HashSet<>();
        final List<Map<String, ? extends Collection<Long>>> membershipQueries = new ArrayList<>();
        final List<Set<Long>> existenceQueries = new ArrayList<>();
        final Set<Membership.Key> moderators = new HashSet<>();
        final Set<Long> hidden = new HashSet<>();
        final Map<Long, Instant> lastActivity = new HashMap<>();
        int membersAmongCalls;

        @Override
        public boolean canSee(long roomId, String username) {
            return lastSeq.containsKey(roomId) && !hidden.contains(roomId);
        }

        @Override
        public boolean moderates(long roomId, String username) {
            return moderators.contains(new Membership.Key(roomId, username));
        }

        @Override
        public Set<Long> existing(Collection<Long> roomIds) {
            if (roomIds.isEmpty()) {
                return Set.of();
            }
            existenceQueries.add(Set.copyOf(roomIds));
            Set<Long> found = new HashSet<>(roomIds);
            found.retainAll(lastSeq.keySet());
            return found;
        }

        @Override
        public Set<Membership.Key> memberships(Map<String, ? extends Collection<Long>> roomsByUser) {
            membershipQueries.add(Map.copyOf(roomsByUser));
            Set<Membership.Key> found = new HashSet<>();
            roomsByUser.forEach((u, roomIds) -> roomIds.stream().filter(r -> members.contains(new Membership.Key(r, u)))
                    .forEach(r -> found.add(new Membership.Key(r, u))));
            return found;
        }

        Set<Membership.Key> pairs(Collection<Long> roomIds, Collection<String> usernames) {
            Set<Membership.Key> found = new HashSet<>();
            for (long r : roomIds) {
                for (String u : usernames) {
                    if (members.contains(new Membership.Key(r, u))) {
                        found.add(new Membership.Key(r, u));
                    }
                }
            }
            return found;
        }

        @Override
        public Set<Membership.Key> membersAmong(Collection<Long> roomIds, Collection<String> usernames) {
            membersAmongCalls++;
            return pairs(roomIds, usernames);
        }

        @Override
        public Map<Long, Long> reserveSeqs(Map<Long, Integer> counts, Instant at) {
            counts.keySet().forEach(room -> lastActivity.put(room, at));
            Map<Long, Long> first = new HashMap<>();
            counts.forEach((room, n) -> {
                first.put(room, lastSeq.get(room) + 1);
                lastSeq.merge(room, (long) n, Long::sum);
            });
            return first;
        }
    }

    /** Stored rows in memory, with ids as the database would give them. */
    static final class FakeMessages extends MessageRepository {
        final List<ChatMessage> rows = new ArrayList<>();
        final List<Long> forgotten = new ArrayList<>();
        final List<Mention> mentions = new ArrayList<>();
        final List<Long> mentionsForgotten = new ArrayList<>();
        final List<Set<PendingMessage.DedupeId>> lookUps = new ArrayList<>();
        long nextId = 100;

        ChatMessage byId(long id) {
            return rows.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
        }

        @Override
        Map<Long, ChatMessage> messagesToChange(Set<Long> ids) {
            Map<Long, ChatMessage> found = new HashMap<>();
            rows.stream().filter(m -> ids.contains(m.id()) && m.isMessage()).forEach(m -> found.put(m.id(), m));
            return found;
        }

        @Override
        void forgetEditedTexts(Set<Long> deletedMessageIds) {
            forgotten.addAll(deletedMessageIds);
        }

        @Override
        void addMentions(List<Mention> added) {
            mentions.addAll(added);
        }

        @Override
        void forgetMentions(Set<Long> deletedMessageIds) {
            mentionsForgotten.addAll(deletedMessageIds);
        }

        @Override
        Map<PendingMessage.DedupeId, ChatMessage> findByDedupeIds(Set<PendingMessage.DedupeId> ids) {
            lookUps.add(Set.copyOf(ids));
            Map<PendingMessage.DedupeId, ChatMessage> found = new HashMap<>();
            rows.stream().filter(m -> ids.contains(m.dedupeId())).forEach(m -> found.put(m.dedupeId(), m));
            return found;
        }

        @Override
        void addAll(List<ChatMessage> added) {
            for (ChatMessage m : added) { // the unique key (sender, dedupe_key), as the database has it
                if (rows.stream().anyMatch(r -> r.dedupeId().equals(m.dedupeId()))) {
                    throw new IllegalStateException("unique key chat_message_dedupe violated by " + m.dedupeId());
                }
            }
            for (ChatMessage m : added) {
                setId(m, nextId++);
                rows.add(m);
            }
        }

        private static void setId(ChatMessage m, long id) {
            try {
                Field f = ChatMessage.class.getDeclaredField("id");
                f.setAccessible(true);
                f.set(m, id);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
