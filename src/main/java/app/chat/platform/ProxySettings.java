package app.chat.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The reverse proxies in front of the chat (chat.trusted-proxies), read from MicroProfile Config;
 * the default (none) is in microprofile-config.properties only. Read it through the methods: callers
 * hold a CDI proxy.
 */
@ApplicationScoped
public class ProxySettings {

    @Inject
    Config config;

    private List<String> trustedProxies;
    private ClientAddress clientAddress;

    /** Read from Config, not injected: the list may be empty (see BrokerSettings). */
    @PostConstruct
    void read() {
        trustedProxies = config.getOptionalValues("chat.trusted-proxies", String.class).orElse(List.of());
        clientAddress = new ClientAddress(trustedProxies);
    }

    /** IP addresses whose X-Forwarded-For is believed. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /** Decides a connection's client address with these proxies. */
    public ClientAddress clientAddress() {
        return clientAddress;
    }
}
