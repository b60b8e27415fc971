package app.chat.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the broker is active and the chat.send MDB is listening, and not while its disk is
 * over chat.broker.max-disk-usage (it refuses every send then: a load balancer should look elsewhere).
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    BrokerLifecycle broker;

    @Inject
    DeadLetters deadLetters;

    @Override
    public HealthCheckResponse call() {
        boolean active = broker.isReady();
        int consumers = active ? broker.chatSendConsumers() : 0;
        boolean diskFull = active && broker.diskFull();
        var response = HealthCheckResponse.named("broker")
                .status(active && consumers > 0 && !diskFull)
                .withData("active", active)
                .withData("diskFull", diskFull)
                .withData("chatSendConsumers", consumers)
                .withData("deadLetters", active ? deadLetters.count() : 0);
        broker.chatSendBacklog().forEach((name, value) -> response.withData("chatSend." + name, value));
        return response.build();
    }
}
