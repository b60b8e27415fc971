package app.chat.message;

import app.chat.publish.Destinations;
import app.chat.publish.MessageBodies;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes the chat.send queue: sends, and the edits and deletes that broker.xml diverts there from
 * /app/chat.edit and /app/chat.delete (the address a client used is stamped in
 * {@link Destinations#SENT_TO}). What the body alone decides (JSON, text rules) is answered here; a
 * well-formed message goes to the {@link MessageWriter}, which stores it together with whatever
 * else is waiting (group commit) and publishes it, and this bean returns only after that: the
 * broker forgets the message (the adapter commits its acknowledgement) once it is stored. If storing
 * fails or takes too long, this throws, the acknowledgement rolls back and the broker redelivers
 * (then dead-letters) the message; a redelivery of a stored message is acked, not stored again.
 *
 * <p>The acknowledgement is the adapter's local transaction ({@code useLocalTx}), not a container
 * (XA) transaction: the database work has its own transaction in the writer, so the container's
 * would hold the acknowledgement alone, and XA costs two more blocking round trips to the broker per
 * message (start and end) around the same one-phase commit. A rejection this bean publishes leaves
 * at once, before the acknowledgement commits: if the node dies in between, the redelivery sends it again.
 *
 * <p>The broker groups messages by sender and room ({@code InboundGuard}), so a person's messages to
 * a room come here one after the other while everything else is handled in parallel, up to
 * {@code maxSession}: that many messages can share one batch.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "chat-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.CHAT_SEND),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        // each session waits while its message is written: the more sessions, the larger a batch can be.
        // They run on Artemis' global client pool, which BrokerLifecycle grows to chat.broker.client-threads
        // (64) so that threads are left for the adapter's own work while every session waits. Not more
        // than Payara's MDB pool (32 beans): a session it cannot give a bean fails the whole activation,
        // which then retries for good ("awaiting server availability") and consumes nothing
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "32"),
        // the broker starts with this application, possibly after the MDB activates: keep trying
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500"),
        // with NOT_SUPPORTED below: the adapter acknowledges in a local transaction of its session,
        // committed after onMessage returns and rolled back if it throws
        @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatMessageConsumer implements MessageListener {

    private static final System.Logger LOG = System.getLogger(ChatMessageConsumer.class.getName());

    @Inject
    MessageService messages;

    @Inject
    MessageWriter writer;

    @Inject
    OutcomePublisher publisher;

    @Inject
    MessageSettings settings;

    @Inject
    MessageMetrics metrics;

    @Override
    public void onMessage(Message message) {
        try {
            String sender = message.getStringProperty(Destinations.VALIDATED_USER);
            String sentTo = message.getStringProperty(Destinations.SENT_TO);
            if (sender == null && Destinations.MEMBER_CHANGE.equals(sentTo)) {
                // the server's own (queued in-VM): a client's message always has a sender and its own sentTo
                recordMemberChange(message);
                return;
            }
            if (sender == null) {
                // the broker rejects unauthenticated sends; this is an operator's or a bug's message
                LOG.log(Level.WARNING, "Dropped chat.send message {0} without an authenticated sender",
                        message.getJMSMessageID());
                return;
            }
            if (sentTo == null) {
                sentTo = Destinations.CHAT_SEND; // queued by a release before edits existed
            } else if (!Destinations.isCommand(sentTo)) {
                LOG.log(Level.WARNING, "Dropped message {0} sent to {1}, which is no chat command",
                        message.getJMSMessageID(), sentTo);
                return;
            }
            if (message.getJMSRedelivered()) {
                metrics.redelivered();
            }
            String body = MessageBodies.text(message);
            var checked = body != null ? messages.check(sentTo, body)
                    : new CommandParser.Invalid(new Rejection(null, ErrorCode.INVALID_JSON, "the body is not valid UTF-8"));
            if (checked instanceof CommandParser.Invalid invalid) {
                LOG.log(Level.DEBUG, "Rejected a message from {0}: {1}", sender, invalid.rejection().code());
                publisher.publishNow(sender, new Outcome.Rejected(invalid.rejection()));
                return;
            }
            var command = ((CommandParser.Command) checked).command();
            awaitStored(writer.submit(new PendingMessage(sender, command, message.getJMSMessageID(), !message.getJMSRedelivered())));
        } catch (JMSException e) {
            throw new IllegalStateException("JMS failure; the message will be redelivered", e);
        }
    }

    private void recordMemberChange(Message message) throws JMSException {
        MemberCommand change = CommandParser.parseMemberChange(MessageBodies.text(message));
        if (change == null) {
            LOG.log(Level.WARNING, "Dropped membership change {0}, which is not one", message.getJMSMessageID());
            return;
        }
        awaitStored(writer.submit(new PendingMessage(change.by(), change, message.getJMSMessageID(), !message.getJMSRedelivered())));
    }

    private void awaitStored(CompletableFuture<Outcome> outcome) {
        int waitSeconds = settings.writerWaitSeconds();
        try {
            outcome.get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing failed; the message will be redelivered", e.getCause());
        } catch (TimeoutException e) {
            // withdrawn, so that the writer does not store (and charge the sender's rate for) a copy
            // nobody waits for; if it is being written right now, the redelivery finds it stored
            outcome.completeExceptionally(e);
            throw new IllegalStateException("storing took over " + waitSeconds + " s; the message will be redelivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; the message will be redelivered", e);
        }
    }
}
