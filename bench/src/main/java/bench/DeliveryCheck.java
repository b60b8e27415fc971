package bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the subscribers saw during one step: deliveries, duplicates, reorderings and latency from
 * each message's intended send time. Each subscriber keeps its own state (see {@link LoadRun}).
 */
final class DeliveryCheck {

    final int step;
    final int perRoomTotal;
    final LongAdder delivered = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    final Histogram latencyMicros = new ConcurrentHistogram(60_000_000L, 3);

    DeliveryCheck(int step, int perRoomTotal) {
        this.step = step;
        this.perRoomTotal = perRoomTotal;
    }
}
