package app.chat.broker;

import app.chat.platform.ProxySettings;
import app.chat.presence.Connections;
import app.chat.publish.Destinations;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;

/**
 * Starts the embedded broker with the application and stops it with it. If the broker cannot
 * come up whole (a port taken, a bad broker.xml), the deployment fails: never half-up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerLifecycle {

    private static final System.Logger LOG = System.getLogger(BrokerLifecycle.class.getName());

    @Inject
    BrokerSettings settings;

    @Inject
    ChatAccess access;

    @Inject
    ProxySettings proxies;

    @Inject
    Connections connections;

    @Inject
    ClusterNoticeReceiver clusterNoticeReceiver;

    @Resource
    ContextService contextService;

    /** Artemis' audit loggers write a line per message at INFO: costly, and noise for a chat. */
    private static final java.util.logging.Logger AUDIT = java.util.logging.Logger.getLogger("org.apache.activemq.audit");

    /** Typing notices: at most one per user and room this often (README, STOMP). */
    static final Duration TYPING_INTERVAL = Duration.ofSeconds(2);

    private volatile ActiveMQServer server;
    private BacklogLimit backlogLimit;
    private ThreadPoolExecutor membershipLookups;
    private volatile MemberCache typingMembers;
    private volatile RoomEventRelay relay;
    private volatile ClusterNotices notices;

    @PostConstruct
    void start() {
        long started = System.nanoTime();
        try {
            Configuration configuration = configuration();
            checkPortsFree(configuration);
            int clientThreads = ClientThreads.atLeast(settings.clientThreads());
            LOG.log(Level.DEBUG, "Artemis client pool: up to {0} threads", clientThreads);
            var connectionGuard = new ConnectionGuard(
                    settings.maxFrameBytes(), settings.maxConnectionsPerUser(), settings.allowedOrigins());
            configuration.registerBrokerPlugin(new InboundGuard(JsonProvider.provider()));
            configuration.registerBrokerPlugin(connectionGuard);
            configuration.registerBrokerPlugin(new BroadcastTrim());
            var presenceTracker = new PresenceTracker(contextService.createContextualProxy(connections, Connections.class));
            configuration.registerBrokerPlugin(presenceTracker);
            ChatAccess onAppContext = contextService.createContextualProxy(access, ChatAccess.class);
            server = new ActiveMQServerImpl(configuration, new ChatSecurityManager(onAppContext, proxies.clientAddress()));
            server.start();
            requireAcceptorsStarted();
            guardConnections(connectionGuard);
            RoomRoutes routes = new RoomRoutes(server, settings.cluster().clustered());
            if (settings.cluster().clustered()) {
                relay = new RoomEventRelay(server, routes, settings.reorderWait(), 100_000);
                relay.start();
                notices = new ClusterNotices(server,
                        contextService.createContextualProxy(clusterNoticeReceiver, ClusterNotices.Receiver.class));
                notices.start();
                presenceTracker.tellingOtherNodes(notices);
            }
            relayTyping(onAppContext, routes);
            LOG.log(Level.INFO, "Chat broker {0} started in {1} ms; STOMP over WebSocket on {2}",
                    configuration.getName(), (System.nanoTime() - started) / 1_000_000, stompEndpoints(configuration));
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("The chat broker could not start: " + e.getMessage(), e);
        }
    }

    private Configuration configuration() throws Exception {
        Configuration configuration = BrokerConfigLoader.load(settings.configFile().orElse(null), settings::placeholder);
        configuration.setJMXManagementEnabled(false);
        if (settings.tlsKeystore().isPresent()) {
            BrokerConfigLoader.enableTls(configuration, settings.tlsKeystore().get(), settings.tlsKeystorePassword());
        }
        BrokerCluster.join(configuration, settings.cluster());
        if (!settings.auditLog()) {
            AUDIT.setLevel(java.util.logging.Level.WARNING);
        }
        return configuration;
    }

    /** The checks that need the running broker: frame limits, login timeout, subscriber backlog. */
    private void guardConnections(ConnectionGuard connectionGuard) {
        server.getRemotingService().addIncomingInterceptor(
                new FrameSizeGuard(settings.maxFrameBytes()));
        new LoginTimeout(settings.loginTimeoutMs(), connectionGuard::isLoggedIn)
                .install(server, name -> !BrokerCluster.ACCEPTOR.equals(name));
        backlogLimit = new BacklogLimit(server, settings.maxSubscriberBacklog());
        backlogLimit.start(2000);
    }

    /**
     * Typing notices never take the message path ({@link TypingRelay}); membership is looked up on
     * two threads of their own, with a bounded queue, never on the broker's network threads.
     */
    private void relayTyping(ChatAccess onAppContext, RoomRoutes routes) {
        membershipLookups = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), runnable -> {
            Thread thread = new Thread(runnable, "chat-typing-membership");
            thread.setDaemon(true);
            return thread;
        });
        typingMembers = new MemberCache(onAppContext, membershipLookups, Duration.ofSeconds(30), TYPING_INTERVAL, 100_000);
        server.getRemotingService().addIncomingInterceptor(new TypingRelay(routes,
                new TypingThrottle(TYPING_INTERVAL, 100_000, Ticker.systemTicker()), typingMembers, JsonProvider.provider()));
    }

    /** The cluster relay's dropped events and gaps given up on; zeros for a node alone. */
    public long[] relayCounts() { // public: the metrics call it through the EJB proxy
        RoomEventRelay r = relay;
        return r == null ? new long[] {0, 0} : r.counts();
    }

    /** In a cluster, tells the other nodes (see {@link ClusterNotices}); alone, nothing. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // from AFTER_SUCCESS observers: see server()
    public void tellOtherNodes(ClusterNotices.Kind kind, Map<String, String> fields, Collection<String> users) {
        ClusterNotices n = notices;
        if (n != null) {
            n.tell(kind, fields, users);
        }
    }

    /** The user left or was removed: their typing notices for the room stop at once (on this node). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // from an AFTER_SUCCESS observer: see server()
    public void membershipEnded(long roomId, String username) {
        MemberCache members = typingMembers;
        if (members != null) {
            members.forget(roomId, username);
        }
    }

    @PreDestroy
    void stop() {
        stopQuietly();
        LOG.log(Level.INFO, "Chat broker stopped");
    }

    /** The running broker; for the broker feature's own classes (health, dead letters, revocation). */
    // SUPPORTS: called from AFTER_SUCCESS observers (SubscriptionRevoker) too, where the transaction has
    // completed; with a JMS resource enlisted in it, suspending and resuming it (NOT_SUPPORTED) fails on Payara
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ActiveMQServer server() {
        return server;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // see server()
    public boolean isReady() {
        ActiveMQServer s = server;
        return s != null && s.isActive();
    }

    /** True while the journal's disk is above chat.broker.max-disk-usage: the broker refuses sends. */
    public boolean diskFull() {
        ActiveMQServer s = server;
        return s != null && s.getPagingManager() != null && s.getPagingManager().isDiskFull();
    }

    /** How many MDB sessions listen on chat.send; 0 until the resource adapter has connected. */
    public int chatSendConsumers() {
        Queue q = chatSendQueue();
        return q == null ? 0 : q.getConsumerCount();
    }

    /**
     * What waits on chat.send: messages not yet handed out, handed to an MDB and not yet acknowledged,
     * scheduled for redelivery (after a rollback), and the message groups (senders) it remembers.
     */
    public Map<String, Long> chatSendBacklog() {
        Queue q = chatSendQueue();
        if (q == null) {
            return Map.of();
        }
        return Map.of("waiting", q.getMessageCount(), "delivering", (long) q.getDeliveringCount(),
                "scheduled", (long) q.getScheduledCount(), "groups", (long) q.getGroupCount());
    }

    /** The queue the MDBs consume, or null while the broker is not running. */
    private Queue chatSendQueue() {
        return isReady() ? server.locateQueue(SimpleString.of(Destinations.CHAT_SEND)) : null;
    }

    private void requireAcceptorsStarted() {
        server.getRemotingService().getAcceptors().forEach((name, acceptor) -> {
            if (!acceptor.isStarted()) {
                throw new IllegalStateException("The chat broker's acceptor '" + name + "' did not start");
            }
        });
    }

    /** Artemis logs a taken port and goes on without that acceptor; the chat refuses to start instead. */
    private static void checkPortsFree(Configuration configuration) {
        for (TransportConfiguration acceptor : configuration.getAcceptorConfigurations()) {
            if (!NettyAcceptorFactory.class.getName().equals(acceptor.getFactoryClassName())) {
                continue;
            }
            Map<String, Object> params = acceptor.getParams();
            String host = String.valueOf(params.getOrDefault(TransportConstants.HOST_PROP_NAME, TransportConstants.DEFAULT_HOST));
            int port = Integer.parseInt(String.valueOf(params.getOrDefault(TransportConstants.PORT_PROP_NAME, TransportConstants.DEFAULT_PORT)));
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(host, port));
            } catch (IOException e) {
                throw new IllegalStateException("The chat broker cannot listen on " + host + ":" + port
                        + " (acceptor '" + acceptor.getName() + "'): " + e.getMessage()
                        + ". Free the port or set " + (BrokerCluster.ACCEPTOR.equals(acceptor.getName())
                                ? "chat.cluster.port (env CHAT_CLUSTER_PORT)." : "chat.stomp.port (env CHAT_STOMP_PORT)."));
            }
        }
    }

    private static String stompEndpoints(Configuration configuration) {
        return configuration.getAcceptorConfigurations().stream()
                .filter(a -> NettyAcceptorFactory.class.getName().equals(a.getFactoryClassName()))
                .map(a -> (Boolean.parseBoolean(String.valueOf(a.getParams().get(TransportConstants.SSL_ENABLED_PROP_NAME))) ? "wss://" : "ws://")
                        + a.getParams().get(TransportConstants.HOST_PROP_NAME) + ":"
                        + a.getParams().get(TransportConstants.PORT_PROP_NAME) + "/stomp")
                .reduce((a, b) -> a + ", " + b).orElse("(none)");
    }

    private void stopQuietly() {
        if (notices != null) {
            notices.stop();
            notices = null;
        }
        if (relay != null) {
            relay.stop();
        }
        if (backlogLimit != null) {
            backlogLimit.stop();
        }
        if (membershipLookups != null) {
            membershipLookups.shutdownNow();
        }
        ActiveMQServer s = server;
        if (s == null) {
            return;
        }
        try {
            s.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The chat broker did not stop cleanly", e);
        }
    }
}
