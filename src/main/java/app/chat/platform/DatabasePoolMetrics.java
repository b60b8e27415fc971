package app.chat.platform;

import app.chat.platform.ConnectionPoolStatistics.PoolStatistic;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database pool's side of /metrics: the server's own statistics of the chat's pool (the pool is
 * the server's), read when scraped, under the same names on every server. What a server does not
 * keep is not exported (README: Payara's pool counts no waits, wait times or timeouts).
 */
@ApplicationScoped
public class DatabasePoolMetrics {

    private static final System.Logger LOG = System.getLogger(DatabasePoolMetrics.class.getName());

    @Inject
    ChatMetrics metrics;

    @Resource(lookup = ChatApplication.DATASOURCE)
    DataSource dataSource;

    /** held here: the counters keep only a weak reference to what they read */
    private ConnectionPoolStatistics pool;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Optional<ConnectionPoolStatistics> found = WildFlyPoolStatistics.of(dataSource)
                .or(() -> PayaraPoolStatistics.of(dataSource));
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Neither Payara's nor WildFly's pool of "
                    + ChatApplication.DATASOURCE + " was found: /metrics has no chat_db_pool_* meters");
            return;
        }
        pool = found.get();
        MeterRegistry registry = metrics.registry();
        for (PoolStatistic statistic : pool.available()) {
            switch (statistic) {
                case ACTIVE, IDLE, MAX, PENDING -> Gauge.builder("chat.db.pool.connections", pool, p -> p.read(statistic))
                        .tag("state", statistic.name().toLowerCase(Locale.ROOT))
                        .description("the database pool's connections: in use (active), open and free (idle),"
                                + " its maximum (max), requests waiting for one (pending)")
                        .strongReference(true).register(registry);
                case WAITS -> counter(registry, pool, statistic, "chat.db.pool.waits", null,
                        "requests that had to wait for a database connection");
                case WAIT_SECONDS -> counter(registry, pool, statistic, "chat.db.pool.wait", "seconds",
                        "time spent obtaining database connections from the pool");
                case TIMEOUTS -> counter(registry, pool, statistic, "chat.db.pool.timeouts", null,
                        "requests that got no database connection in time");
            }
        }
        LOG.log(System.Logger.Level.INFO, "/metrics reads the database pool from " + pool);
    }

    private static void counter(MeterRegistry registry, ConnectionPoolStatistics pool, PoolStatistic statistic,
                                String name, String unit, String description) {
        FunctionCounter.builder(name, pool, p -> p.read(statistic))
                .baseUnit(unit).description(description).register(registry);
    }
}
