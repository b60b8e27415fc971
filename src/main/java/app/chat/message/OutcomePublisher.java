package app.chat.message;

import app.chat.publish.ChatPublisher;
import app.chat.publish.ChatPublisher.Outgoing;
import app.chat.publish.Destinations;
import app.chat.platform.ChatJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns outcomes into what subscribers and senders receive: a stored message goes to its room, an
 * ack to its sender and a mention event to each member it mentions; a duplicate gets the original ack again; a rejection its error.
 */
@ApplicationScoped
class OutcomePublisher {

    private static final System.Logger LOG = System.getLogger(OutcomePublisher.class.getName());

    @Inject
    ChatPublisher publisher;

    @Inject
    ChatJson json;

    @Inject
    MessageMetrics metrics;

    /**
     * Publishes a committed batch, in its order and after the batches before it (so each room's events
     * reach subscribers in seq order; only the writer calls this). The
     * messages are stored whatever happens here: a failure is logged, not thrown, and subscribers
     * that missed an event see the gap in seq and read it from history, as after a reconnect.
     */
    void publish(List<PendingMessage> batch, List<Outcome> outcomes) {
        List<Outgoing> out = new ArrayList<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            add(out, batch.get(i).sender, outcomes.get(i));
        }
        try {
            publisher.publishInOrder(out);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publishing a stored batch of " + batch.size() + " failed; its messages are in history", e);
        }
    }

    /** Publishes one outcome at once, or within the caller's transaction if it has one (a rejection the MDB decided alone). */
    void publishNow(String sender, Outcome outcome) {
        List<Outgoing> out = new ArrayList<>(2);
        add(out, sender, outcome);
        publisher.publish(out);
    }

    private void add(List<Outgoing> out, String sender, Outcome outcome) {
        if (!(outcome instanceof Outcome.Stored s && s.event() instanceof MemberEvent)) {
            metrics.counted(outcome); // the counters count what clients sent, not the server's own entries
        }
        String userTopic = Destinations.userTopic(sender);
        if (outcome instanceof Outcome.Stored s) {
            out.add(new Outgoing(Destinations.roomTopic(s.event().roomId()), json.write(s.event()), s.event().seq()));
            if (s.ack() != null) {
                out.add(new Outgoing(userTopic, json.write(s.ack())));
            }
            for (String member : s.mentioned()) {
                out.add(new Outgoing(Destinations.userTopic(member), json.write(MentionEvent.of((ChatEvent) s.event()))));
            }
        } else if (outcome instanceof Outcome.Duplicate d) {
            if (d.ack() != null) {
                out.add(new Outgoing(userTopic, json.write(d.ack())));
            }
        } else if (outcome instanceof Outcome.Rejected r) {
            LOG.log(Level.DEBUG, "Rejected a message from {0}: {1}", sender, r.rejection().code());
            out.add(new Outgoing(userTopic, json.write(r.rejection())));
        }
    }
}
