package app.chat.broker;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker server's settings, read from MicroProfile Config; the defaults are in
 * microprofile-config.properties only (broker.xml's placeholders repeat some, because Artemis reads
 * the file without this class). Read them through the methods: callers hold a CDI proxy.
 */
@ApplicationScoped
public class BrokerSettings {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "chat.broker.config")
    Optional<String> configFile;

    @Inject
    @ConfigProperty(name = "chat.broker.audit-log")
    boolean auditLog;

    @Inject
    @ConfigProperty(name = "chat.broker.max-subscriber-backlog")
    long maxSubscriberBacklog;

    @Inject
    @ConfigProperty(name = "chat.stomp.max-frame-bytes")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "chat.stomp.max-connections-per-user")
    int maxConnectionsPerUser;

    @Inject
    @ConfigProperty(name = "chat.stomp.login-timeout-ms")
    long loginTimeoutMs;

    @Inject
    @ConfigProperty(name = "chat.broker.client-threads")
    int clientThreads;

    @Inject
    @ConfigProperty(name = "chat.tls.keystore")
    Optional<String> tlsKeystore;

    @Inject
    @ConfigProperty(name = "chat.tls.keystore-password")
    Optional<String> tlsKeystorePassword;

    @Inject
    @ConfigProperty(name = "chat.cluster.host")
    String clusterHost;

    @Inject
    @ConfigProperty(name = "chat.cluster.port")
    int clusterPort;

    @Inject
    @ConfigProperty(name = "chat.cluster.password")
    Optional<String> clusterPassword;

    @Inject
    @ConfigProperty(name = "chat.cluster.reorder-wait-ms")
    long reorderWaitMs;

    private List<String> allowedOrigins;
    private List<String> operators;
    private List<String> clusterNodes;

    /**
     * Lists that may be empty are read from Config, not injected: Payara cannot inject
     * Optional&lt;List&gt; and WildFly's SmallRye Config refuses an empty value for a plain List.
     */
    @PostConstruct
    void readLists() {
        allowedOrigins = config.getOptionalValues("chat.stomp.allowed-origins", String.class).orElse(List.of());
        operators = config.getOptionalValues("chat.operators", String.class).orElse(List.of());
        clusterNodes = config.getOptionalValues("chat.cluster.nodes", String.class).orElse(List.of());
    }

    /** Another broker.xml than the bundled one, if set. */
    public Optional<Path> configFile() {
        return configFile.map(Path::of);
    }

    /** The value of a broker.xml placeholder's setting; null when it is not set (the placeholder's default applies). */
    public String placeholder(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    /** The PKCS12 keystore that turns on TLS (wss://) on the STOMP acceptor, if set. */
    public Optional<Path> tlsKeystore() {
        return tlsKeystore.map(Path::of);
    }

    /** The keystore's password (null when it has none). */
    public String tlsKeystorePassword() {
        return tlsKeystorePassword.orElse(null);
    }

    public boolean auditLog() {
        return auditLog;
    }

    public long maxSubscriberBacklog() {
        return maxSubscriberBacklog;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public int maxConnectionsPerUser() {
        return maxConnectionsPerUser;
    }

    /** The least size of Artemis' global client pool, on which the chat.send MDB sessions wait for their batch. */
    public int clientThreads() {
        return clientThreads;
    }

    public long loginTimeoutMs() {
        return loginTimeoutMs;
    }

    /** Browser Origins allowed to open the WebSocket; empty: any. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Users who may handle dead letters. */
    public List<String> operators() {
        return operators;
    }

    /** How long a cluster node holds a room event that came before the one preceding it. */
    public Duration reorderWait() {
        return Duration.ofMillis(reorderWaitMs);
    }

    /** This node's place in a cluster (chat.cluster.*); one with no nodes when the chat runs alone. */
    public BrokerCluster.Plan cluster() {
        return new BrokerCluster.Plan(clusterNodes, clusterHost, clusterPort, clusterPassword.orElse(null));
    }
}
