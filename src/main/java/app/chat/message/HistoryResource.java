package app.chat.message;

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

/** {@code GET /api/rooms/{id}/messages?limit=50&before=seq | &after=seq}, ascending by seq. */
@Path("rooms/{roomId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    HistoryService history;

    @Context
    SecurityContext security;

    @GET
    public List<ChatEvent> read(@PathParam("roomId") long roomId,
                                @QueryParam("limit") String limit,
                                @QueryParam("before") String before,
                                @QueryParam("after") String after) {
        var query = HistoryQuery.of(limit, before, after);
        return history.read(roomId, security.getUserPrincipal().getName(), query);
    }
}
