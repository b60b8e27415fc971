package bench;

import org.HdrHistogram.Histogram;

/** The outcome of one fixed rate held for a while against one target. */
record Step(String target, Shape shape, int rep, int rate, double seconds, long sent, long expected, long delivered,
            long duplicated, long outOfOrder, Histogram latencyMicros, double cpuSeconds) {

    long lost() {
        return Math.max(0, expected - delivered);
    }

    boolean clean() {
        return lost() == 0 && duplicated == 0 && outOfOrder == 0;
    }

    /** Below the knee: everything arrived, once, in order, and p99 stayed under 100 ms. */
    boolean passes() {
        return clean() && p(99) < 100;
    }

    double p(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double inPerSecond() {
        return sent / seconds;
    }

    double deliveriesPerSecond() {
        return delivered / seconds;
    }

    double cpuPer1000Deliveries() {
        return delivered == 0 ? Double.NaN : cpuSeconds * 1000.0 / delivered;
    }
}
