package app.chat.it;

import static app.chat.testing.ChatPage.confirmed;
import static app.chat.testing.ChatPage.say;
import static app.chat.testing.ChatPage.shown;
import static app.chat.testing.ChatPage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.Balancer;
import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatPage;
import app.chat.testing.ChatProcess;
import app.chat.testing.Chromium;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Three chat nodes (their own ports, journals and data directories) on one PostgreSQL, an Artemis
 * cluster behind HAProxy, as cluster/run-local.sh starts them. Runs with -Ppostgres only: H2 is one
 * node's own database. The nodes are Payara Micro, or WildFly with -Pwildfly,postgres (each node a
 * server directory and port offset of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private final List<ChatProcess> nodes = new ArrayList<>();
    private Balancer balancer;
    private ChatApi api;

    @BeforeAll
    void startCluster() throws Exception {
        String password = "it-" + UUID.randomUUID();
        int balancerPort = ChatProcess.freePort();
        List<String> clusterAddresses = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            clusterAddresses.add("127.0.0.1:" + ChatProcess.freePort());
        }
        for (int n = 0; n < 3; n++) {
            nodes.add(new ChatProcess(ChatProcess.freshDataDir("cluster-node" + (n + 1)))
                    .with("chat.broker.name", "chat-node-" + (n + 1))
                    .with("chat.cluster.nodes", String.join(",", clusterAddresses))
                    .with("chat.cluster.port", clusterAddresses.get(n).substring("127.0.0.1:".length()))
                    .with("chat.cluster.password", password)
                    // as cluster/run-local.sh: pages connect through the balancer, which names the client
                    .with("chat.web.stomp-url", "ws://127.0.0.1:" + balancerPort + "/stomp")
                    .with("chat.trusted-proxies", "127.0.0.1")
                    // the streams below are faster than a person types
                    .with("chat.rate.per-second", "1000").with("chat.rate.burst", "1000"));
        }
        nodes.get(0).start(); // the schema's migrations, once, before the others look for them
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> start(nodes.get(1)));
        start(nodes.get(2));
        second.join();
        balancer = new Balancer(nodes, balancerPort, ChatProcess.freshDataDir("cluster-balancer").resolve("haproxy.log"));
        api = new ChatApi(balancer.root());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        for (ChatProcess node : nodes) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void aRoomsMessagesReachItsMembersOnEveryNodeInSeqOrderOnce() throws Exception {
        String alice = api.newUser("clua");
        String bob = api.newUser("club");
        String carol = api.newUser("cluc");
        long room = api.newRoom(carol, alice, bob);
        try (StompClient a = nodes.get(0).connect(alice); StompClient b = nodes.get(1).connect(bob);
             StompClient c = nodes.get(2).connect(carol)) {
            for (StompClient client : List.of(a, b, c)) {
                assertEquals("RECEIPT", client.subscribe("/topic/room." + room).command());
            }
            awaitEveryNodeHears(room, List.of(a, b, c));

            int perSender = 40;
            for (int i = 0; i < perSender; i++) {
                a.send("/app/chat.send", Chat.send(room, "from node 1, " + i, "x1-" + i));
                b.send("/app/chat.send", Chat.send(room, "from node 2, " + i, "x2-" + i));
            }
            for (StompClient client : List.of(a, b, c)) {
                List<JsonObject> events = stream(client, 2 * perSender, 60);
                assertEquals(2 * perSender, events.size(), "every message reached " + client + ": " + events);
                Set<String> ids = new HashSet<>();
                long previous = 0;
                for (JsonObject e : events) {
                    assertTrue(ids.add(e.getString("clientMsgId")), "once: " + e);
                    long seq = e.getJsonNumber("seq").longValue();
                    assertTrue(seq > previous, "in seq order: " + seq + " after " + previous + " in " + events);
                    previous = seq;
                }
            }
        }
        List<JsonObject> history = api.messageHistory(carol, room);
        long first = history.get(0).getJsonNumber("seq").longValue();
        for (int i = 0; i < history.size(); i++) {
            assertEquals(first + i, history.get(i).getJsonNumber("seq").longValue(), "one gapless seq across the nodes' writers");
        }
    }

    @Test
    @Order(2)
    void presenceAndARemovalHoldOnEveryNode() throws Exception {
        String owner = api.newUser("cluo");
        String dave = api.newUser("clud");
        String erin = api.newUser("clue");
        long room = api.newRoom(owner, dave, erin);
        ChatApi onNode3 = new ChatApi(nodes.get(2).root());
        try (StompClient d = nodes.get(1).connect(dave); StompClient e = nodes.get(2).connect(erin)) {
            assertEquals("RECEIPT", d.subscribe("/topic/room." + room).command());
            assertEquals("RECEIPT", e.subscribe("/topic/room." + room).command());
            awaitOnline(onNode3, owner, room, dave, true); // connected to node 2, asked on node 3

            // removed through node 1: her subscription on node 3 ends there too
            assertEquals(204, new ChatApi(nodes.get(0).root()).as(owner, "DELETE", "api/rooms/" + room + "/members/" + erin, null).status());
            Thread.sleep(1_000);
            String id = "after-removal";
            long deadline = System.currentTimeMillis() + 20_000;
            JsonObject heard = null;
            while (heard == null && System.currentTimeMillis() < deadline) {
                d.send("/app/chat.send", Chat.send(room, "erin cannot read this", id));
                heard = Chat.next(d, Chat.clientMsgId(id).and(Chat.type("ack").negate()), 2);
            }
            assertNotNull(heard, "dave, still a member, got the message");
            assertNull(Chat.next(e, Chat.clientMsgId(id), 3), "erin was removed on node 1; node 3 stopped her subscription");
        }
        awaitOnline(onNode3, owner, room, dave, false);
    }

    @Test
    @Order(2)
    void aPasswordGuesserSpreadingOverTheNodesIsLockedOutOnEveryNode() throws Exception {
        String user = api.newUser("clug");
        List<ChatApi> on = nodes.stream().map(node -> new ChatApi(node.root())).toList();
        // chat.login.max-failures is 10: 9 on node 1, 3 on node 2, and the 12th failure locks for 4 s
        for (int i = 0; i < 12; i++) {
            assertEquals(401, on.get(i < 9 ? 0 : 1).call("GET", "api/rooms", user, "wrong-" + i, null).status());
        }
        Thread.sleep(500); // the notices are on their way
        assertEquals(401, on.get(2).as(user, "GET", "api/rooms", null).status(),
                "node 3 never saw a wrong password, yet refuses even the right one");
        assertEquals(401, on.get(0).as(user, "GET", "api/rooms", null).status(), "so does node 1");

        Thread.sleep(4_500);
        assertEquals(200, on.get(2).as(user, "GET", "api/rooms", null).status(), "the back-off is over");
        Thread.sleep(500);
        assertEquals(401, on.get(0).call("GET", "api/rooms", user, "wrong-again", null).status());
        assertEquals(200, on.get(0).as(user, "GET", "api/rooms", null).status(),
                "node 3's success cleared the count on node 1 too: one more failure there does not lock her");
    }

    @Test
    @Order(4)
    void aRollingRestartLosesNothingAndTheChatStaysUp() throws Exception {
        int senders = 3;
        String reader = api.newUser("clrr");
        List<String> users = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            users.add(api.newUser("clrs"));
        }
        long room = api.newRoom(reader, users.toArray(String[]::new));
        Map<String, JsonObject> acked = new HashMap<>();
        List<StompClient> clients = new ArrayList<>();
        for (String u : users) {
            clients.add(connectThroughBalancer(u));
        }
        List<List<String>> sent = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            sent.add(new ArrayList<>());
        }
        int moved = 0;
        int sequence = 0;
        for (int restarting = 0; restarting < 3; restarting++) {
            ChatProcess node = nodes.get(restarting);
            CompletableFuture<?> restart = CompletableFuture.runAsync(() -> {
                try {
                    node.close(); // SIGTERM: the node stops as an operator stops it
                    node.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!restart.isDone()) {
                for (int s = 0; s < senders; s++) {
                    String id = "r-" + s + "-" + sequence;
                    sent.get(s).add(id);
                    trySend(clients.get(s), Chat.send(room, "rolling " + sequence, id));
                }
                sequence++;
                moved += reconnectAndResend(clients, users, sent, acked, room);
                drainAcks(clients, acked);
                Thread.sleep(200);
            }
            restart.join();
        }
        long deadline = System.currentTimeMillis() + 60_000;
        int total = senders * sequence;
        while (acked.size() < total && System.currentTimeMillis() < deadline) {
            moved += reconnectAndResend(clients, users, sent, acked, room);
            drainAcks(clients, acked);
        }
        clients.forEach(StompClient::close);
        assertTrue(moved > 0, "the restarts moved some connections");
        assertEquals(total, acked.size(), "every message sent during the restarts was acked");
        List<JsonObject> history = api.messageHistory(reader, room);
        assertEquals(total, history.size(), "stored once each");
        Set<String> ids = new HashSet<>();
        long first = history.get(0).getJsonNumber("seq").longValue();
        for (int i = 0; i < history.size(); i++) {
            assertEquals(first + i, history.get(i).getJsonNumber("seq").longValue(), "gapless seq");
            assertTrue(ids.add(history.get(i).getString("clientMsgId")), "no duplicate " + history.get(i));
        }
        System.out.printf("cluster rolling restart: %d messages, %d connections moved, stored once each%n", total, moved);
    }

    @Test
    @Order(5)
    void twoBrowsersOnDifferentNodesKeepChattingWhenOneNodeIsKilled() throws Exception {
        String a = ChatApi.uniqueName("ann");
        String b = ChatApi.uniqueName("ben");
        String room = "Cluster " + a.substring(4);
        WebDriver ann = Chromium.start();
        WebDriver ben = Chromium.start();
        try {
            long[] before = connectionsPerNode();
            ChatPage.signUp(ann, balancer.root(), a);
            int annsNode = nodeThatGained(before, connectionsPerNode());
            ChatPage.signUp(ben, balancer.root(), b); // the balancer's leastconn puts Ben on another node than Ann
            ChatPage.meetInANewRoom(ann, ben, room);

            say(ann, "hello from node " + (annsNode + 1));
            assertEquals(1, shown(ben, a, "hello from node " + (annsNode + 1)));
            say(ben, "hello back");
            assertEquals(1, shown(ann, b, "hello back"));

            nodes.get(annsNode).kill();
            // Ann's page notices, reconnects through the balancer to a node that is alive, and goes on
            say(ben, "did you get cut off?");
            waiting(ann, Duration.ofSeconds(60)).until(x -> x.findElement(By.id("connection")).getText().equals("online")
                    && confirmed(x, b, "did you get cut off?") > 0);
            say(ann, "yes, and I am back");
            assertEquals(1, shown(ben, a, "yes, and I am back"));
            assertEquals(1, confirmed(ann, b, "did you get cut off?"), "what was said meanwhile, once");
            assertEquals(1, confirmed(ben, a, "hello from node " + (annsNode + 1)), "nothing shown twice");
        } finally {
            ann.quit();
            ben.quit();
            for (ChatProcess node : nodes) {
                if (!node.isRunning()) {
                    node.start();
                }
            }
        }
    }

    /** The STOMP connections each node holds, from its /metrics (the application's own in-VM ones included). */
    private long[] connectionsPerNode() throws Exception {
        long[] counts = new long[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            String metrics = new ChatApi(nodes.get(n).root()).call("GET", "metrics", null, null, null).body();
            counts[n] = metrics.lines().filter(l -> l.startsWith("chat_broker_connections "))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim())).findFirst().orElse(-1);
        }
        return counts;
    }

    private int nodeThatGained(long[] before, long[] after) {
        for (int n = 0; n < before.length; n++) {
            if (after[n] > before[n]) {
                return n;
            }
        }
        throw new AssertionError("no node gained the page's connection: " + Arrays.toString(before) + " → " + Arrays.toString(after));
    }

    /** Reconnects the clients a restart cut off and resends what they have not had acked; returns how many. */
    private int reconnectAndResend(List<StompClient> clients, List<String> users, List<List<String>> sent,
                                   Map<String, JsonObject> acked, long room) throws Exception {
        int moved = 0;
        for (int s = 0; s < clients.size(); s++) {
            if (clients.get(s).isOpen()) {
                continue;
            }
            moved++;
            clients.get(s).close();
            clients.set(s, connectThroughBalancer(users.get(s)));
            for (String id : sent.get(s)) {
                if (!acked.containsKey(id)) {
                    trySend(clients.get(s), Chat.send(room, "rolling, again", id));
                }
            }
        }
        return moved;
    }

    private static void awaitOnline(ChatApi on, String viewer, long room, String user, boolean online) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Map<String, Boolean> seen = Map.of();
        while (System.nanoTime() < deadline) {
            ChatApi.Reply r = on.as(viewer, "GET", "api/rooms/" + room + "/members", null);
            assertEquals(200, r.status(), r.toString());
            seen = r.array().stream().map(v -> v.asJsonObject())
                    .collect(Collectors.toMap(m -> m.getString("username"), m -> m.getBoolean("online")));
            if (Boolean.valueOf(online).equals(seen.get(user))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " not " + (online ? "online" : "offline") + " on another node in time: " + seen);
    }

    @Test
    @Order(3)
    void killDashNineOfANodeLosesNoAckedMessageAndItsClientsGoOnThroughTheBalancer() throws Exception {
        int senders = 6;
        int perSender = 30;
        String reader = api.newUser("clur");
        List<String> users = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            users.add(api.newUser("clus"));
        }
        long room = api.newRoom(reader, users.toArray(String[]::new));
        Map<String, JsonObject> acked = new HashMap<>();
        // through the balancer: leastconn spreads them over the three nodes
        List<StompClient> clients = new ArrayList<>();
        for (String u : users) {
            clients.add(connectThroughBalancer(u));
        }
        for (int n = 0; n < perSender; n++) {
            for (int s = 0; s < senders; s++) {
                trySend(clients.get(s), Chat.send(room, "m " + s + " " + n, id(s, n)));
            }
            if (n == perSender / 2) {
                nodes.get(1).kill();
            }
            drainAcks(clients, acked);
            Thread.sleep(30);
        }
        int cut = 0;
        // what a client does: reconnect through the balancer, resend what was not acked, with the same ids
        long deadline = System.currentTimeMillis() + 90_000;
        while (acked.size() < senders * perSender && System.currentTimeMillis() < deadline) {
            for (int s = 0; s < senders; s++) {
                if (!clients.get(s).isOpen()) {
                    cut++;
                    clients.get(s).close();
                    clients.set(s, connectThroughBalancer(users.get(s)));
                    for (int n = 0; n < perSender; n++) {
                        if (!acked.containsKey(id(s, n))) {
                            trySend(clients.get(s), Chat.send(room, "m " + s + " " + n, id(s, n)));
                        }
                    }
                }
            }
            drainAcks(clients, acked);
        }
        assertTrue(cut > 0, "the killed node held some of the clients");
        assertEquals(senders * perSender, acked.size(), "every message acked after the clients moved");

        // the killed node comes back on its journal: what it held is redelivered and found stored
        nodes.get(1).start();
        Thread.sleep(5_000);
        clients.forEach(StompClient::close);
        List<JsonObject> history = api.messageHistory(reader, room);
        assertEquals(senders * perSender, history.size(), "stored once each");
        Set<String> ids = new HashSet<>();
        long first = history.get(0).getJsonNumber("seq").longValue();
        for (int i = 0; i < history.size(); i++) {
            assertEquals(first + i, history.get(i).getJsonNumber("seq").longValue(), "gapless seq");
            assertTrue(ids.add(history.get(i).getString("clientMsgId")), "no duplicate " + history.get(i));
        }
        for (JsonObject ack : acked.values()) {
            JsonObject stored = history.stream().filter(m -> m.getString("clientMsgId").equals(ack.getString("clientMsgId")))
                    .findFirst().orElseThrow();
            assertEquals(ack.getJsonNumber("seq"), stored.getJsonNumber("seq"), "an ack is a promise: " + ack);
        }
        System.out.printf("cluster kill -9: %d connections moved, %d messages acked, stored once each%n", cut, acked.size());
    }

    /**
     * A node learns of another's subscribers through the cluster's notifications, a moment after the
     * SUBSCRIBE: until then a message sent there does not reach them (a client fills that from history).
     * Probes from the first client until every client has heard one.
     */
    /**
     * Until every node's subscriber hears a probe from every node: the nodes have learnt of each
     * other's subscribers, and each node's writer and publisher have sent once. A node's first
     * publish is slow under load (its first pooled connection, cold code), and an event that comes
     * later than chat.cluster.reorder-wait-ms is given up on as a gap (read from history), which is
     * not what the test below is about.
     */
    private void awaitEveryNodeHears(long room, List<StompClient> clients) throws Exception {
        for (int from = 0; from < clients.size(); from++) {
            awaitEveryNodeHears(room, clients, from);
        }
    }

    private void awaitEveryNodeHears(long room, List<StompClient> clients, int from) throws Exception {
        for (int probe = 0; probe < 20; probe++) {
            String id = "probe-" + from + "-" + probe;
            clients.get(from).send("/app/chat.send", Chat.send(room, "probe", id));
            boolean all = true;
            for (StompClient client : clients) {
                all &= Chat.next(client, Chat.clientMsgId(id).and(Chat.type("ack").negate()), 2) != null;
            }
            if (all) {
                return;
            }
        }
        throw new AssertionError("node " + (from + 1) + "'s messages did not reach every node in 40 s");
    }

    private static List<JsonObject> stream(StompClient client, int count, long seconds) throws InterruptedException {
        List<JsonObject> out = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (out.size() < count && System.nanoTime() < deadline) {
            JsonObject e = Chat.next(client, json -> json.getString("clientMsgId", "").startsWith("x")
                    && !"ack".equals(json.getString("type", null)), 1);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private StompClient connectThroughBalancer(String user) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                StompClient c = StompClient.connect(balancer.stompEndpoint(), user, ChatApi.PASSWORD);
                if (c.isConnected()) {
                    StompFrame receipt = c.subscribe("/topic/user." + user);
                    assertNotNull(receipt);
                    if ("RECEIPT".equals(receipt.command())) {
                        return c;
                    }
                }
                c.close();
            } catch (Exception notYet) {
                // the balancer may still send us to the dead node until its health check says so
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(user + " could not reconnect through the balancer in 30 s");
            }
            Thread.sleep(250);
        }
    }

    private static void drainAcks(List<StompClient> clients, Map<String, JsonObject> acked) throws InterruptedException {
        int before = acked.size();
        for (StompClient c : clients) {
            StompFrame f;
            while ((f = c.next(0)) != null) {
                if ("MESSAGE".equals(f.command())) {
                    JsonObject json = Chat.body(f);
                    if ("ack".equals(json.getString("type"))) {
                        acked.putIfAbsent(json.getString("clientMsgId"), json);
                    }
                }
            }
        }
        if (acked.size() == before) {
            Thread.sleep(20);
        }
    }

    /** A send on a connection the dead node held fails: the client notices and resends after reconnecting. */
    private static void trySend(StompClient client, String body) {
        try {
            client.send("/app/chat.send", body);
        } catch (RuntimeException closed) {
            // isOpen() is false now; the loop below reconnects it
        }
    }

    private static String id(int sender, int n) {
        return "k-" + sender + "-" + n;
    }

    private static void start(ChatProcess node) {
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
