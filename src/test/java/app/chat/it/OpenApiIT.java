package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.platform.ChatApplication;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /openapi describes the API the chat really has: every JAX-RS resource
 * method in the code is in it, nothing else is, and each documented operation answers (as a member
 * of a real room, with real credentials) one of the status codes the document gives it.
 */
class OpenApiIT extends SharedChatServer {

    ChatApi api;
    URI root;

    @BeforeEach
    void setUp() {
        root = ChatServer.root(deploymentUrl);
        api = new ChatApi(root);
    }

    @Test
    void theDocumentListsEveryResourceMethodOfTheCodeAndNothingElse() throws Exception {
        assertEquals(resourceMethodsInTheCode(), operations(openApi()).keySet());
    }

    @Test
    void everyDocumentedOperationAnswersOneOfItsDocumentedCodes() throws Exception {
        String user = api.newUser("openapi");
        long room = api.newRoom(user);
        Map<String, JsonObject> operations = operations(openApi());
        List<String> inOrder = new ArrayList<>(operations.keySet());
        // leaving the room last, so that the calls before it are a member's
        inOrder.sort(Comparator.comparing((String op) -> op.startsWith("DELETE")).thenComparing(op -> op));
        for (String operation : inOrder) {
            JsonObject documented = operations.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 2).replaceAll("\\{[^}]+}", Long.toString(room));
            String body = documented.containsKey("requestBody") ? "{}" : null;
            ChatApi.Reply reply = api.as(user, method, path, body);
            assertNotEquals(404, reply.status(), operation + " is documented but not there: " + reply);
            assertNotEquals(405, reply.status(), operation + " is documented but not there: " + reply);
            Set<String> codes = documented.getJsonObject("responses").keySet();
            assertTrue(codes.contains(Integer.toString(reply.status())),
                    operation + " answered " + reply.status() + ", documented: " + codes + "; " + reply.body());
        }
    }

    @Test
    void basicIsTheSecuritySchemeOfTheCallsThatNeedAUser() throws Exception {
        JsonObject document = openApi();
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject(ChatApplication.BASIC);
        assertEquals("http", scheme.getString("type"));
        assertEquals("basic", scheme.getString("scheme").toLowerCase(Locale.ROOT));
        Map<String, JsonObject> operations = operations(document);
        assertTrue(operations.get("GET /api/rooms").containsKey("security"), "GET /api/rooms needs a user");
        assertFalse(operations.get("POST /api/users").containsKey("security"), "signing up needs no user");
    }

    private JsonObject openApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return (JsonObject) ChatApi.parse(response.body());
    }

    /**
     * "METHOD /full/path" of every documented operation. A server may give the paths relative to a
     * server URL that holds part of the path (the context root), so that URL's path is put in front.
     */
    private static Map<String, JsonObject> operations(JsonObject document) {
        String prefix = "";
        if (document.containsKey("servers") && !document.getJsonArray("servers").isEmpty()) {
            String path = URI.create(document.getJsonArray("servers").getJsonObject(0).getString("url")).getPath();
            prefix = path == null ? "" : path.replaceAll("/+$", "");
        }
        Map<String, JsonObject> operations = new java.util.TreeMap<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().asJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(method)) {
                    operations.put(method + " " + normalize(prefix + "/" + path.getKey()), operation.getValue().asJsonObject());
                }
            }
        }
        return operations;
    }

    /** "METHOD /api/path" of every resource method of the chat's JAX-RS classes, read from the code. */
    private static Set<String> resourceMethodsInTheCode() {
        String application = ChatApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> found = new TreeSet<>();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.chat");
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = c.reflect();
            String base = "/" + application + "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    found.add(verb + " " + normalize(base + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        assertFalse(found.isEmpty(), "no JAX-RS resources found in the code");
        return found;
    }

    private static String httpMethod(Method m) {
        for (var annotation : m.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 ? p.replaceAll("/$", "") : p;
    }
}
