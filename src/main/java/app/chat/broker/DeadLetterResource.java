package app.chat.broker;

import app.chat.platform.ApiError;
import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

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
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "The dead-letter queue (operators only)")
    @APIResponse(responseCode = "200", description = "the dead letters, at most 500")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_AN_OPERATOR: the caller is not listed in chat.operators")
    public Response list() {
        if (!isOperator()) {
            return notAnOperator();
        }
        return Response.ok(deadLetters.list(500)).build();
    }

    @POST
    @Path("replay")
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "Send every dead letter back for another full set of attempts (operators only)")
    @APIResponse(responseCode = "200", description = "how many were replayed")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_AN_OPERATOR: the caller is not listed in chat.operators")
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
