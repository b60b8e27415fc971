package app.chat.platform;

import static app.chat.platform.ServerInternals.call;
import static app.chat.platform.ServerInternals.field;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * WildFly's (IronJacamar's) statistics of the chat's pool, read from the pool itself. WildFly lists
 * only the datasources of its own configuration in its management model (and so as MBeans); a
 * datasource that a deployment defines, like the chat's in web.xml, is not there. So this follows the
 * datasource the chat looks up to its pool: WildFlyDataSource → IronJacamar's WrapperDataSource →
 * its connection manager → {@code Pool}, whose {@code PoolStatistics} (kept only once enabled, which
 * this does) are what the management model would show; its permits (a Semaphore of the pool's
 * maximum size) say how many requests wait for a connection now. The classes are WildFly's
 * internals, hence reflection ({@link ServerInternals}): on a WildFly where a step is gone the chat has
 * no pool meters and says so at start-up, nothing else breaks.
 */
final class WildFlyPoolStatistics implements ConnectionPoolStatistics {

    private final Semaphore permits;
    private final Object statistics;

    private WildFlyPoolStatistics(Semaphore permits, Object statistics) {
        this.permits = permits;
        this.statistics = statistics;
    }

    static Optional<ConnectionPoolStatistics> of(DataSource dataSource) {
        if (!dataSource.getClass().getName().startsWith("org.jboss.")) {
            return Optional.empty();
        }
        try {
            Object wrapper = dataSource.getClass().getName().endsWith(".WildFlyDataSource")
                    ? field(dataSource, "delegate") : dataSource;
            Object pool = call(field(wrapper, "cm"), "getPool");
            Object statistics = call(pool, "getStatistics");
            if (!Boolean.TRUE.equals(call(statistics, "isEnabled"))) {
                call(statistics, "setEnabled", true);
            }
            return Optional.of(new WildFlyPoolStatistics((Semaphore) call(pool, "getLock"), statistics));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(WildFlyPoolStatistics.class.getName()).log(System.Logger.Level.WARNING,
                    "WildFly's pool of " + ChatApplication.DATASOURCE + " is not where this build looks for it ("
                            + dataSource.getClass().getName() + "): " + e);
            return Optional.empty();
        }
    }

    @Override
    public Set<PoolStatistic> available() {
        return EnumSet.allOf(PoolStatistic.class);
    }

    @Override
    public double read(PoolStatistic statistic) {
        try {
            return switch (statistic) {
                case ACTIVE -> value("InUseCount");
                case IDLE -> value("IdleCount");
                case MAX -> ((Number) field(permits, "maxSize")).doubleValue();
                case PENDING -> permits.getQueueLength();
                case WAITS -> value("WaitCount");
                case WAIT_SECONDS -> value("TotalGetTime") / 1000;
                case TIMEOUTS -> value("BlockingFailureCount");
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** IronJacamar's StatisticsPlugin: every statistic by its name, as in WildFly's management model. */
    private double value(String name) throws ReflectiveOperationException {
        Object value = call(statistics, "getValue", name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public String toString() {
        return "WildFly's pool of " + ChatApplication.DATASOURCE + " (IronJacamar's pool statistics)";
    }
}
