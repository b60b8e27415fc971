package app.chat.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The chat's HTTP API as a client uses it, with JSON-P for the answers. */
public final class ChatApi {

    public static final String PASSWORD = "correct horse battery";

    /** JSON-P, looked up once (each {@code Json.createX} call looks the provider up again). */
    public static final JsonProvider JSON = JsonProvider.provider();

    private final URI root;
    private final HttpClient http;

    public ChatApi(URI root) {
        this(root, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** Through the given client (one that trusts a test's own certificate for https://, say). */
    public ChatApi(URI root, HttpClient http) {
        this.root = root;
        this.http = http;
    }

    public record Reply(int status, String body) {
        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    public static JsonStructure parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().replace("-", "")).substring(0, Math.min(32, prefix.length() + 13));
    }

    public Reply call(String method, String path, String user, String password, String body) throws Exception {
        String basic = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(method, path, basic, body);
    }

    /** A call signed in with a session's token ({@code Authorization: Bearer}). */
    public Reply withToken(String token, String method, String path, String body) throws Exception {
        return send(method, path, "Bearer " + token, body);
    }

    /** Signs in (POST api/sessions) and returns the session's token. */
    public String newSession(String user, String password) throws Exception {
        Reply r = call("POST", "api/sessions", null, null, signUp(user, password));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-in failed: " + r);
        }
        return r.json().getString("token");
    }

    private Reply send(String method, String path, String authorization, String body) throws Exception {
        var request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    public Reply as(String user, String method, String path, String body) throws Exception {
        return call(method, path, user, PASSWORD, body);
    }

    /** Registers a fresh user (password {@link #PASSWORD}) and returns its name. */
    public String newUser(String prefix) throws Exception {
        String name = uniqueName(prefix);
        Reply r = call("POST", "api/users", null, null, signUp(name, PASSWORD));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + r);
        }
        return name;
    }

    /** The body of a sign-up (POST api/users) or a sign-in (POST api/sessions). */
    public static String signUp(String username, String password) {
        return JSON.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    /**
     * Creates a room owned by {@code owner}, joins the others, returns its id once their "joined"
     * events are in the room's history: they take seqs 1 to members.length, so the room's next entry
     * is members.length + 1 whatever comes next.
     */
    public long newRoom(String owner, String... members) throws Exception {
        Reply r = as(owner, "POST", "api/rooms", JSON.createObjectBuilder().add("name", "room of " + owner).build().toString());
        if (r.status() != 201) {
            throw new IllegalStateException("room creation failed: " + r);
        }
        long id = r.json().getJsonNumber("id").longValue();
        for (String m : members) {
            Reply joined = as(m, "POST", "api/rooms/" + id + "/members", null);
            if (joined.status() / 100 != 2) {
                throw new IllegalStateException("join failed: " + joined);
            }
        }
        awaitHistory(owner, id, members.length);
        return id;
    }

    /** Waits (up to 10 s) until the room's history has {@code entries} entries. */
    public void awaitHistory(String user, long room, int entries) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (history(user, room).size() < entries) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("room " + room + " did not reach " + entries + " history entries");
            }
            Thread.sleep(20);
        }
    }

    /** A room's history without its membership events: the messages and their changes. */
    public List<JsonObject> messageHistory(String user, long room) throws Exception {
        return history(user, room).stream().filter(e -> !"member".equals(e.getString("type"))).toList();
    }

    /** A room's whole history as {@code user} sees it, oldest first, paging with after={last seq}. */
    public List<JsonObject> history(String user, long room) throws Exception {
        List<JsonObject> history = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonArray page = as(user, "GET", "api/rooms/" + room + "/messages?limit=200&after=" + after, null).array();
            if (page.isEmpty()) {
                return history;
            }
            page.forEach(v -> history.add(v.asJsonObject()));
            after = history.get(history.size() - 1).getJsonNumber("seq").longValue();
        }
    }
}
