package app.chat.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/config} (no login): where the web client finds the STOMP endpoint. By default
 * the host the page was loaded from, on the broker's port (wss:// when that port speaks TLS or the page
 * came over https), so the page works under any host name;
 * behind a proxy that serves WebSocket elsewhere, chat.web.stomp-url says where.
 */
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    @Inject
    WebSettings settings;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Where the web client connects (no credentials needed)")
    @APIResponse(responseCode = "200", description = "the STOMP URL and the longest text allowed")
    public ClientConfig config() {
        // a page served over https may only open wss://; a TLS acceptor speaks nothing else
        String scheme = settings.stompTls() || "https".equals(uri.getBaseUri().getScheme()) ? "wss" : "ws";
        String url = settings.stompUrl().orElseGet(() -> scheme + "://" + uri.getBaseUri().getHost() + ":" + settings.stompPort() + "/stomp");
        return new ClientConfig(url, settings.maxTextLength());
    }

    public record ClientConfig(String stompUrl, int maxTextLength) {
    }
}
