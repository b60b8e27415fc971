package bench;

import java.lang.management.ManagementFactory;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Is the generator itself the limit? Its CPU over a step (process CPU time / wall time, in cores)
 * and its send lag: how late each SEND left the generator compared with its intended time.
 */
final class GeneratorMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    final Histogram sendLagMicros = new ConcurrentHistogram(60_000_000L, 3);
    private long cpuStart;
    private long wallStart;
    private long cpuNanos;
    private long wallNanos;

    void start() {
        cpuStart = OS.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    void stop() {
        cpuNanos = OS.getProcessCpuTime() - cpuStart;
        wallNanos = System.nanoTime() - wallStart;
    }

    void sent(long intendedNanos) {
        sendLagMicros.recordValue(Math.max(0, (System.nanoTime() - intendedNanos) / 1000));
    }

    /** CPU in cores (1.0 = one core busy all the time). */
    double cpuCores() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }
}
