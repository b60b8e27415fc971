package app.chat.room;

import app.chat.platform.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UnknownRoomMapper implements ExceptionMapper<UnknownRoomException> {

    @Override
    public Response toResponse(UnknownRoomException e) {
        return ApiError.response(Response.Status.NOT_FOUND, "UNKNOWN_ROOM", e.getMessage());
    }
}
