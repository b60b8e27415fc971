package app.chat.testing;

import app.chat.stompcodec.StompFrame;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reading chat JSON out of STOMP frames, and waiting for the ones a test expects. */
public final class Chat {

    private Chat() {
    }

    /** The body of a chat SEND, written by JSON-P. */
    public static String send(long roomId, String text, String clientMsgId) {
        var json = ChatApi.JSON.createObjectBuilder().add("roomId", roomId).add("text", text);
        return (clientMsgId == null ? json.addNull("clientMsgId") : json.add("clientMsgId", clientMsgId)).build().toString();
    }

    /** The body of a SEND to /app/chat.edit. */
    public static String edit(long roomId, long messageId, String text, String clientMsgId) {
        return ChatApi.JSON.createObjectBuilder().add("roomId", roomId).add("messageId", messageId).add("text", text)
                .add("clientMsgId", clientMsgId).build().toString();
    }

    /** The body of a SEND to /app/chat.delete. */
    public static String delete(long roomId, long messageId, String clientMsgId) {
        return ChatApi.JSON.createObjectBuilder().add("roomId", roomId).add("messageId", messageId)
                .add("clientMsgId", clientMsgId).build().toString();
    }

    /** A JSON string literal (JSON-P's escaping), or {@code null}. */
    public static String quote(String s) {
        return s == null ? "null" : ChatApi.JSON.createValue(s).toString();
    }

    /** The JSON body of a MESSAGE frame; fails on anything else. */
    public static JsonObject body(StompFrame frame) {
        if (frame == null) {
            throw new AssertionError("no frame arrived in time");
        }
        if (!"MESSAGE".equals(frame.command())) {
            throw new AssertionError("expected a MESSAGE, got " + frame);
        }
        return (JsonObject) ChatApi.parse(frame.body());
    }

    /** The next MESSAGE body whose JSON matches, skipping others; null when none comes in time. */
    public static JsonObject next(StompClient client, Predicate<JsonObject> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            StompFrame f = client.next(Math.min(left, 1));
            if (f != null && "MESSAGE".equals(f.command())) {
                JsonObject json = (JsonObject) ChatApi.parse(f.body());
                if (wanted.test(json)) {
                    return json;
                }
            }
        }
        return null;
    }

    /** Collects MESSAGE bodies until {@code count} arrived or the time is up. */
    public static List<JsonObject> collect(StompClient client, int count, long seconds) throws InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (out.size() < count && System.nanoTime() < deadline) {
            StompFrame f = client.next(1);
            if (f != null && "MESSAGE".equals(f.command())) {
                out.add((JsonObject) ChatApi.parse(f.body()));
            }
        }
        return out;
    }

    public static Predicate<JsonObject> type(String type) {
        return json -> type.equals(json.getString("type", null));
    }

    public static Predicate<JsonObject> clientMsgId(String id) {
        return json -> id.equals(json.getString("clientMsgId", null));
    }
}
