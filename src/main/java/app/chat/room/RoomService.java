package app.chat.room;

import app.chat.platform.ChatJson;
import app.chat.platform.WellFormedText;
import app.chat.publish.ChatPublisher;
import app.chat.publish.Destinations;
import app.chat.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@ApplicationScoped
public class RoomService {

    static final int MAX_NAME_LENGTH = 80;

    @Inject
    RoomRepository rooms;

    @Inject
    UserService users;

    @Inject
    Event<MembershipEnded> membershipEnded;

    @Inject
    Event<MemberChange> memberChanged;

    @Inject
    RoomNotices notices;

    @Inject
    UnreadCounter unreadCounter;

    @Inject
    ChatPublisher publisher;

    @Inject
    ChatJson json;

    /** Creates a room ({@code visibility} public, the default, or private); its creator is its owner. */
    @Transactional
    public RoomView create(String rawName, String visibility, String creator) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new ValidationException("name must be 1-" + MAX_NAME_LENGTH + " characters after trimming");
        }
        if (!WellFormedText.isWellFormed(name)) {
            throw new ValidationException("name must not contain control characters or broken Unicode");
        }
        RoomKind kind = kindOf(visibility);
        Instant now = now();
        Room room = new Room(name, kind, creator, now);
        rooms.add(room);
        rooms.addMember(new Membership(room.id(), creator, RoomRole.OWNER, now, 0));
        // no "joined" event: the room's stream starts with it, its creator is in it from the start
        RoomView view = room.view(creator, new Standing(RoomRole.OWNER, false), Reading.upTo(0));
        notices.created(creator, view, room.view(null, Standing.STRANGER, Reading.NOT_A_MEMBER), kind == RoomKind.PUBLIC);
        return view;
    }

    private static RoomKind kindOf(String visibility) {
        if (visibility == null || visibility.equals("public")) {
            return RoomKind.PUBLIC;
        }
        if (visibility.equals("private")) {
            return RoomKind.PRIVATE;
        }
        throw new ValidationException("visibility must be public or private");
    }

    /**
     * The rooms {@code viewer} may see (public ones, and those they are in or invited to), each as they
     * see it, with their read marker and what waits above it. Four queries however many rooms: the
     * rooms, the viewer's memberships, invites, and one count of the rooms with anything unread.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomView> list(String viewer) {
        Map<Long, Membership> memberships = rooms.membershipsOf(viewer);
        Set<Long> invites = rooms.invitesOf(viewer);
        List<Room> visible = rooms.visibleTo(viewer);
        Map<Long, Long> behind = new HashMap<>();
        for (Room r : visible) {
            Membership m = memberships.get(r.id());
            if (m != null && m.readSeq() < r.lastSeq()) {
                behind.put(r.id(), m.readSeq());
            }
        }
        Map<Long, UnreadCounter.Unread> unread = behind.isEmpty() ? Map.of() : unreadCounter.count(viewer, behind);
        return visible.stream().map(r -> {
            Membership m = memberships.get(r.id());
            Standing standing = new Standing(m == null ? null : m.role(), invites.contains(r.id()));
            return r.view(viewer, standing, reading(m, unread.get(r.id())));
        }).toList();
    }

    private static Reading reading(Membership m, UnreadCounter.Unread unread) {
        if (m == null) {
            return Reading.NOT_A_MEMBER;
        }
        return unread == null ? Reading.upTo(m.readSeq()) : new Reading(m.readSeq(), unread.messages(), unread.mentions());
    }

    /**
     * Moves the reader's marker in a room up to {@code seq} (never down: a lower seq changes nothing)
     * and returns the marker. When it moved, the reader's user topic hears of it after the commit, so
     * that all their tabs agree. A seq beyond the room's last is refused: no client has seen it.
     */
    @Transactional
    public ReadMarker markRead(long roomId, String reader, long seq) {
        Room room = rooms.find(roomId).orElseThrow(() -> new UnknownRoomException(roomId));
        if (!rooms.isMember(roomId, reader)) {
            throw new NotAMemberException(roomId);
        }
        if (seq < 0) {
            throw new ValidationException("seq must be 0 or more");
        }
        if (seq > room.lastSeq()) {
            throw new ValidationException("seq " + seq + " is beyond the last seq of room " + roomId + " (" + room.lastSeq() + ")");
        }
        if (rooms.advanceReadSeq(roomId, reader, seq)) {
            // within the transaction: sent once it commits, never for a marker that did not move
            publisher.publish(List.of(new ChatPublisher.Outgoing(Destinations.userTopic(reader),
                    json.write(ReadMarker.of(roomId, seq)))));
        }
        return ReadMarker.of(roomId, rooms.readSeq(roomId, reader).orElseThrow(() -> new NotAMemberException(roomId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long roomId) {
        return rooms.find(roomId).isPresent();
    }

    /** Whether the room exists and {@code username} may see it: public, or private or a DM they are in or invited to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canSee(long roomId, String username) {
        return rooms.find(roomId).map(r -> RoomRules.canSee(r.kind(), rooms.standing(roomId, username))).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isMember(long roomId, String username) {
        return rooms.isMember(roomId, username);
    }

    /** Whether the user is the room's owner or one of its moderators: who may delete anyone's messages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean moderates(long roomId, String username) {
        return rooms.membership(roomId, username).map(m -> m.role() != RoomRole.MEMBER).orElse(false);
    }

    /**
     * Joins a room; joining twice is fine. Returns true when the user was not a member before.
     * A private room needs an invite, which joining uses up; see {@link RoomRules#join}.
     */
    @Transactional
    public boolean join(long roomId, String username) {
        Room room = rooms.find(roomId).orElseThrow(() -> new UnknownRoomException(roomId));
        Standing standing = rooms.standing(roomId, username);
        switch (RoomRules.join(room.kind(), room.pair(), username, standing)) {
            case ALREADY_MEMBER:
                return false;
            case HIDDEN:
                throw new UnknownRoomException(roomId); // as if it did not exist: see RoomRules
            case BANNED:
                throw new RoomRequestRefused(Refusal.BANNED, "you were banned from room " + roomId);
            default:
                rooms.removeInvite(roomId, username);
                // read up to now: an old room does not greet a newcomer with its whole history as unread
                rooms.addMember(new Membership(roomId, username, RoomRole.MEMBER, now(), room.lastSeq()));
                changed(room, new MemberChange(roomId, username, MemberChange.Action.JOINED, username, null));
                notices.toUser(username, "joined", room.view(username, new Standing(RoomRole.MEMBER, false), Reading.upTo(room.lastSeq())));
                return true;
        }
    }

    @Transactional
    public void leave(long roomId, String username) {
        Room room = visibleRoom(roomId, username);
        if (rooms.removeMember(roomId, username)) {
            membershipEnded.fire(new MembershipEnded(roomId, username));
            changed(room, new MemberChange(roomId, username, MemberChange.Action.LEFT, username, null));
            notices.toUser(username, "left", room.view(username, rooms.standing(roomId, username), Reading.NOT_A_MEMBER));
        }
    }

    /**
     * Invites {@code invitee} into a room (owners and moderators, see {@link RoomRules#refuseInvite}),
     * lifting a ban. Returns true when a new invite was made; false when one was waiting or they are a
     * member already.
     */
    @Transactional
    public boolean invite(long roomId, String inviter, String invitee) {
        Room room = visibleRoom(roomId, inviter);
        RoomRules.refuseInvite(room.kind(), rooms.standing(roomId, inviter)).ifPresent(why -> {
            throw new RoomRequestRefused(Refusal.NOT_ALLOWED, why);
        });
        if (!users.exists(invitee)) {
            throw new RoomRequestRefused(Refusal.UNKNOWN_USER, "there is no user " + invitee);
        }
        Standing theirs = rooms.standing(roomId, invitee);
        if (theirs.isMember() || theirs.invited()) {
            return false;
        }
        rooms.removeBan(roomId, invitee);
        rooms.addInvite(new Invite(roomId, invitee, inviter, now()));
        notices.toUser(invitee, "invited", room.view(invitee, new Standing(null, true), Reading.NOT_A_MEMBER));
        return true;
    }

    /**
     * Removes a member (owners and moderators, see {@link RoomRules#refuseRemoval}); their live
     * subscriptions end after the commit. With {@code ban} they cannot join again until invited; a
     * ban also takes one who is not a member (yet). Removing one who is not a member does nothing.
     */
    @Transactional
    public void remove(long roomId, String remover, String member, boolean ban) {
        Room room = visibleRoom(roomId, remover);
        Standing theirs = rooms.standing(roomId, member);
        RoomRules.refuseRemoval(room.kind(), rooms.standing(roomId, remover), theirs.role()).ifPresent(why -> {
            throw new RoomRequestRefused(Refusal.NOT_ALLOWED, why);
        });
        if (ban && !users.exists(member)) {
            throw new RoomRequestRefused(Refusal.UNKNOWN_USER, "there is no user " + member);
        }
        rooms.removeInvite(roomId, member);
        boolean newBan = ban && !theirs.banned();
        if (newBan) {
            rooms.addBan(new Ban(roomId, member, remover, now()));
        }
        boolean wasMember = rooms.removeMember(roomId, member);
        if (wasMember) {
            membershipEnded.fire(new MembershipEnded(roomId, member));
        }
        if (wasMember || newBan) {
            // a ban of one who was not in the room is news to its members too: they will not see them join
            changed(room, new MemberChange(roomId, member, ban ? MemberChange.Action.BANNED : MemberChange.Action.REMOVED, remover, null));
        }
        if (wasMember || theirs.invited()) {
            notices.toUser(member, "removed", room.view(member, rooms.standing(roomId, member), Reading.NOT_A_MEMBER));
        }
    }

    /** Gives a member another role (the owner only, see {@link RoomRules#refuseRoleChange}). */
    @Transactional
    public void changeRole(long roomId, String changer, String member, String wantedRole) {
        Room room = visibleRoom(roomId, changer);
        RoomRole wanted = RoomRole.of(wantedRole)
                .orElseThrow(() -> new ValidationException("role must be owner, moderator or member"));
        Membership membership = rooms.membership(roomId, member)
                .orElseThrow(() -> new RoomRequestRefused(Refusal.UNKNOWN_MEMBER, member + " is not a member of room " + roomId));
        RoomRules.refuseRoleChange(room.kind(), rooms.standing(roomId, changer), membership.role(), wanted).ifPresent(why -> {
            throw new RoomRequestRefused(Refusal.NOT_ALLOWED, why);
        });
        if (membership.role() != wanted) {
            membership.changeRole(wanted);
            changed(room, new MemberChange(roomId, member, MemberChange.Action.ROLE, changer, wanted.wire()));
        }
    }

    /**
     * Records a membership change in the room's stream (see {@link MemberChange}). Direct messages
     * record none: their two people are fixed, leaving one only hides it (see README).
     */
    private void changed(Room room, MemberChange change) {
        if (room.kind() != RoomKind.DM) {
            memberChanged.fire(change);
        }
    }

    /**
     * The direct message of {@code me} and {@code other}, with {@code me} back in it if they had left;
     * empty when there is none yet. A step of {@link DirectMessages#open}.
     */
    @Transactional
    public Optional<RoomView> returnToDirect(String me, String other) {
        Optional<Room> found = rooms.findDirect(DirectPair.of(me, other));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Room room = found.get();
        Optional<Membership> membership = rooms.membership(room.id(), me);
        if (membership.isEmpty()) {
            rooms.addMember(new Membership(room.id(), me, RoomRole.MEMBER, now(), room.lastSeq()));
            return Optional.of(room.view(me, new Standing(RoomRole.MEMBER, false), Reading.upTo(room.lastSeq())));
        }
        long readSeq = membership.get().readSeq();
        UnreadCounter.Unread unread = readSeq < room.lastSeq()
                ? unreadCounter.count(me, Map.of(room.id(), readSeq)).get(room.id()) : null;
        return Optional.of(room.view(me, new Standing(RoomRole.MEMBER, false), reading(membership.get(), unread)));
    }

    /**
     * Opens the direct message of {@code me} and {@code other}. Fails with a unique key violation when
     * it exists already, perhaps opened a moment ago by the other person or on another node. A step of
     * {@link DirectMessages#open}.
     */
    @Transactional
    public RoomView createDirect(String me, String other) {
        DirectPair pair = DirectPair.of(me, other);
        Instant now = now();
        Room room = Room.direct(pair, me, now);
        rooms.add(room);
        rooms.addMember(new Membership(room.id(), pair.first(), RoomRole.MEMBER, now, 0));
        rooms.addMember(new Membership(room.id(), pair.second(), RoomRole.MEMBER, now, 0));
        notices.toUser(other, "created", room.view(other, new Standing(RoomRole.MEMBER, false), Reading.upTo(0)));
        return room.view(me, new Standing(RoomRole.MEMBER, false), Reading.upTo(0));
    }

    /** The room, if {@code user} may see it; else as if it did not exist, so that a private room does not show. */
    private Room visibleRoom(long roomId, String user) {
        Room room = rooms.find(roomId).orElseThrow(() -> new UnknownRoomException(roomId));
        if (!RoomRules.canSee(room.kind(), rooms.standing(roomId, user))) {
            throw new UnknownRoomException(roomId);
        }
        return room;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Of the given rooms, those that exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> existing(Collection<Long> roomIds) {
        return roomIds.isEmpty() ? Set.of() : rooms.existing(roomIds);
    }

    /**
     * Of the given rooms and users, the pairs that are memberships, in one query: for the mentions of
     * a batch, where the users are the names mentioned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Membership.Key> membersAmong(Collection<Long> roomIds, Collection<String> usernames) {
        return roomIds.isEmpty() || usernames.isEmpty() ? Set.of() : rooms.membersAmong(roomIds, usernames);
    }

    /** Of the given users and the rooms each names, the pairs that are memberships (a batch's senders). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Membership.Key> memberships(Map<String, ? extends Collection<Long>> roomsByUser) {
        return roomsByUser.isEmpty() ? Set.of() : rooms.memberships(roomsByUser);
    }

    /**
     * Reserves {@code count} consecutive message seqs in each room of {@code counts} and returns the
     * first of them per room; {@code at} becomes the rooms' last activity. Locks the room rows (in id
     * order, so that two nodes writing the same rooms cannot deadlock) until the caller's transaction
     * ends: seqs are gapless and unique across nodes, and a rolled-back transaction gives its numbers back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Long> reserveSeqs(Map<Long, Integer> counts, Instant at) {
        Map<Long, Long> last = rooms.advanceLastSeqs(new TreeMap<>(counts), at);
        Map<Long, Long> first = new HashMap<>();
        for (var room : counts.entrySet()) {
            Long lastSeq = last.get(room.getKey());
            if (lastSeq == null) {
                throw new UnknownRoomException(room.getKey());
            }
            first.put(room.getKey(), lastSeq - room.getValue() + 1);
        }
        return first;
    }

    /**
     * A room's members with their roles, for one of them: 404 UNKNOWN_ROOM (also for a private room or
     * DM one cannot see), 403 NOT_A_MEMBER as for history. {@code online} says who is connected (see {@link OnlineUsers}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MemberView> members(long roomId, String viewer, OnlineUsers online) {
        if (!canSee(roomId, viewer)) {
            throw new UnknownRoomException(roomId); // a private room or DM of others: as if it did not exist
        }
        if (!rooms.isMember(roomId, viewer)) {
            throw new NotAMemberException(roomId);
        }
        return rooms.membersOf(roomId).stream()
                .map(m -> new MemberView(m.username(), m.role().wire(), online.isOnline(m.username())))
                .toList();
    }

    /** The ids of the rooms a user is in (for presence: who should hear that they came or went). */
    @Transactional
    public Set<Long> roomsOf(String username) {
        return rooms.membershipsOf(username).keySet();
    }
}
