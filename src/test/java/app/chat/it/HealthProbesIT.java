package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probes of a running chat: liveness and readiness are different questions with different
 * checks (DatabaseOutageIT shows them disagreeing while PostgreSQL is away).
 */
class HealthProbesIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    @Test
    void livenessIsUpAndLooksAtNothingOutsideTheJvm() throws Exception {
        var reply = api.call("GET", "health/live", null, null, null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("UP", reply.json().getString("status"), reply.body());
        Set<String> checks = checkNames(reply.json());
        assertTrue(checks.contains("deadlocks"), reply.body());
        assertFalse(checks.contains("database") || checks.contains("broker"), "liveness must not wait on dependencies: " + reply.body());
    }

    @Test
    void readinessIsUpWithBrokerAndDatabaseChecksAndHealthAnswersTheSame() throws Exception {
        for (String path : new String[] {"health/ready", "health"}) {
            var reply = api.call("GET", path, null, null, null);
            assertEquals(200, reply.status(), path + ": " + reply.body());
            assertEquals("UP", reply.json().getString("status"), reply.body());
            assertTrue(checkNames(reply.json()).containsAll(Set.of("broker", "database")), path + ": " + reply.body());
            assertFalse(checkNames(reply.json()).contains("deadlocks"), path + ": " + reply.body());
        }
    }

    private static Set<String> checkNames(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .map(c -> c.getString("name")).collect(Collectors.toSet());
    }
}
