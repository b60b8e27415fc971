package app.chat.room;

import app.chat.platform.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class RoomRequestRefusedMapper implements ExceptionMapper<RoomRequestRefused> {

    @Override
    public Response toResponse(RoomRequestRefused e) {
        return ApiError.response(Response.Status.fromStatusCode(e.refusal().status), e.refusal().name(), e.getMessage());
    }
}
