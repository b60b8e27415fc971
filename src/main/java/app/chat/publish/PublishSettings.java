package app.chat.publish;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The publisher's settings, read from MicroProfile Config; the defaults are in
 * microprofile-config.properties only. Read them through the methods: callers hold a CDI proxy.
 */
@ApplicationScoped
public class PublishSettings {

    @Inject
    @ConfigProperty(name = "chat.publisher.known-topics")
    int knownTopics;

    @Inject
    Config config;

    private boolean clustered;

    /** Read from Config, not injected: WildFly's SmallRye Config refuses an empty value for a plain List. */
    @PostConstruct
    void readCluster() {
        clustered = !config.getOptionalValues("chat.cluster.nodes", String.class).orElse(List.of()).stream()
                .allMatch(String::isBlank);
    }

    /** Whether this node is one of a cluster (chat.cluster.nodes): room events then go through chat.events. */
    public boolean clustered() {
        return clustered;
    }

    /** Room and user topics the publisher remembers as checked. */
    public int knownTopics() {
        return knownTopics;
    }
}
