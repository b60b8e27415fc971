package app.chat.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger.Level;

/**
 * A failure that is not the request's fault, in the API's error shape instead of the server's HTML
 * page. A database that cannot be reached (an outage, which the chat rides out) is 503
 * DATABASE_UNAVAILABLE with Retry-After, so clients wait and retry rather than report a bug; any
 * other unexpected failure is 500 INTERNAL_ERROR and logged. It is the mapper for RuntimeException,
 * the most general one, so every more specific mapper still wins; JAX-RS' own exceptions (404, 405,
 * ...) keep their responses.
 */
@Provider
public class ServerFailureMapper implements ExceptionMapper<RuntimeException> {

    /**
     * Long enough not to hammer a database that is coming back, short against the outages the chat
     * is built to ride out (its message redelivery backs off to 10 s).
     */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    static final String DATABASE_UNAVAILABLE_MESSAGE = "the database cannot be reached at the moment; try again shortly";

    private static final System.Logger LOG = System.getLogger(ServerFailureMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        if (DatabaseFailure.isUnreachable(e)) {
            LOG.log(Level.DEBUG, "database unreachable, answered 503", e);
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE,
                            DATABASE_UNAVAILABLE_MESSAGE))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.ERROR, "unexpected failure, answered 500", e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the request could not be processed");
    }
}
