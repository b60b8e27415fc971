package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.publish.Destinations;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.remoting.Connection;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.junit.jupiter.api.Test;

/** Who may connect, send and subscribe: the decisions, without a broker. */
class ChatSecurityManagerTest {

    /** alice/right-password is a user and a member of room 1; bob/bob-password a user in no room. */
    private final FakeAccess access = new FakeAccess(Map.of("alice", "right-password", "bob", "bob-password"), Map.of(1L, Set.of("alice")));
    private final ChatSecurityManager security = new ChatSecurityManager(access);

    @Test
    void applicationConnectionNeedsNoPasswordAndMayDoAnything() {
        Subject app = security.authenticate(null, null, inVm(), null);
        assertNotNull(app);
        for (CheckType check : CheckType.values()) {
            assertTrue(security.authorize(app, Set.of(), check, "room.1"), check.name());
            assertTrue(security.authorize(app, Set.of(), check, "chat.dlq"), check.name());
        }
        assertEquals(List.of(), access.calls);
    }

    @Test
    void stompUserWithTheRightPasswordConnectsAsThatUser() {
        Subject alice = security.authenticate("alice", "right-password", stomp("/10.0.0.7:51234"), null);
        assertNotNull(alice);
        assertTrue(alice.getPrincipals(UserPrincipal.class).stream().anyMatch(p -> p.getName().equals("alice")));
        assertTrue(alice.getPrincipals(RolePrincipal.class).stream().anyMatch(p -> p.getName().equals(ChatSecurityManager.USER_ROLE)));
        assertFalse(alice.getPrincipals(RolePrincipal.class).stream().anyMatch(p -> p.getName().equals(ChatSecurityManager.APP_ROLE)));
    }

    @Test
    void aConnectionSignedInWithASessionTokenRemembersTheSessionAPasswordOneNone() {
        Subject withToken = security.authenticate("alice", "token-of-alice", stomp("/10.0.0.7:51234"), null);
        assertEquals("alice", ChatSecurityManager.userOf(withToken));
        assertEquals("session-of-alice", ChatSecurityManager.sessionOf(withToken));
        Subject withPassword = security.authenticate("alice", "right-password", stomp("/10.0.0.7:51234"), null);
        assertEquals("alice", ChatSecurityManager.userOf(withPassword));
        assertNull(ChatSecurityManager.sessionOf(withPassword));
    }

    @Test
    void theClientAddressWithoutItsPortIsPassedOnForThrottling() {
        security.authenticate("alice", "right-password", stomp("/10.0.0.7:51234"), null);
        assertEquals(List.of("authenticate alice from 10.0.0.7"), access.calls);
    }

    @Test
    void wrongPasswordUnknownUserAndMissingCredentialsAreRefused() {
        assertNull(security.authenticate("alice", "wrong", stomp("/10.0.0.7:1"), null));
        assertNull(security.authenticate("mallory", "right-password", stomp("/10.0.0.7:1"), null));
        assertNull(security.authenticate(null, null, stomp("/10.0.0.7:1"), null));
        assertNull(security.authenticate("alice", null, stomp("/10.0.0.7:1"), null));
        assertNull(security.authenticate(null, "right-password", stomp("/10.0.0.7:1"), null));
    }

    @Test
    void aFailingCredentialCheckRefusesTheConnection() {
        access.failing = true;
        assertNull(security.authenticate("alice", "right-password", stomp("/10.0.0.7:1"), null));
    }

    @Test
    void aUserMaySendOnlyToTheChatsCommands() {
        Subject alice = login("alice");
        assertTrue(security.authorize(alice, Set.of(), CheckType.SEND, Destinations.CHAT_SEND));
        assertTrue(security.authorize(alice, Set.of(), CheckType.SEND, Destinations.CHAT_EDIT));
        assertTrue(security.authorize(alice, Set.of(), CheckType.SEND, Destinations.CHAT_DELETE));
        assertFalse(security.authorize(alice, Set.of(), CheckType.SEND, "chat.edits"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.SEND, "room.1"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.SEND, "user.alice"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.SEND, Destinations.DEAD_LETTERS));
        assertFalse(security.authorize(alice, Set.of(), CheckType.SEND, "chat.*"));
    }

    @Test
    void aUserMayNotSendToAFullyQualifiedQueue() {
        assertFalse(security.authorize(login("alice"), Set.of(), CheckType.SEND, Destinations.CHAT_SEND + "::" + Destinations.CHAT_SEND));
        assertFalse(security.authorize(login("alice"), Set.of(), CheckType.SEND, Destinations.CHAT_EDIT + "::" + Destinations.CHAT_SEND));
    }

    @Test
    void aUserMaySubscribeToTheirOwnUserTopicOnly() {
        Subject alice = login("alice");
        assertTrue(security.authorize(alice, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, "user.alice"));
        assertTrue(security.authorize(alice, Set.of(), CheckType.CONSUME, "user.alice"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "user.bob"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, "user.bob"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "user.*"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "user.#"));
    }

    @Test
    void everyUserMaySubscribeToThePublicRoomsTopicButNobodySendsToIt() {
        Subject bob = login("bob"); // in no room
        assertTrue(security.authorize(bob, Set.of(), CheckType.CREATE_ADDRESS, Destinations.PUBLIC_ROOMS));
        assertTrue(security.authorize(bob, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, Destinations.PUBLIC_ROOMS));
        assertTrue(security.authorize(bob, Set.of(), CheckType.CONSUME, Destinations.PUBLIC_ROOMS));
        assertTrue(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, Destinations.PUBLIC_ROOMS));
        assertFalse(security.authorize(bob, Set.of(), CheckType.SEND, Destinations.PUBLIC_ROOMS));
        assertFalse(security.authorize(bob, Set.of(), CheckType.SEND, Destinations.PUBLIC_ROOMS + "::" + Destinations.PUBLIC_ROOMS));
        assertFalse(security.authorize(bob, Set.of(), CheckType.CONSUME, "rooms.*"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.CONSUME, "rooms.#"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.CONSUME, "rooms.private"));
    }

    @Test
    void nobodySendsAMembershipChange() {
        assertFalse(security.authorize(login("alice"), Set.of(), CheckType.SEND, Destinations.MEMBER_CHANGE));
    }

    @Test
    void memberMaySubscribeToTheRoomButNotToAWildcard() {
        Subject alice = login("alice");
        assertTrue(security.authorize(alice, Set.of(), CheckType.CREATE_ADDRESS, "room.1"));
        assertTrue(security.authorize(alice, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, "room.1"));
        assertTrue(security.authorize(alice, Set.of(), CheckType.CONSUME, "room.1"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "room.*"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "room.#"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "#"));
        assertFalse(security.authorize(alice, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, "*"));
    }

    @Test
    void aSubscriptionQueueIsJudgedByItsRoom() {
        assertTrue(security.authorize(login("alice"), Set.of(), CheckType.CONSUME, "room.1::b4e1c0de"));
        assertFalse(security.authorize(login("bob"), Set.of(), CheckType.CONSUME, "room.1::b4e1c0de"));
    }

    @Test
    void nonMemberCannotSubscribeToRoom() {
        Subject bob = login("bob");
        assertFalse(security.authorize(bob, Set.of(), CheckType.CREATE_NON_DURABLE_QUEUE, "room.1"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.CONSUME, "room.1"));
        assertFalse(security.authorize(login("alice"), Set.of(), CheckType.CONSUME, "room.2"));
    }

    @Test
    void aFailingMembershipCheckDeniesTheSubscription() {
        Subject alice = login("alice");
        access.failing = true;
        assertFalse(security.authorize(alice, Set.of(), CheckType.CONSUME, "room.1"));
    }

    @Test
    void theDeadLetterQueueNotificationsAndManagementAreRefused() {
        Subject alice = login("alice");
        for (String address : List.of(Destinations.DEAD_LETTERS, "activemq.notifications", "activemq.management", "DLQ", "ExpiryQueue")) {
            for (CheckType check : CheckType.values()) {
                assertFalse(security.authorize(alice, Set.of(), check, address), check + " " + address);
            }
        }
    }

    @Test
    void theChatSendQueueTakesMessagesButCannotBeReadByUsers() {
        Subject alice = login("alice");
        for (CheckType check : EnumSet.complementOf(EnumSet.of(CheckType.SEND))) {
            assertFalse(security.authorize(alice, Set.of(), check, Destinations.CHAT_SEND), check.name());
            assertFalse(security.authorize(alice, Set.of(), check, Destinations.CHAT_SEND + "::" + Destinations.CHAT_SEND), check.name());
        }
    }

    @Test
    void durableQueuesBrowsingAndManagementAreRefusedEvenOnOwnTopics() {
        Subject alice = login("alice");
        var refused = EnumSet.complementOf(EnumSet.of(CheckType.SEND, CheckType.CONSUME, CheckType.CREATE_ADDRESS,
                CheckType.CREATE_NON_DURABLE_QUEUE, CheckType.DELETE_NON_DURABLE_QUEUE));
        for (CheckType check : refused) {
            assertFalse(security.authorize(alice, Set.of(), check, "room.1"), check.name());
            assertFalse(security.authorize(alice, Set.of(), check, "user.alice"), check.name());
            assertFalse(security.authorize(alice, Set.of(), check, Destinations.CHAT_SEND), check.name());
        }
    }

    @Test
    void unsubscribingFromARoomWorksAfterLeavingItButNotFromAnotherUsersTopic() {
        Subject bob = login("bob");
        assertTrue(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, "room.1::b4e1c0de"));
        assertTrue(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, "user.bob"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, "user.alice"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, "room.*"));
        assertFalse(security.authorize(bob, Set.of(), CheckType.DELETE_NON_DURABLE_QUEUE, Destinations.CHAT_SEND));
    }

    @Test
    void withoutAChatRoleOrAUserNothingIsAllowed() {
        Subject noRole = new Subject();
        noRole.getPrincipals().add(new UserPrincipal("alice"));
        Subject noUser = new Subject();
        noUser.getPrincipals().add(new RolePrincipal(ChatSecurityManager.USER_ROLE));
        Subject otherRole = new Subject();
        otherRole.getPrincipals().add(new UserPrincipal("alice"));
        otherRole.getPrincipals().add(new RolePrincipal("admin"));
        for (CheckType check : CheckType.values()) {
            assertFalse(security.authorize(null, Set.of(), check, Destinations.CHAT_SEND), check.name());
            assertFalse(security.authorize(noRole, Set.of(), check, "user.alice"), check.name());
            assertFalse(security.authorize(noUser, Set.of(), check, Destinations.CHAT_SEND), check.name());
            assertFalse(security.authorize(otherRole, Set.of(), check, "user.alice"), check.name());
        }
    }

    @Test
    void theUserAndPasswordOnlyMethodsAllowNothing() {
        assertFalse(security.validateUser("alice", "right-password"));
        assertFalse(security.validateUserAndRole("alice", "right-password", Set.of(), CheckType.SEND));
    }

    private Subject login(String user) {
        Subject subject = security.authenticate(user, access.passwords.get(user), stomp("/10.0.0.7:1"), null);
        assertNotNull(subject, user);
        access.calls.clear();
        return subject;
    }

    private static RemotingConnection inVm() {
        return connection(new InVMConnection(0, null, null, null), "invm:0");
    }

    private static RemotingConnection stomp(String remoteAddress) {
        Connection socket = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        return connection(socket, remoteAddress);
    }

    /** A RemotingConnection that answers only what the security manager asks. */
    private static RemotingConnection connection(Connection transport, String remoteAddress) {
        return (RemotingConnection) Proxy.newProxyInstance(RemotingConnection.class.getClassLoader(), new Class<?>[] {RemotingConnection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTransportConnection" -> transport;
                    case "getRemoteAddress" -> remoteAddress;
                    case "toString" -> "connection from " + remoteAddress;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class FakeAccess implements ChatAccess {

        final Map<String, String> passwords;
        final Map<Long, Set<String>> members;
        final List<String> calls = new ArrayList<>();
        boolean failing;

        FakeAccess(Map<String, String> passwords, Map<Long, Set<String>> members) {
            this.passwords = passwords;
            this.members = members;
        }

        @Override
        public Optional<Login> authenticate(String username, String passcode, String clientAddress) {
            calls.add("authenticate " + username + " from " + clientAddress);
            if (failing) {
                throw new IllegalStateException("database down");
            }
            if (passcode.equals("token-of-" + username)) {
                return Optional.of(new Login(username, "session-of-" + username));
            }
            return passcode.equals(passwords.get(username)) ? Optional.of(new Login(username, null)) : Optional.empty();
        }

        @Override
        public boolean isMember(long roomId, String username) {
            calls.add("isMember " + roomId + " " + username);
            if (failing) {
                throw new IllegalStateException("database down");
            }
            return members.getOrDefault(roomId, Set.of()).contains(username);
        }
    }
}
