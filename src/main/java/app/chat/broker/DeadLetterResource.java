package app.chat.broker;

import app.chat.platform.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/ops/dead-letters} lists the dead-letter queue; {@code POST /api/ops/dead-letters/replay}
 * sends it back for processing. For the users listed in chat.operators only.
 */
@Path("ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    BrokerSettings settings;

    @Context
    SecurityContext security;

    @GET
    public Response list() {
        if (!isOperator()) {
            return notAnOperator();
        }
        return Response.ok(deadLetters.list(500)).build();
    }

    @POST
    @Path("replay")
    public Response replay() {
        if (!isOperator()) {
            return notAnOperator();
        }
        return Response.ok(new Replayed(deadLetters.replayAll())).build();
    }

    public record Replayed(int replayed) {
    }

    private boolean isOperator() {
        return settings.operators().contains(security.getUserPrincipal().getName());
    }

    private static Response notAnOperator() {
        return ApiError.response(Response.Status.FORBIDDEN, "NOT_AN_OPERATOR",
                "only the users listed in chat.operators may handle dead letters");
    }
}
