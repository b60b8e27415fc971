package app.chat.broker;

import java.util.concurrent.ThreadPoolExecutor;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

/**
 * Artemis' global client thread pool, shared by the resource adapter's connections (the WAR sees the
 * adapter's classes, so this is the adapter's pool). Each chat.send MDB session runs its onMessage on
 * one of these threads and holds it while the message writer stores the batch, so this pool, not
 * {@code maxSession}, bounds how many messages can wait for, and share, one commit. Its default is 8
 * threads per core: a chat given one core (a small container, the pinned bench) would batch at most
 * ~8 messages per commit whatever the load. Grown, never shrunk, before the broker starts.
 */
final class ClientThreads {

    private ClientThreads() {
    }

    /**
     * Makes the pool allow at least {@code threads} threads, whether the adapter already made it
     * (an MDB activation that tried to connect before the broker was up) or makes it later.
     *
     * @return the pool's maximum now
     */
    static synchronized int atLeast(int threads) {
        int now = ActiveMQClient.getGlobalThreadPoolSize();
        if (now != -1 && now < threads) { // -1 is unbounded already
            ActiveMQClient.setGlobalThreadPoolProperties(threads,
                    ActiveMQClient.getGlobalScheduledThreadPoolSize(), ActiveMQClient.getGlobalFlowControlThreadPoolSize());
        }
        if (ActiveMQClient.getGlobalThreadPool() instanceof ThreadPoolExecutor pool) {
            if (pool.getMaximumPoolSize() < threads) {
                pool.setMaximumPoolSize(threads);
            }
            return pool.getMaximumPoolSize();
        }
        return ActiveMQClient.getGlobalThreadPoolSize();
    }
}
