package app.chat.message;

import app.chat.broker.ChatPublisher;
import app.chat.broker.ChatPublisher.Outgoing;
import app.chat.broker.Destinations;
import app.chat.platform.ChatJson;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Consumes /app/chat.send. Validation, storage and the republish to the room topic and the
 * sender's user topic share the container's JTA transaction: on any failure the whole thing rolls
 * back and the broker redelivers (then dead-letters) the message; nothing half-done is visible.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "chat-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.CHAT_SEND),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
        // the broker starts with this application, possibly after the MDB activates: keep trying
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")})
public class ChatMessageConsumer implements MessageListener {

    private static final System.Logger LOG = System.getLogger(ChatMessageConsumer.class.getName());

    @Inject
    MessageService messages;

    @Inject
    ChatPublisher publisher;

    @Inject
    ChatJson json;

    @Override
    public void onMessage(Message message) {
        try {
            String sender = message.getStringProperty(Destinations.VALIDATED_USER);
            if (sender == null) {
                // the broker rejects unauthenticated sends; this is an operator's or a bug's message
                LOG.log(Level.WARNING, "Dropped chat.send message {0} without an authenticated sender",
                        message.getJMSMessageID());
                return;
            }
            String body = body(message);
            Outcome outcome = body != null
                    ? messages.accept(sender, body, message.getJMSMessageID(), !message.getJMSRedelivered())
                    : new Outcome.Rejected(new Rejection(null, ErrorCode.INVALID_JSON, "the body is not valid UTF-8"));
            publish(sender, outcome);
        } catch (JMSException e) {
            throw new IllegalStateException("JMS failure; the message will be redelivered", e);
        }
    }

    private void publish(String sender, Outcome outcome) throws JMSException {
        String userTopic = Destinations.userTopic(sender);
        if (outcome instanceof Outcome.Stored s) {
            publisher.publish(new Outgoing(Destinations.roomTopic(s.event().roomId()), json.write(s.event())),
                    new Outgoing(userTopic, json.write(s.ack())));
        } else if (outcome instanceof Outcome.Duplicate d) {
            publisher.publish(new Outgoing(userTopic, json.write(d.ack())));
        } else if (outcome instanceof Outcome.Rejected r) {
            LOG.log(Level.DEBUG, "Rejected a message from {0}: {1}", sender, r.rejection().code());
            publisher.publish(new Outgoing(userTopic, json.write(r.rejection())));
        }
    }

    /** The body as text; null when it is not valid UTF-8. stomp.js sends bytes (it sets content-length). */
    private static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] raw = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(raw);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return "";
    }
}
