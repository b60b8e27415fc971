package app.chat.publish;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads what a client sent: STOMP frames arrive as text or, when they carry content-length, as bytes. */
public final class MessageBodies {

    private MessageBodies() {
    }

    /**
     * The body as text; null when it is not valid UTF-8 (decoded strictly: a replacement character
     * would hide the sender's mistake), empty for a message of another kind. stomp.js sends bytes
     * (it sets content-length).
     */
    public static String text(Message message) throws JMSException {
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
