package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadPoolExecutor;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.junit.jupiter.api.Test;

class ClientThreadsTest {

    @Test
    void growsThePoolTheAdapterAlreadyMadeAndTheOneItWouldMake() {
        var pool = (ThreadPoolExecutor) ActiveMQClient.getGlobalThreadPool(); // made before, as by an early MDB activation
        int wanted = Math.max(pool.getMaximumPoolSize(), ActiveMQClient.getGlobalThreadPoolSize()) + 40;

        assertEquals(wanted, ClientThreads.atLeast(wanted));
        assertEquals(wanted, pool.getMaximumPoolSize());
        assertEquals(wanted, ActiveMQClient.getGlobalThreadPoolSize(), "a pool made after a clearThreadPools()");
    }

    @Test
    void neverShrinksIt() {
        int big = ClientThreads.atLeast(ActiveMQClient.getGlobalThreadPoolSize() + 10);

        assertEquals(big, ClientThreads.atLeast(2));
        assertTrue(((ThreadPoolExecutor) ActiveMQClient.getGlobalThreadPool()).getMaximumPoolSize() >= big);
    }
}
