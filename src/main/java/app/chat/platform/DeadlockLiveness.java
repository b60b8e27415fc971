package app.chat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless some threads are deadlocked on monitors or locks: the one state the chat cannot leave
 * by itself, which only a restart cures. It looks at nothing outside the JVM on purpose: the database
 * and the broker have readiness checks, and an outage of either is ridden out, not restarted away.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("deadlocks").status(count == 0).withData("deadlockedThreads", count).build();
    }
}
