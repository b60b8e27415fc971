package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatProcess;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while messages are in flight. Not an Arquillian test: it has to kill the
 * server and start it again on the same journal and database, which a managed container cannot.
 * After the restart the clients do what a client must: resend what was not acked, with the same
 * clientMsgId. Every message must then be in history exactly once, every pre-crash ack must still
 * hold, and each room's seq must have no gap.
 */
class CrashRecoveryIT {

    static final int SENDERS = 10;
    static final int PER_SENDER = 30; // within the default burst: no rate limiting in the way

    @Test
    void killDashNineMidStreamLosesNothingAckedAndStoresNothingTwice() throws Exception {
        try (ChatProcess chat = new ChatProcess(ChatProcess.freshDataDir("crash"))) {
            Duration firstStart = chat.start();
            ChatApi api = new ChatApi(chat.root());
            String reader = api.newUser("reader");
            List<String> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(api.newUser("crash"));
            }
            long room = api.newRoom(reader, senders.toArray(String[]::new));

            Map<String, JsonObject> acked = new HashMap<>();
            List<StompClient> clients = connectAll(chat, senders);
            for (int n = 0; n < PER_SENDER; n++) {
                for (int s = 0; s < SENDERS; s++) {
                    clients.get(s).send("/app/chat.send", Chat.send(room, "m " + s + " " + n, id(s, n)));
                }
            }
            // let part of the stream be processed, then pull the plug
            long deadline = System.currentTimeMillis() + 30_000;
            while (acked.size() < SENDERS * PER_SENDER / 4 && System.currentTimeMillis() < deadline) {
                drainAcks(clients, acked);
            }
            chat.kill();
            int ackedBeforeCrash = acked.size();
            assertTrue(ackedBeforeCrash > 0 && ackedBeforeCrash < SENDERS * PER_SENDER,
                    "the crash hit mid-stream: " + ackedBeforeCrash + " acked");
            Map<String, JsonObject> beforeCrash = new HashMap<>(acked);
            clients.forEach(StompClient::close);

            Duration recovery = chat.start();
            clients = connectAll(chat, senders);
            for (int s = 0; s < SENDERS; s++) {
                for (int n = 0; n < PER_SENDER; n++) {
                    if (!acked.containsKey(id(s, n))) {
                        clients.get(s).send("/app/chat.send", Chat.send(room, "m " + s + " " + n, id(s, n)));
                    }
                }
            }
            deadline = System.currentTimeMillis() + 60_000;
            while (acked.size() < SENDERS * PER_SENDER && System.currentTimeMillis() < deadline) {
                drainAcks(clients, acked);
            }
            clients.forEach(StompClient::close);
            assertEquals(SENDERS * PER_SENDER, acked.size(), "every message acked after the resend");

            List<JsonObject> history = api.messageHistory(reader, room);
            assertEquals(SENDERS * PER_SENDER, history.size(), "stored once each");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                JsonObject m = history.get(i);
                assertEquals(SENDERS + i + 1L, m.getJsonNumber("seq").longValue(), "gapless seq, after the senders' joined events");
                assertTrue(ids.add(m.getString("clientMsgId")), "no duplicate " + m);
            }
            for (var before : beforeCrash.entrySet()) {
                JsonObject stored = history.stream().filter(m -> m.getString("clientMsgId").equals(before.getKey())).findFirst().orElseThrow();
                assertEquals(before.getValue().getJsonNumber("seq"), stored.getJsonNumber("seq"), "an ack is a promise");
                assertEquals(before.getValue().getJsonNumber("id"), stored.getJsonNumber("id"));
            }
            System.out.printf("crash recovery: first start %d ms, %d of %d acked before kill -9, restart to healthy %d ms, lost 0, duplicated 0%n",
                    firstStart.toMillis(), ackedBeforeCrash, SENDERS * PER_SENDER, recovery.toMillis());
        }
    }

    private static String id(int sender, int n) {
        return "c-" + sender + "-" + n;
    }

    private static List<StompClient> connectAll(ChatProcess chat, List<String> users) throws Exception {
        List<StompClient> clients = new ArrayList<>();
        for (String u : users) {
            StompClient c = StompClient.connect(chat.stompEndpoint(), u, ChatApi.PASSWORD);
            assertTrue(c.isConnected(), String.valueOf(c.connectReply));
            StompFrame receipt = c.subscribe("/topic/user." + u);
            assertNotNull(receipt);
            assertEquals("RECEIPT", receipt.command());
            clients.add(c);
        }
        return clients;
    }

    /** Takes the acks that have arrived, without waiting; pauses a moment when there were none. */
    private static void drainAcks(List<StompClient> clients, Map<String, JsonObject> acked) throws InterruptedException {
        int before = acked.size();
        for (StompClient c : clients) {
            drainAcks(c, acked);
        }
        if (acked.size() == before) {
            Thread.sleep(20);
        }
    }

    private static void drainAcks(StompClient client, Map<String, JsonObject> acked) throws InterruptedException {
        StompFrame f;
        while ((f = client.next(0)) != null) {
            if ("MESSAGE".equals(f.command())) {
                JsonObject json = Chat.body(f);
                if ("ack".equals(json.getString("type"))) {
                    acked.putIfAbsent(json.getString("clientMsgId"), json);
                }
            }
        }
    }
}
