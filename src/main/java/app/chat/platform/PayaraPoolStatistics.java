package app.chat.platform;

import static app.chat.platform.ServerInternals.call;
import static app.chat.platform.ServerInternals.field;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Payara's pool of the chat's datasource, read from the pool itself: the datasource the chat looks
 * up (the JDBC resource adapter's {@code AbstractDataSource}) names its pool in its connection
 * manager, and Payara's {@code PoolManager} has it ({@code ConnectionPool}: free and used connections,
 * maximum, wait queue). Payara's own monitoring of connection pools showed no AMX MBean for this
 * pool (jdbc-connection-pool at HIGH from postboot.txt, AMX started), and would add no maximum; wait
 * times and timeouts, which only that monitoring counts, are therefore not exported on Payara. The classes are Payara's internals, hence reflection;
 * where a step is gone the chat has no pool meters and says so at start-up.
 */
final class PayaraPoolStatistics implements ConnectionPoolStatistics {

    private final Object pool;

    private PayaraPoolStatistics(Object pool) {
        this.pool = pool;
    }

    static Optional<ConnectionPoolStatistics> of(DataSource dataSource) {
        if (!dataSource.getClass().getName().startsWith("com.sun.gjc.")) {
            return Optional.empty();
        }
        try {
            Object connectionManager = field(dataSource, "cm");
            Object poolInfo = field(connectionManager, "poolInfo");
            Class<?> runtime = Class.forName("com.sun.enterprise.connectors.ConnectorRuntime", true,
                    connectionManager.getClass().getClassLoader());
            Object poolManager = call(runtime.getMethod("getRuntime").invoke(null), "getPoolManager");
            Object pool = call(poolManager, "getPool", poolInfo);
            if (pool == null) {
                throw new IllegalStateException("no pool " + poolInfo);
            }
            return Optional.of(new PayaraPoolStatistics(pool));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(PayaraPoolStatistics.class.getName()).log(System.Logger.Level.WARNING,
                    "Payara's pool of " + ChatApplication.DATASOURCE + " is not where this build looks for it ("
                            + dataSource.getClass().getName() + "): " + e);
            return Optional.empty();
        }
    }

    @Override
    public Set<PoolStatistic> available() {
        return EnumSet.of(PoolStatistic.ACTIVE, PoolStatistic.IDLE, PoolStatistic.MAX, PoolStatistic.PENDING);
    }

    @Override
    public double read(PoolStatistic statistic) {
        try {
            return switch (statistic) {
                case ACTIVE -> number(call(call(pool, "getPoolStatus"), "getNumConnUsed"));
                case IDLE -> number(call(call(pool, "getPoolStatus"), "getNumConnFree"));
                case MAX -> number(call(pool, "getMaxPoolSize"));
                case PENDING -> number(call(pool, "getWaitQueueLength"));
                case WAITS, WAIT_SECONDS, TIMEOUTS -> Double.NaN;
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public String toString() {
        return "Payara's pool of " + ChatApplication.DATASOURCE + " (" + pool.getClass().getName() + ")";
    }
}
