package app.chat.message;

import app.chat.platform.DatabaseFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit. MDB sessions hand their messages here and wait; one writer thread takes everything
 * that is waiting (up to {@code chat.writer.max-batch}), stores it in one database transaction,
 * then publishes the room events in seq order and the senders' answers, and only then lets the
 * MDBs return (which acknowledges the messages to the broker). While a batch is being written the
 * next one gathers, so the busier the chat, the more messages share a commit.
 *
 * <p>A batch that fails is written again message by message, so that one bad message (a poison
 * message, a constraint another node won) fails alone and the others are not redelivered.
 * Nothing here is the truth about anything: seqs and idempotency keys live in the database, so
 * several nodes may each run a writer against one database.
 */
@ApplicationScoped
public class MessageWriter {

    private static final System.Logger LOG = System.getLogger(MessageWriter.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MessageService messages;

    @Inject
    OutcomePublisher publisher;

    @Inject
    MessageSettings settings;

    @Inject
    MessageMetrics metrics;

    /**
     * A quarter of the MDB's 32 sessions: with this many waiting the batch is worth its transaction
     * already, and a full node (batches of 10 and more) must not sleep between them.
     */
    private static final int LINGER_BELOW = 8;

    private final BlockingQueue<PendingMessage> waiting = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean stopped;

    /** Queues a message for the next batch; the future completes once it is stored and published. */
    CompletableFuture<Outcome> submit(PendingMessage message) {
        startOnce();
        waiting.add(message);
        return message.outcome;
    }

    private synchronized void startOnce() {
        if (writer == null && !stopped) {
            writer = threads.newThread(this::run);
            writer.setName("chat-message-writer");
            writer.start();
        }
    }

    private void run() {
        List<PendingMessage> batch = new ArrayList<>();
        while (!stopped) {
            try {
                lingerIfBusy();
                PendingMessage first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, settings.writerMaxBatch() - 1);
                batch.removeIf(p -> p.outcome.isDone()); // withdrawn by an MDB that stopped waiting
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // never let the only writer die: fail this batch (the broker redelivers) and go on
                batch.forEach(p -> p.outcome.completeExceptionally(e));
                LOG.log(Level.ERROR, "Message writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
        List<PendingMessage> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.outcome.completeExceptionally(new IllegalStateException("the chat is stopping")));
    }

    /**
     * Messages already waiting when the writer comes back for more mean load: then it sleeps a fixed
     * time before it takes them, so that more share the transaction, whose fixed cost is most of a small
     * batch's (bench/README.md, session 16). A sleep, not a wait on the queue: a timed wait there
     * would wake the writer at each arriving message (tried in session 11). An idle message finds the
     * queue empty and is taken at once.
     */
    private void lingerIfBusy() {
        int micros = settings.writerLingerMicros();
        if (lingers(micros, waiting.size())) {
            LockSupport.parkNanos(this, micros * 1000L);
        }
    }

    /** Whether the writer sleeps before its next batch, with this many messages waiting. */
    static boolean lingers(int lingerMicros, int queued) {
        return lingerMicros > 0 && queued > 0 && queued < LINGER_BELOW;
    }

    private void write(List<PendingMessage> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = store(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1 || DatabaseFailure.isUnreachable(e)) {
                // one message, or a database that is away: every message goes back to the broker,
                // which redelivers with back-off (one by one would wait on the database per message)
                LOG.log(Level.DEBUG, "Storing " + batch.size() + " message(s) failed; the broker will redeliver", e);
                batch.forEach(p -> p.outcome.completeExceptionally(e));
            } else {
                LOG.log(Level.DEBUG, "A batch of {0} failed; writing its messages one by one", batch.size());
                writeOneByOne(batch);
            }
            return;
        }
        publisher.publish(batch, outcomes);
        metrics.batchStored(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Stored) {
                metrics.broadcast(batch.get(i).receivedNanos);
            }
            batch.get(i).outcome.complete(outcomes.get(i));
        }
    }

    /**
     * Without looking up first deliveries' keys; a batch that fails on a unique key (a client's retry
     * of a stored message among them, or another node's writer storing the same key) is written once
     * more with every key looked up, which answers such a retry with its original ack. Any other
     * failure is the caller's, as before: it is not tried twice here.
     */
    private List<Outcome> store(List<PendingMessage> batch) {
        try {
            return messages.storeAll(batch, MessageService.EarlierCopies.TRUST_THE_UNIQUE_KEY);
        } catch (RuntimeException e) {
            if (!DatabaseFailure.isUniqueViolation(e)) {
                throw e;
            }
            LOG.log(Level.DEBUG, "A batch of {0} hit a unique key without look-ups; writing it again with them", batch.size());
            metrics.batchRewritten();
            return messages.storeAll(batch, MessageService.EarlierCopies.LOOK_UP_ALL);
        }
    }

    /**
     * After a failed batch: each message alone, so that only a culprit fails. Two failures in a row
     * are taken for a cause that is not one message's (the database), and the rest goes back to the
     * broker at once rather than waiting on the database once per message.
     */
    private void writeOneByOne(List<PendingMessage> batch) {
        int failuresInARow = 0;
        for (PendingMessage p : batch) {
            if (failuresInARow >= 2) {
                p.outcome.completeExceptionally(new IllegalStateException("not written: the messages before it failed too"));
                continue;
            }
            write(List.of(p));
            failuresInARow = p.outcome.isCompletedExceptionally() ? failuresInARow + 1 : 0;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = writer;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
