package app.chat.platform;

import java.util.Set;

/**
 * What one server tells about the pool behind {@link ChatApplication#DATASOURCE}: the pool is the
 * server's, so its numbers are too. One small implementation per server ({@link PayaraPoolStatistics},
 * {@link WildFlyPoolStatistics}), reading the server's pool object when /metrics is scraped
 * ({@link DatabasePoolMetrics}).
 */
interface ConnectionPoolStatistics {

    /** The statistics this server keeps; the others are not exported at all. */
    Set<PoolStatistic> available();

    /** The statistic now; NaN when the pool cannot be read. */
    double read(PoolStatistic statistic);

    enum PoolStatistic {
        /** connections handed out and not yet given back */
        ACTIVE,
        /** connections open in the pool, waiting to be handed out */
        IDLE,
        /** the pool's maximum size */
        MAX,
        /** requests waiting for a connection now */
        PENDING,
        /** requests that had to wait for a connection, since the start (a counter) */
        WAITS,
        /** time spent obtaining connections (opening new ones included), in seconds, since the start (a counter) */
        WAIT_SECONDS,
        /** requests that got no connection in time, since the start (a counter) */
        TIMEOUTS
    }
}
