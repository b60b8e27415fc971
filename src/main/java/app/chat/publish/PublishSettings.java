package app.chat.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The publisher's setting, read from MicroProfile Config; the default is in
 * microprofile-config.properties only. Read it through the method: callers hold a CDI proxy.
 */
@ApplicationScoped
public class PublishSettings {

    @Inject
    @ConfigProperty(name = "chat.publisher.known-topics")
    int knownTopics;

    /** Room and user topics the publisher remembers as checked. */
    public int knownTopics() {
        return knownTopics;
    }
}
