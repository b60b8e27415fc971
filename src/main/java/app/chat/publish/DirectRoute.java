package app.chat.publish;

import app.chat.publish.ChatPublisher.Outgoing;
import java.util.List;

/**
 * The broker of this JVM taking committed events straight into its router, without a JMS session,
 * a pooled connection or the in-VM transport in between. Only for what must leave now and outside
 * any transaction (the message writer's batches, after their commit). The broker package provides
 * it; while the broker cannot route (before it started, after it stopped) {@link ChatPublisher}
 * publishes through JMS instead.
 */
public interface DirectRoute {

    /**
     * Routes {@code messages} in order and says how many it routed: fewer than all when it failed
     * part-way (the caller sends the rest another way, so nothing goes out twice), 0 when it cannot
     * route now.
     */
    int route(List<Outgoing> messages);
}
