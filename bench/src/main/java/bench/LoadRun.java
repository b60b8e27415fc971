package bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Subscribers and senders connected to one target for one shape; {@link #step} holds a rate for a
 * while, open loop: each message has an intended send time, latency counts from it (so a stalled
 * sender does not hide the stall), and senders never wait for the answers.
 */
final class LoadRun implements AutoCloseable {

    static final int SENDERS = 4;
    private static final Pattern TAG = Pattern.compile("t(\\d+)n(\\d+)s(\\d+)");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final Target target;
    private final Shape shape;
    private final List<StompConnection> subscribers = new ArrayList<>();
    private final List<StompConnection> senders = new ArrayList<>();
    private volatile Counting current;

    LoadRun(Target target, Shape shape) throws Exception {
        this.target = target;
        this.shape = shape;
        target.prepare(shape.rooms(), shape.perRoom(), SENDERS);
        for (int r = 0; r < shape.rooms(); r++) {
            for (int i = 0; i < shape.perRoom(); i++) {
                var seen = new SubscriberState();
                StompConnection c = StompConnection.open(target.stomp(), target.login("u", i), ChatTarget.PASSWORD,
                        body -> current.received(seen, body));
                c.subscribe(target.roomDestination(r));
                subscribers.add(c);
            }
        }
        for (int s = 0; s < SENDERS; s++) {
            senders.add(StompConnection.open(target.stomp(), target.login("u", s), ChatTarget.PASSWORD, body -> { }));
        }
    }

    Step step(int rep, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        Counting counting = new Counting(total);
        current = counting;
        long cpuBefore = target.cpu().toNanos();
        long start = System.nanoTime() + 50_000_000L;
        for (int k = 0; k < total; k++) {
            long intended = start + (long) (k * 1e9 / rate);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int sender = k % SENDERS;
            int room = k % shape.rooms();
            String tag = "t" + intended + "n" + k + "s" + sender;
            senders.get(sender).sendMessage(target.sendDestination(room), target.body(room, tag, "m" + start + "-" + k));
        }
        long expected = (long) total * shape.perRoom();
        long drainUntil = System.nanoTime() + 10_000_000_000L;
        while (counting.delivered.get() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (target.cpu().toNanos() - cpuBefore) / 1e9;
        Thread.sleep(200); // late duplicates would show here
        return new Step(target.name(), shape, rep, rate, Math.min(elapsed, seconds + 10.0), total, expected,
                counting.delivered.get(), counting.duplicated.get(), counting.outOfOrder.get(), counting.latency.copy(), cpu);
    }

    /** What one subscriber saw in the current step. */
    static final class SubscriberState {
        BitSet seen;
        Counting of;
        final Map<Integer, Long> lastFromSender = new HashMap<>();
        long lastSeq = -1;
    }

    static final class Counting {
        final int total;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final Histogram latency = new ConcurrentHistogram(60_000_000L, 3);

        Counting(int total) {
            this.total = total;
        }

        void received(SubscriberState s, String body) {
            long now = System.nanoTime();
            var m = TAG.matcher(body);
            if (!m.find()) {
                return;
            }
            synchronized (s) {
                if (s.of != this) {
                    s.of = this;
                    s.seen = new BitSet(total);
                    s.lastFromSender.clear();
                    s.lastSeq = -1;
                }
                int n = Integer.parseInt(m.group(2));
                if (s.seen.get(n)) {
                    duplicated.incrementAndGet();
                    return;
                }
                s.seen.set(n);
                int sender = Integer.parseInt(m.group(3));
                Long last = s.lastFromSender.put(sender, (long) n);
                var seq = SEQ.matcher(body);
                long seqValue = seq.find() ? Long.parseLong(seq.group(1)) : -1;
                if ((last != null && last > n) || (seqValue >= 0 && s.lastSeq >= 0 && seqValue <= s.lastSeq)) {
                    outOfOrder.incrementAndGet();
                }
                if (seqValue >= 0) {
                    s.lastSeq = seqValue;
                }
            }
            delivered.incrementAndGet();
            latency.recordValue(Math.max(0, (now - Long.parseLong(m.group(1))) / 1000));
        }
    }

    @Override
    public void close() {
        subscribers.forEach(StompConnection::close);
        senders.forEach(StompConnection::close);
    }
}
