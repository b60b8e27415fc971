package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Sent to /topic/user.{sender} when a message is refused; nothing was stored or broadcast. */
@JsonbPropertyOrder({"type", "clientMsgId", "code", "message"})
public record Rejection(String type, String clientMsgId, ErrorCode code, String message) {

    public Rejection(String clientMsgId, ErrorCode code, String message) {
        this("error", clientMsgId, code, message);
    }
}
