package app.chat.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/config} (no login): where the web client finds the STOMP endpoint. By default
 * the host the page was loaded from, on the broker's port, so the page works under any host name;
 * behind a proxy that serves WebSocket elsewhere, chat.web.stomp-url says where.
 */
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    @Inject
    @ConfigProperty(name = "chat.stomp.port")
    int stompPort;

    @Inject
    @ConfigProperty(name = "chat.web.stomp-url")
    Optional<String> stompUrl;

    @Inject
    @ConfigProperty(name = "chat.text.max-length", defaultValue = "4000")
    int maxTextLength;

    @Context
    UriInfo uri;

    @GET
    public ClientConfig config() {
        String scheme = "https".equals(uri.getBaseUri().getScheme()) ? "wss" : "ws";
        String url = stompUrl.orElseGet(() -> scheme + "://" + uri.getBaseUri().getHost() + ":" + stompPort + "/stomp");
        return new ClientConfig(url, maxTextLength);
    }

    public record ClientConfig(String stompUrl, int maxTextLength) {
    }
}
