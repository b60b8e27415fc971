package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Sent to /topic/user.{sender} when a message is refused; nothing was stored or broadcast. */
@JsonbPropertyOrder({"type", "clientMsgId", "code", "message", "retryAfterMs"})
public record Rejection(String type, String clientMsgId, ErrorCode code, String message, Long retryAfterMs) {

    public Rejection(String clientMsgId, ErrorCode code, String message) {
        this("error", clientMsgId, code, message, null);
    }

    /** RATE_LIMITED: try again after that many milliseconds. */
    static Rejection rateLimited(String clientMsgId, long retryAfterMs) {
        return new Rejection("error", clientMsgId, ErrorCode.RATE_LIMITED,
                "too many messages; try again in " + retryAfterMs + " ms", retryAfterMs);
    }
}
