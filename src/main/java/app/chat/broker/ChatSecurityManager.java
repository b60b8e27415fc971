package app.chat.broker;

import app.chat.platform.ClientAddress;
import app.chat.publish.Destinations;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Every CONNECT, SEND and SUBSCRIBE of a browser is decided here, deny by default:
 * <ul>
 *   <li>CONNECT: login/passcode must be a chat user's username and a session token of theirs (the
 *       connection's Subject then names the session) or their password;</li>
 *   <li>SEND: only to /app/chat.send, /app/chat.edit and /app/chat.delete;</li>
 *   <li>SUBSCRIBE: /topic/room.{id} for members of room id, /topic/user.{me} for me,
 *       /topic/rooms.public (public rooms as they are created) for everyone signed in, nothing else
 *       (no wildcards, no queues, no management addresses).</li>
 * </ul>
 * Connections through the in-VM acceptor (the application's own, which only code in this JVM can
 * open) may do anything: they are the only writers of room and user topics.
 */
final class ChatSecurityManager implements ActiveMQSecurityManager5 {

    private static final System.Logger LOG = System.getLogger(ChatSecurityManager.class.getName());
    static final String USER_ROLE = "chat-user";
    static final String APP_ROLE = "chat-app";
    private static final String APP_USER = "chat-application";

    private final ChatAccess access;
    private final HandshakeAddress clientAddress;

    ChatSecurityManager(ChatAccess access) {
        this(access, new ClientAddress(List.of()));
    }

    /** @param clientAddress decides a connection's client address (behind trusted proxies, the forwarded one) */
    ChatSecurityManager(ChatAccess access, ClientAddress clientAddress) {
        this.access = access;
        this.clientAddress = new HandshakeAddress(clientAddress);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subject(APP_USER, APP_ROLE);
        }
        try {
            if (user != null && password != null) {
                var login = access.authenticate(user, password, hostOf(connection));
                if (login.isPresent()) {
                    Subject subject = subject(user, USER_ROLE);
                    if (login.get().sessionId() != null) {
                        subject.getPrincipals().add(new SessionPrincipal(login.get().sessionId()));
                    }
                    return subject;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check the credentials of " + user + ": " + e);
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        if (hasRole(subject, APP_ROLE)) {
            return true;
        }
        String user = userOf(subject);
        boolean allowed = user != null && hasRole(subject, USER_ROLE) && allowsUser(user, checkType, address);
        if (!allowed) {
            LOG.log(Level.DEBUG, "Denied {0} {1} on {2}", user, checkType, address);
        }
        return allowed;
    }

    private boolean allowsUser(String user, CheckType checkType, String fullAddress) {
        // a client-chosen fully qualified name (address::queue) reaches one queue; a subscription's
        // own queue is named by the broker and checked the same way, so judge the address part
        int fq = fullAddress.indexOf("::");
        String address = fq < 0 ? fullAddress : fullAddress.substring(0, fq);
        switch (checkType) {
            case SEND:
                return fq < 0 && Destinations.isCommand(address);
            case CONSUME:
            case CREATE_NON_DURABLE_QUEUE:
            case CREATE_ADDRESS:
                return maySubscribe(user, address);
            case DELETE_NON_DURABLE_QUEUE:
                // unsubscribing must work even after leaving the room
                return Destinations.roomOf(address).isPresent() || user.equals(Destinations.userOf(address))
                        || Destinations.PUBLIC_ROOMS.equals(address);
            default:
                return false;
        }
    }

    private boolean maySubscribe(String user, String address) {
        if (Destinations.PUBLIC_ROOMS.equals(address)) {
            return true; // read-only (SEND goes to commands only): public rooms, which everyone may list anyway
        }
        String owner = Destinations.userOf(address);
        if (owner != null) {
            return owner.equals(user);
        }
        var room = Destinations.roomOf(address);
        if (room.isEmpty()) {
            return false;
        }
        try {
            return access.isMember(room.getAsLong(), user);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check membership of " + user + " in " + address + ": " + e);
            return false;
        }
    }

    /** The client's IP address without the port: one address, one throttle. */
    private String hostOf(RemotingConnection connection) {
        return clientAddress.of(connection);
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }

    private static boolean hasRole(Subject subject, String role) {
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof RolePrincipal && role.equals(p.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The user a connection signed in as, or null. */
    static String userOf(Subject subject) {
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof UserPrincipal) {
                return p.getName();
            }
        }
        return null;
    }

    /** The session a connection signed in with (its token was the passcode), or null for a password. */
    static String sessionOf(Subject subject) {
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof SessionPrincipal session) {
                return session.getName();
            }
        }
        return null;
    }

    /** Remembers on the connection's Subject which sign-in session it belongs to. */
    record SessionPrincipal(String sessionId) implements Principal {
        @Override
        public String getName() {
            return sessionId;
        }
    }

    @Override
    public boolean validateUser(String user, String password) {
        return false; // only the Subject-based methods above are used
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }
}
