package app.chat.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format. Public like /health (a scraper has
 * no chat account); README says to keep it off the public address at the proxy. Payara's own
 * MicroProfile Metrics endpoint moves to /mp-metrics (src/main/payara/preboot.txt).
 */
@WebServlet("/metrics")
public class MetricsEndpoint extends HttpServlet {

    @Inject
    ChatMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(metrics.scrape());
    }
}
