package bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one fixed rate held for a while against one target (attempt 2 is the retry of a failed rate);
 * {@code serverCpuByThread}: the servers' CPU seconds by thread group ({@link ThreadCpu}), empty where /proc is not.
 */
record Step(String target, Shape shape, int rep, int rate, int attempt, double seconds, long sent, long expected, long delivered,
            long duplicated, long outOfOrder, Histogram latencyMicros, double serverCpuSeconds, double generatorCpuCores,
            Histogram sendLagMicros, Map<String, Double> serverCpuByThread) {

    static final double P99_LIMIT_MS = 100;

    long lost() {
        return Math.max(0, expected - delivered);
    }

    boolean clean() {
        return lost() == 0 && duplicated == 0 && outOfOrder == 0;
    }

    /** The generator, not the target, may have been the limit: its figures say nothing about the target. */
    boolean generatorBound(GeneratorBudget budget) {
        return budget.exceededBy(this);
    }

    /** Below the knee: everything arrived, once, in order, p99 under 100 ms, and the generator kept up. */
    boolean passes(GeneratorBudget budget) {
        return clean() && p(99) < P99_LIMIT_MS && !generatorBound(budget);
    }

    String verdict(GeneratorBudget budget) {
        if (generatorBound(budget)) {
            return "GENERATOR-BOUND";
        }
        if (!clean()) {
            return "LOST/DUP/OOO";
        }
        return p(99) < P99_LIMIT_MS ? "pass" : "p99>100ms";
    }

    double p(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double lag(double percentile) {
        return sendLagMicros.getTotalCount() == 0 ? Double.NaN : sendLagMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double lagMax() {
        return sendLagMicros.getTotalCount() == 0 ? Double.NaN : sendLagMicros.getMaxValue() / 1000.0;
    }

    /** Measured: delivered over the step's time including its drain, so a little under offered even when all arrived. */
    double deliveriesPerSecond() {
        return delivered / seconds;
    }

    /** What the step asked of the target: a passing step delivered all of it. */
    double offeredDeliveriesPerSecond() {
        return (double) rate * shape.perRoom();
    }

    double serverCpuMsPerMessage() {
        return sent == 0 ? Double.NaN : serverCpuSeconds * 1000.0 / sent;
    }

    double serverCpuMsPer1000Deliveries() {
        return delivered == 0 ? Double.NaN : serverCpuSeconds * 1_000_000.0 / delivered;
    }
}
