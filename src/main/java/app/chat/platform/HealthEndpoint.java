package app.chat.platform;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The chat's probes, in MicroProfile Health's JSON: {@code GET /health/ready} (and {@code /health},
 * which CI and existing probes use) is 200 once every readiness check is UP (broker, database, MDB),
 * 503 before and during an outage; {@code GET /health/live} runs only the liveness checks, so a
 * database or broker outage, which the chat rides out, never gets a node restarted.
 * The server's own endpoint answers UP while nothing is deployed yet, which is no help to someone
 * waiting for the chat; it moves to /mp-health (src/main/payara/preboot.txt), and this one, part of
 * the chat, cannot answer before the chat is there.
 */
@WebServlet({"/health", "/health/ready", "/health/live"})
public class HealthEndpoint extends HttpServlet {

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    @Any
    Instance<HealthCheck> liveness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instance<HealthCheck> checks = "/health/live".equals(request.getServletPath()) ? liveness : readiness;
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r = safely(check);
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
            r.getData().ifPresent(data -> {
                JsonObjectBuilder d = Json.createObjectBuilder();
                data.forEach((k, v) -> d.add(k, String.valueOf(v)));
                json.add("data", d);
            });
            results.add(json);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build().toString());
    }

    private static HealthCheckResponse safely(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().withData("error", String.valueOf(e)).build();
        }
    }
}
