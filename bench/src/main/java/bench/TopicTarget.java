package bench;

/** A target where senders publish straight to /topic/room.N with no login: the baseline and the mock. */
abstract class TopicTarget extends Target {

    @Override
    void prepare(int rooms, int subscribersPerRoom, int senders) {
        // nothing to set up: no users, no rooms, no security
    }

    @Override
    String login(String role, int index) {
        return null;
    }

    @Override
    String roomDestination(int room) {
        return "/topic/room." + (room + 1);
    }

    @Override
    String sendDestination(int room) {
        return roomDestination(room);
    }

    /** Shaped like the chat's broadcast event, so both carry bodies of about the same size. */
    @Override
    String body(int room, String tag, String clientMsgId) {
        return JSON.createObjectBuilder().add("type", "message").add("roomId", room + 1).add("text", tag).add("clientMsgId", clientMsgId)
                .build().toString();
    }
}
