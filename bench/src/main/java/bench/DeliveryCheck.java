package bench;

import java.util.concurrent.atomic.AtomicBoolean;
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

    private final AtomicBoolean reorderingShown = new AtomicBoolean();

    /** Counts a reordering and prints the step's first one: which rule it broke says where to look. */
    void reordered(int sender, long index, long senderLast, long seq, long lastSeq) {
        outOfOrder.increment();
        if (reorderingShown.compareAndSet(false, true)) {
            System.out.printf("  first reordering of step %d: sender %d's message #%d after its #%d, seq %d after %d%n",
                    step, sender, index, senderLast, seq, lastSeq);
        }
    }

    DeliveryCheck(int step, int perRoomTotal) {
        this.step = step;
        this.perRoomTotal = perRoomTotal;
    }
}
