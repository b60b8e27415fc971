package app.chat.message;

import app.chat.platform.ChatApplication;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code GET /api/rooms/{id}/messages?limit=50&before=seq | &after=seq}, ascending by seq. */
@Path("rooms/{roomId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    HistoryService history;

    @Context
    SecurityContext security;

    @GET
    @SecurityRequirement(name = ChatApplication.BASIC)
    @SecurityRequirement(name = ChatApplication.BEARER)
    @Operation(summary = "A page of a room's history, ascending by seq")
    @APIResponse(responseCode = "200", description = "the room's entries in the shape of the room topic's: messages"
            + " as they are now (edited: the last text and editedAt; deleted: a tombstone without text), and the"
            + " edits and deletes themselves (type edited, deleted) and membership events (type member)")
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: limit not 1-200, before not 1 or more, after not 0 or more")
    @APIResponse(responseCode = "401", description = "wrong or no credentials")
    @APIResponse(responseCode = "403", description = "NOT_A_MEMBER (a public room)")
    @APIResponse(responseCode = "404", description = "UNKNOWN_ROOM, also a private room or direct message the caller is not in")
    @APIResponse(responseCode = "503", description = "DATABASE_UNAVAILABLE, with Retry-After")
    public List<RoomEvent> read(@PathParam("roomId") long roomId,
                                @Parameter(description = "1-200, default 50") @QueryParam("limit") String limit,
                                @Parameter(description = "the newest messages with a smaller seq") @QueryParam("before") String before,
                                @Parameter(description = "the oldest messages with a greater seq (0: from the start)") @QueryParam("after") String after) {
        var query = HistoryQuery.of(limit, before, after);
        return history.read(roomId, security.getUserPrincipal().getName(), query);
    }
}
