package app.chat.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every HTTP error the API returns: {@code {"code":"UNKNOWN_ROOM","message":"..."}}. */
public record ApiError(String code, String message) {

    public static Response response(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}
