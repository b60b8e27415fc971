package app.chat.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the web client is told at start, read from MicroProfile Config; the defaults are in
 * microprofile-config.properties only. Read them through the methods: callers hold a CDI proxy.
 */
@ApplicationScoped
public class WebSettings {

    @Inject
    @ConfigProperty(name = "chat.stomp.port")
    int stompPort;

    @Inject
    @ConfigProperty(name = "chat.web.stomp-url")
    Optional<String> stompUrl;

    @Inject
    @ConfigProperty(name = "chat.tls.keystore")
    Optional<String> tlsKeystore;

    @Inject
    @ConfigProperty(name = "chat.text.max-length")
    int maxTextLength;

    /** The broker's STOMP port, for the URL derived from the page's host. */
    public int stompPort() {
        return stompPort;
    }

    /** The STOMP URL to use instead of the derived one (e.g. behind a proxy), if set. */
    public Optional<String> stompUrl() {
        return stompUrl;
    }

    /** True when the STOMP port speaks TLS (a keystore is set): the derived URL is wss://. */
    public boolean stompTls() {
        return tlsKeystore.isPresent();
    }

    /** Longest message text, so the client can say so before sending. */
    public int maxTextLength() {
        return maxTextLength;
    }
}
